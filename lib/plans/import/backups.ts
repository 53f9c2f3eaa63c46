// Backup policies from a plan, matched by (service, name). A policy must name its service (RPO is per
// service) and a schedule Lifeboat can check (an interval or a cron); one that does not is skipped and
// listed, never guessed.
import { backupPolicyFieldsSchema, type BackupPolicyFields } from "@/lib/backups/policies";
import type { PlanSystem } from "../format";
import { describeNew, diffFields, schemaProblems, type ImportContext } from "./context";
import { resolveService, type ServiceIndex } from "./inventory";

export async function importBackupPolicies(ctx: ImportContext, system: PlanSystem, path: string, index: ServiceIndex) {
  for (const [i, policy] of (system.backupPolicies ?? []).entries()) {
    const at = `${path}.backupPolicies[${i}]`;
    const label = `${system.name} / ${policy.service ?? "?"} / ${policy.name}`;
    if (!policy.service) {
      await ctx.record({ action: "skip", entity: "backup policy", name: label, details: ["names no service: add service: to apply it"] });
      continue;
    }
    const service = await resolveService(ctx, index, system.name, policy.service);
    if (!service) {
      ctx.problem(`${at}.service`, `"${policy.service}" is not a service of ${system.name}`);
      continue;
    }
    const current = await ctx.tx.backupPolicy.findUnique({ where: { serviceId_name: { serviceId: service.id, name: policy.name } } });
    if (!current && policy.intervalMinutes === undefined && policy.cron === undefined) {
      await ctx.record({ action: "skip", entity: "backup policy", name: label, details: [`no interval or cron${policy.frequency ? ` ("${policy.frequency}")` : ""}: Lifeboat cannot tell when a run is late`] });
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
    const definedStated = Object.fromEntries(Object.entries(stated).filter(([, v]) => v !== undefined));
    const parsed = backupPolicyFieldsSchema.safeParse({ ...(current ?? {}), ...definedStated, serviceId: service.id, name: policy.name });
    if (!parsed.success) {
      schemaProblems(ctx, at, parsed.error.issues);
      continue;
    }
    const normalised = Object.fromEntries(Object.keys(definedStated).map((k) => [k, parsed.data[k as keyof BackupPolicyFields]]));
    if (!current) {
      const created = await ctx.tx.backupPolicy.create({ data: parsed.data });
      await ctx.record({ action: "create", entity: "backup policy", name: label, details: describeNew(normalised) }, { entityType: "BackupPolicy", entityId: created.id, after: created });
      continue;
    }
    const { update, details } = diffFields(current as unknown as Record<string, unknown>, normalised);
    if (!details.length) {
      await ctx.record({ action: "unchanged", entity: "backup policy", name: label, details });
      continue;
    }
    const after = await ctx.tx.backupPolicy.update({ where: { id: current.id }, data: { ...update, version: { increment: 1 } } });
    await ctx.record({ action: "update", entity: "backup policy", name: label, details }, { entityType: "BackupPolicy", entityId: current.id, before: current, after });
  }
}
