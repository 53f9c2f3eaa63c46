import type { Db } from "@/lib/db/client";

export type ServiceOption = { id: string; name: string; tier: number; systemName: string };

export async function searchServices(db: Db, q: string, excludeId?: string, limit = 20): Promise<ServiceOption[]> {
  const rows = await db.service.findMany({
    where: { ...(q && { name: { contains: q, mode: "insensitive" } }), ...(excludeId && { id: { not: excludeId } }) },
    select: { id: true, name: true, tier: true, system: { select: { name: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map((r) => ({ id: r.id, name: r.name, tier: r.tier, systemName: r.system.name }));
}
