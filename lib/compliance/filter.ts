// The services a compliance view covers, as one SQL condition on a Service-shaped row (used by every query).
import { Prisma } from "@/lib/generated/prisma/client";
import type { RtoStatus } from "./rules";

/** What a compliance view is narrowed to (the filter bar's fields). */
export type ComplianceFilter = { systemId?: string; tier?: number; q?: string; status?: RtoStatus };

export function serviceWhere(filter: ComplianceFilter, alias: string) {
  const a = Prisma.raw(alias);
  const conditions = [
    filter.systemId ? Prisma.sql`${a}."systemId" = ${filter.systemId}` : null,
    filter.tier ? Prisma.sql`${a}.tier = ${filter.tier}` : null,
    filter.q ? Prisma.sql`${a}.name ILIKE ${`%${filter.q.replace(/[\\%_]/g, "\\$&")}%`}` : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}
