import type { Reader } from "@/lib/db/client";
import { lintMatrix } from "./lint";
import { findPagingData } from "./queries";

/** The linter over the current database. */
export async function lintCurrentMatrix(db: Reader) {
  const data = await findPagingData(db);
  return lintMatrix({ ...data, now: new Date() });
}
