import type { Db } from "@/lib/db/client";

export type SystemSummary = {
  id: string;
  name: string;
  description: string;
  drStrategy: string;
  primaryRegion: string;
  drRegion: string;
  services: number;
  byTier: [number, number, number, number];
};

// Counted in SQL: one row per system, however many services there are.
export async function findSystemSummaries(db: Db): Promise<SystemSummary[]> {
  const rows = await db.$queryRaw<
    (Omit<SystemSummary, "byTier"> & { t1: number; t2: number; t3: number; t4: number })[]
  >`
    SELECT s.id, s.name, s.description, s."drStrategy", s."primaryRegion", s."drRegion",
           count(v.id)::int AS services,
           (count(v.id) FILTER (WHERE v.tier = 1))::int AS t1,
           (count(v.id) FILTER (WHERE v.tier = 2))::int AS t2,
           (count(v.id) FILTER (WHERE v.tier = 3))::int AS t3,
           (count(v.id) FILTER (WHERE v.tier = 4))::int AS t4
    FROM "System" s
    LEFT JOIN "Service" v ON v."systemId" = s.id
    GROUP BY s.id
    ORDER BY s.name`;
  return rows.map(({ t1, t2, t3, t4, ...system }) => ({ ...system, byTier: [t1, t2, t3, t4] }));
}
