// Backup policies from a plan, matched by (service, name). A policy must name its service (RPO is per
// service) and a schedule Lifeboat can check (an interval or a cron); one that does not is skipped and
// listed, never guessed.
import { backupPolicyFieldsSchema, type BackupPolicyFields } from "@/lib/backups/schemas";
import type { PlanSystem } from "../format";
import { definedOnly, pick, schemaProblems, writeMatched, type ImportContext } from "./context";
import { resolveService, type ServiceIndex } from "./inventory";

export async function importBackupPolicies(ctx: ImportContext, system: PlanSystem, path: string, index: ServiceIndex) {
  for (const [i, policy] of (system.backupPolicies ?? []).entries()) {
    const at = `${path}.backupPolicies[${i}]`;
    const label = `${system.name} / ${policy.service ?? "?"} / ${policy.name}`;
    if (!policy.service) {
      await ctx.record({
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
    const current = await ctx.tx.backupPolicy.findUnique({
      where: { serviceId_name: { serviceId: service.id, name: policy.name } },
    });
    if (!current && policy.intervalMinutes === undefined && policy.cron === undefined) {
      await ctx.record({
        action: "skip",
        entity: "backup policy",
        name: label,
        details: [
          `no interval or cron${policy.frequency ? ` ("${policy.frequency}")` : ""}: Lifeboat cannot tell when a run is late`,
        ],
      });
      continue;
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
      serviceId: service.id,
      name: policy.name,
    });
    if (!parsed.success) {
      schemaProblems(ctx, at, parsed.error.issues);
      continue;
    }
    await writeMatched(ctx, {
      entity: "backup policy",
      name: label,
      entityType: "BackupPolicy",
      entityId: (r) => r.id,
      current,
      stated: pick(parsed.data, definedStated),
      create: () => ctx.tx.backupPolicy.create({ data: parsed.data }),
      update: (changes) =>
        ctx.tx.backupPolicy.update({ where: { id: current!.id }, data: { ...changes, version: { increment: 1 } } }),
    });
  }
}
