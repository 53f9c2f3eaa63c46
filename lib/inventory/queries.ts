// Reads of the inventory for other domains' filters.
import type { Reader } from "@/lib/db/client";

/** A system's id from its id or its name (case-insensitive): one-or-null. */
export async function findSystemId(db: Reader, idOrName: string) {
  const found = await db.system.findFirst({ where: { OR: [{ id: idOrName }, { name: { equals: idOrName, mode: "insensitive" } }] }, select: { id: true } });
  return found?.id ?? null;
}
