// Reads everything the break-glass pack shows, in a handful of queries, together with the change stamp it
// reflects (so ./write.ts knows when the file on disk is out of date).
import type { Reader } from "@/lib/db/client";
import { env } from "@/lib/env";
import { servicePlanSelect } from "@/lib/inventory/services";
import type { DependencyRow } from "@/lib/inventory/system-order";
import { systemPlanSelect } from "@/lib/inventory/systems";
import { findTierDefaults } from "@/lib/inventory/tier-defaults";
import { findPagingData } from "@/lib/people/queries";
import { findMatrix } from "@/lib/people/matrix";
import type { BreakglassSource } from "./source";

// Audit ids are handed out at insert but become visible at commit, so a slow transaction can appear
// below the max id after we looked. Counting the ids near the top as well catches it.
const LATE_COMMIT_WINDOW = 1000;

/** Changes whenever an audit event (every change writes one) becomes visible. "0/0" on an empty log. */
export async function findChangeStamp(db: Reader): Promise<string> {
  const [row] = await db.$queryRaw<{ max: bigint | null; recent: bigint }[]>`
    WITH top AS (SELECT max(id) AS max FROM "AuditEvent")
    SELECT top.max, (SELECT count(*) FROM "AuditEvent" a WHERE a.id > top.max - ${LATE_COMMIT_WINDOW}) AS recent FROM top`;
  return `${row?.max ?? 0}/${row?.recent ?? 0}`;
}

/** The rows the pack is made from, as lists. */
async function findRows(db: Reader) {
  return Promise.all([
    findPagingData(db),
    db.system.findMany({
      orderBy: { name: "asc" },
      select: {
        ...systemPlanSelect,
        notificationMatrix: { select: { id: true } },
        services: { orderBy: [{ tier: "asc" }, { name: "asc" }], select: servicePlanSelect },
        runbooks: {
          orderBy: { name: "asc" },
          select: {
            name: true,
            scenario: true,
            symptoms: true,
            detection: true,
            estimatedMinutes: true,
            steps: {
              orderBy: { position: "asc" },
              select: {
                position: true,
                group: true,
                title: true,
                kind: true,
                config: true,
                timeoutSeconds: true,
                retries: true,
              },
            },
          },
        },
      },
    }),
    db.$queryRaw<(DependencyRow & { serviceSystemId: string })[]>`
      SELECT d."serviceId", d."dependsOnId", s."systemId" AS "serviceSystemId", t.name AS "dependsOnName", t."systemId" AS "dependsOnSystemId", sys.name AS "dependsOnSystem"
      FROM "ServiceDependency" d
      JOIN "Service" s ON s.id = d."serviceId"
      JOIN "Service" t ON t.id = d."dependsOnId"
      JOIN "System" sys ON sys.id = t."systemId"
      ORDER BY d."serviceId", d."dependsOnId"`,
    findTierDefaults(db),
    db.contact.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        title: true,
        team: true,
        organization: true,
        email: true,
        phone: true,
        roles: true,
        preferredChannels: true,
        external: true,
        confirmedAt: true,
      },
    }),
  ]);
}

/** Everything the pack prints, with the change stamp it reflects. */
export async function findBreakglass(db: Reader, now = new Date()): Promise<BreakglassSource> {
  // The stamp first: a change landing while the rest loads makes the stamp older than the data, never newer,
  // so the writer's next look regenerates instead of missing it.
  const stamp = await findChangeStamp(db);
  const [paging, systems, dependencies, tierDefaults, contacts] = await findRows(db);
  const [fleetMatrix, ...ownMatrices] = await Promise.all([
    findMatrix(db, null),
    ...systems.filter((s) => s.notificationMatrix).map((s) => findMatrix(db, s.id)),
  ]);
  const topTiers = new Map(paging.systems.map((s) => [s.id, s.topTier]));
  return {
    generatedAt: now,
    changeStamp: stamp,
    tierDefaults,
    contacts,
    channels: paging.channels,
    policies: paging.policies,
    smtpConfigured: Boolean(env().SMTP_URL),
    systems: systems.map(({ notificationMatrix, ...system }) => ({
      ...system,
      topTier: topTiers.get(system.id) ?? null,
      dependencies: dependencies.filter((d) => d.serviceSystemId === system.id),
      ownMatrix: Boolean(notificationMatrix),
      matrix: (ownMatrices.find((m) => m.systemId === system.id) ?? fleetMatrix).rules,
    })),
  };
}
