import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditFilter = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  /** Show events older than this id (keyset pagination, newest first). */
  before?: bigint;
};

const AUDIT_PAGE_SIZE = 50;

export async function findAuditEvents(db: Db, filter: AuditFilter, limit = AUDIT_PAGE_SIZE) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.action && { action: { startsWith: filter.action } }),
    ...(filter.entityType && { entityType: filter.entityType }),
    ...(filter.entityId && { entityId: filter.entityId }),
    ...(filter.actor && { actorEmail: { contains: filter.actor, mode: "insensitive" } }),
    ...((filter.from || filter.to) && {
      at: { ...(filter.from && { gte: filter.from }), ...(filter.to && { lt: filter.to }) },
    }),
    ...(filter.before !== undefined && { id: { lt: filter.before } }),
  };
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      at: true,
      actorEmail: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
    },
  });
  const page = rows.slice(0, limit);
  return { events: page, nextBefore: rows.length > limit ? page[page.length - 1]?.id : undefined };
}

export async function findAuditEntityTypes(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ entityType: string }[]>`SELECT DISTINCT "entityType" FROM "AuditEvent" ORDER BY 1`;
  return rows.map((r) => r.entityType);
}
