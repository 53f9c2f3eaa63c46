// Backup policies from a plan, matched by (service, name). A policy must name its service (RPO is per
// service) and a schedule Lifeboat can check (an interval or a cron); one that does not is skipped and
// listed, never guessed.
import { backupPolicyFieldsSchema, type BackupPolicyFields } from "@/lib/backups/schemas";
import type { PlanSystem } from "../format";
import type { BackupPolicy } from "@/lib/generated/prisma/client";
import { definedOnly, pick, schemaProblems, type ImportContext } from "./context";
import { chunks, insertRows, updateVersioned, writeMatchedBatch, type ColumnTypes } from "./batch";
import { prefetchServices, resolveService, type ServiceIndex } from "./inventory";

/** What an import may change on a stored policy (updateVersioned writes these columns only). */
const POLICY_COLUMNS: ColumnTypes = {
  intervalMinutes: "int",
  cron: "text",
  retentionLocalDays: "int",
  retentionRemoteDays: "int",
  locations: "text[]",
  method: "text",
  verification: '"BackupVerification"',
  requireVerified: "boolean",
  graceMinutes: "int",
};
const NEW_POLICY_COLUMNS: ColumnTypes = { ...POLICY_COLUMNS, serviceId: "text", name: "text" };

type PlanPolicy = NonNullable<PlanSystem["backupPolicies"]>[number];

/** The system's policies: the stored ones of the services they name in one query, then one INSERT and one UPDATE. */
export async function importBackupPolicies(ctx: ImportContext, system: PlanSystem, path: string, index: ServiceIndex) {
  const policies = system.backupPolicies ?? [];
  await prefetchServices(
    ctx,
    index,
    system.name,
    policies.flatMap((p) => (p.service ? [p.service] : [])),
  );
  const items: { policy: PlanPolicy; at: string; label: string; serviceId: string }[] = [];
  for (const [i, policy] of policies.entries()) {
    const at = `${path}.backupPolicies[${i}]`;
    const label = `${system.name} / ${policy.service ?? "?"} / ${policy.name}`;
    if (!policy.service) {
      ctx.record({
        action: "skip",
        entity: "backup policy",
        name: label,
        details: ["names no service: add service: to apply it"],
      });
      continue;
    }
    const service = await resolveService(ctx, index, system.name, policy.service);
    if (!service) {
      ctx.problem(`${at}.service`, `"${policy.service}" is not a service of ${system.name}`);
      continue;
    }
    if (policy.intervalMinutes !== undefined && policy.cron !== undefined) {
      ctx.problem(at, "states both intervalMinutes and cron: a policy runs on one schedule");
      continue;
    }
    items.push({ policy, at, label, serviceId: service.id });
  }
  const key = (serviceId: string, name: string) => `${serviceId}\u0000${name}`;
  const existing = new Map<string, BackupPolicy>();
  // A service created by this import has no stored policies: only the others are looked up.
  const storedIds = [...new Set(items.map((x) => x.serviceId))].filter((id) => !ctx.created.has(id));
  for (const part of chunks(storedIds))
    for (const row of await ctx.tx.backupPolicy.findMany({ where: { serviceId: { in: part } } }))
      existing.set(key(row.serviceId, row.name), row);
  await writeMatchedBatch(ctx, {
    entityType: "BackupPolicy",
    items,
    key: (x) => key(x.serviceId, x.policy.name),
    rowKey: (row) => key(row.serviceId, row.name),
    existing,
    prepare: ({ policy, at, label, serviceId }, current) => {
      if (!current && policy.intervalMinutes === undefined && policy.cron === undefined) {
        ctx.record({
          action: "skip",
          entity: "backup policy",
          name: label,
          details: [
            `no interval or cron${policy.frequency ? ` ("${policy.frequency}")` : ""}: Lifeboat cannot tell when a run is late`,
          ],
        });
        return null;
      }
      const stated: Partial<BackupPolicyFields> = {
        // A stated interval replaces a stored cron and the reverse: exactly one of the two is kept.
        ...(policy.intervalMinutes !== undefined && { intervalMinutes: policy.intervalMinutes, cron: null }),
        ...(policy.cron !== undefined && { cron: policy.cron, intervalMinutes: null }),
        retentionLocalDays: policy.retentionLocalDays,
        retentionRemoteDays: policy.retentionRemoteDays,
        locations: policy.locations,
        method: policy.method,
        verification: policy.verification,
        requireVerified: policy.requireVerified,
        graceMinutes: policy.graceMinutes,
      };
      const definedStated = definedOnly(stated);
      const parsed = backupPolicyFieldsSchema.safeParse({
        ...(current ?? {}),
        ...definedStated,
        serviceId,
        name: policy.name,
      });
      if (!parsed.success) {
        schemaProblems(ctx, at, parsed.error.issues);
        return null;
      }
      return { entity: "backup policy", name: label, data: parsed.data, stated: pick(parsed.data, definedStated) };
    },
    createMany: (data) => insertRows(ctx.tx, "BackupPolicy", NEW_POLICY_COLUMNS, data),
    updateMany: (updates) =>
      updateVersioned(
        ctx.tx,
        "BackupPolicy",
        POLICY_COLUMNS,
        updates.map(({ current, changes }) => ({ id: current.id, version: current.version, changes })),
      ),
  });
}
