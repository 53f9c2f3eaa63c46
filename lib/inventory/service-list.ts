// The service list: filtered, sorted and paged with a keyset cursor, so page 100 costs what page 1 costs.
// Effective RTO/RPO (own value, else the tier default) are computed in SQL, so they sort correctly too.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { z } from "zod";

const SERVICE_SORTS = ["name", "tier", "rto", "rpo", "system"] as const;
export type ServiceSort = (typeof SERVICE_SORTS)[number];

export const serviceListQuerySchema = z.object({
  q: z.string().trim().max(120).optional().catch(undefined),
  system: z.string().trim().max(64).optional().catch(undefined),
  tier: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  kind: z.string().trim().max(40).optional().catch(undefined),
  sort: z.enum(SERVICE_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  after: z.string().max(400).optional().catch(undefined),
});
export type ServiceListQuery = z.infer<typeof serviceListQuerySchema>;

export type ServiceListRow = {
  id: string;
  name: string;
  kind: string;
  tier: number;
  systemId: string;
  systemName: string;
  owner: string;
  rtoMinutes: number | null;
  rpoMinutes: number | null;
  rtoFromTier: boolean;
  rpoFromTier: boolean;
  dependencies: number;
  dependents: number;
};

// Sort keys as SQL expressions over the aliases below; every one is made total with the id as tie-break.
const SORT_EXPRESSIONS: Record<ServiceSort, Prisma.Sql> = {
  name: Prisma.sql`lower(s.name)`,
  tier: Prisma.sql`s.tier`,
  rto: Prisma.sql`COALESCE(s."rtoMinutes", td."rtoMinutes", 2147483647)`,
  rpo: Prisma.sql`COALESCE(s."rpoMinutes", td."rpoMinutes", 2147483647)`,
  system: Prisma.sql`lower(sys.name)`,
};

type Cursor = { v: string | number; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

const NUMERIC_SORTS = new Set<ServiceSort>(["tier", "rto", "rpo"]);

/** A cursor is user input: its value must have the sort's type (text, or a 32-bit integer), else it is ignored. */
function decodeCursor(value: string | undefined, sort: ServiceSort): Cursor | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (typeof parsed?.id !== "string" || parsed.id.length > 64) return null;
    if (NUMERIC_SORTS.has(sort))
      return Number.isInteger(parsed.v) && Math.abs(parsed.v) <= 2_147_483_647 ? parsed : null;
    return typeof parsed.v === "string" && parsed.v.length <= 400 ? parsed : null;
  } catch {
    return null;
  }
}

const SERVICE_PAGE_SIZE = 50;

export async function findServicePage(db: Db, query: ServiceListQuery, pageSize = SERVICE_PAGE_SIZE) {
  const sortExpression = SORT_EXPRESSIONS[query.sort];
  const descending = query.dir === "desc";
  const cursor = decodeCursor(query.after, query.sort);
  const conditions: Prisma.Sql[] = [];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(Prisma.sql`(s.name ILIKE ${pattern} OR s.owner ILIKE ${pattern} OR s.kind ILIKE ${pattern})`);
  }
  if (query.system) conditions.push(Prisma.sql`s."systemId" = ${query.system}`);
  if (query.tier) conditions.push(Prisma.sql`s.tier = ${query.tier}`);
  if (query.kind) conditions.push(Prisma.sql`s.kind = ${query.kind}`);
  if (cursor) {
    const value = typeof cursor.v === "number" ? Prisma.sql`${cursor.v}::int` : Prisma.sql`${cursor.v}::text`;
    conditions.push(
      descending
        ? Prisma.sql`(${sortExpression}, s.id) < (${value}, ${cursor.id})`
        : Prisma.sql`(${sortExpression}, s.id) > (${value}, ${cursor.id})`,
    );
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const order = descending
    ? Prisma.sql`ORDER BY ${sortExpression} DESC, s.id DESC`
    : Prisma.sql`ORDER BY ${sortExpression} ASC, s.id ASC`;

  const rows = await db.$queryRaw<(ServiceListRow & { sortValue: string | number })[]>`
    SELECT s.id, s.name, s.kind, s.tier, s."systemId", sys.name AS "systemName", s.owner,
           COALESCE(s."rtoMinutes", td."rtoMinutes") AS "rtoMinutes",
           COALESCE(s."rpoMinutes", td."rpoMinutes") AS "rpoMinutes",
           (s."rtoMinutes" IS NULL AND td."rtoMinutes" IS NOT NULL) AS "rtoFromTier",
           (s."rpoMinutes" IS NULL AND td."rpoMinutes" IS NOT NULL) AS "rpoFromTier",
           (SELECT count(*)::int FROM "ServiceDependency" d WHERE d."serviceId" = s.id) AS dependencies,
           (SELECT count(*)::int FROM "ServiceDependency" d WHERE d."dependsOnId" = s.id) AS dependents,
           ${sortExpression} AS "sortValue"
    FROM "Service" s
    JOIN "System" sys ON sys.id = s."systemId"
    LEFT JOIN "TierDefault" td ON td.tier = s.tier
    ${where}
    ${order}
    LIMIT ${pageSize + 1}`;

  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    services: page.map((row): ServiceListRow => {
      const { sortValue, ...service } = row;
      void sortValue;
      return service;
    }),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ v: last.sortValue, id: last.id }) : null,
  };
}

/** Total matching the filters (one COUNT in SQL), shown above the list. */
export async function findServiceCount(
  db: Db,
  query: Pick<ServiceListQuery, "q" | "system" | "tier" | "kind">,
): Promise<number> {
  const where: Prisma.ServiceWhereInput = {
    ...(query.q && {
      OR: [
        { name: { contains: query.q, mode: "insensitive" } },
        { owner: { contains: query.q, mode: "insensitive" } },
        { kind: { contains: query.q, mode: "insensitive" } },
      ],
    }),
    ...(query.system && { systemId: query.system }),
    ...(query.tier && { tier: query.tier }),
    ...(query.kind && { kind: query.kind }),
  };
  return db.service.count({ where });
}

export async function findKinds(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ kind: string }[]>`SELECT DISTINCT kind FROM "Service" ORDER BY kind`;
  return rows.map((r) => r.kind);
}
