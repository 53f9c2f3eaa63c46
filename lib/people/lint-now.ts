import type { Reader } from "@/lib/db/client";
import { lintMatrix } from "./lint";
import { loadPagingData } from "./load";

/** The linter over the current database. */
export async function lintCurrentMatrix(db: Reader) {
  const data = await loadPagingData(db);
  return lintMatrix({ ...data, now: new Date() });
}
