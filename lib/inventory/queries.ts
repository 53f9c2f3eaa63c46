// Inventory reads that pages and other domains share: pickers' options, one row to edit, a system by name. The bigger views
// have their own files (service-list, service-detail, system-summaries, system-order).
import type { Reader } from "@/lib/db/client";
import { serviceSelect } from "./services";
import { systemSelect } from "./systems";

/** Every system as { id, name } by name: what each system picker offers (components/inventory/system-select.tsx). */
export function findSystemOptions(db: Reader) {
  return db.system.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** One system's editable fields, or null when there is no such system. */
export function findSystem(db: Reader, id: string) {
  return db.system.findUnique({ where: { id }, select: systemSelect });
}

/** One service's editable fields, or null when there is no such service. */
export function findService(db: Reader, id: string) {
  return db.service.findUnique({ where: { id }, select: serviceSelect });
}

/** Services as { id, name } by name: those with the given ids, or all of one system (a picker's options). */
export function findServiceOptions(db: Reader, where: { ids: string[] } | { systemId: string }) {
  return db.service.findMany({
    where: "ids" in where ? { id: { in: where.ids } } : { systemId: where.systemId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** A system's id from its id or its name (case-insensitive): one-or-null. */
export async function findSystemId(db: Reader, idOrName: string) {
  const found = await db.system.findFirst({
    where: { OR: [{ id: idOrName }, { name: { equals: idOrName, mode: "insensitive" } }] },
    select: { id: true },
  });
  return found?.id ?? null;
}
