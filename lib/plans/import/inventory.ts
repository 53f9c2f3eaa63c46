// Tier defaults, systems, services and their dependencies from a plan. Services are matched by name within
// their system; dependencies are set exactly as the plan states them, then the whole graph is checked for a
// cycle before anything commits.
import { serviceFieldsSchema, systemFieldsSchema, type ServiceFields } from "@/lib/inventory/schemas";
import { computeRecoveryWaves, DependencyCycleError } from "@/lib/inventory/recovery-order";
import type { Plan, PlanSystem } from "../format";
import { restoreUrl } from "@/lib/security/secrets";
import { CROSS_SYSTEM_SEPARATOR } from "../export";
import { definedOnly, diffFields, pick, schemaProblems, writeMatched, type ImportContext } from "./context";

/** What a new service holds for the fields a plan leaves out ("not stated": the tier default applies). */
const NEW_SERVICE = { kind: "other", rtoMinutes: null, rpoMinutes: null, owner: "", healthCheckUrl: "", notes: "" };

export type ServiceRef = { id: string; name: string; systemId: string };
/** Services of the systems the import touched, by system name then service name. */
export type ServiceIndex = Map<string, Map<string, ServiceRef>>;

export async function importTiers(ctx: ImportContext, tiers: Plan["tiers"]) {
  for (const [i, t] of (tiers ?? []).entries()) {
    const current = await ctx.tx.tierDefault.findUnique({ where: { tier: t.tier } });
    const stated = { rtoMinutes: t.rtoMinutes, rpoMinutes: t.rpoMinutes };
    if (!ctx.canEditTiers && (!current || diffFields(current, stated).details.length)) {
      ctx.problem(`tiers[${i}]`, "changing tier defaults needs the admin role");
      continue;
    }
    await writeMatched(ctx, {
      entity: "tier",
      name: `Tier ${t.tier}`,
      entityType: "TierDefault",
      entityId: (row) => String(row.tier),
      current,
      stated,
      create: () => ctx.tx.tierDefault.create({ data: { tier: t.tier, ...stated } }),
      update: (changes) =>
        ctx.tx.tierDefault.update({ where: { tier: t.tier }, data: { ...changes, version: { increment: 1 } } }),
    });
  }
}

export async function importSystem(ctx: ImportContext, system: PlanSystem, path: string): Promise<string | null> {
  const current = await ctx.tx.system.findUnique({ where: { name: system.name } });
  const stated = definedOnly({
    description: system.description,
    drStrategy: system.drStrategy,
    primaryRegion: system.primaryRegion,
    drRegion: system.drRegion,
  });
  const parsed = systemFieldsSchema.safeParse({ ...(current ?? {}), ...stated, name: system.name });
  if (!parsed.success) {
    schemaProblems(ctx, path, parsed.error.issues);
    return current?.id ?? null;
  }
  const row = await writeMatched(ctx, {
    entity: "system",
    name: system.name,
    entityType: "System",
    entityId: (r) => r.id,
    current,
    stated: pick(parsed.data, stated),
    create: () => ctx.tx.system.create({ data: parsed.data }),
    update: (changes) =>
      ctx.tx.system.update({ where: { id: current!.id }, data: { ...changes, version: { increment: 1 } } }),
  });
  return row.id;
}

export async function importServices(
  ctx: ImportContext,
  system: PlanSystem,
  systemId: string,
  path: string,
  index: ServiceIndex,
) {
  const existing = await ctx.tx.service.findMany({ where: { systemId } });
  const byName = new Map(existing.map((s) => [s.name, s]));
  const refs = new Map<string, ServiceRef>(existing.map((s) => [s.name, { id: s.id, name: s.name, systemId }]));
  index.set(system.name, refs);
  for (const [i, service] of (system.services ?? []).entries()) {
    const at = `${path}.services[${i}]`;
    const current = byName.get(service.name);
    const stated: Partial<ServiceFields> = {
      kind: service.kind,
      tier: service.tier,
      rtoMinutes: service.rtoMinutes,
      rpoMinutes: service.rpoMinutes,
      owner: service.owner,
      healthCheckUrl: service.healthCheckUrl,
      notes: service.notes,
    };
    if (typeof stated.healthCheckUrl === "string") {
      const url = restoreUrl(stated.healthCheckUrl, current?.healthCheckUrl);
      if (url === null) {
        ctx.problem(
          `${at}.healthCheckUrl`,
          "holds a secret placeholder that does not match the stored URL: write the real URL",
        );
        continue;
      }
      stated.healthCheckUrl = url;
    }
    if (!current && stated.tier === undefined) {
      ctx.problem(at, `${service.name} is new and states no tier (nor a priority): add tier: 1 (Critical) to 4 (Low)`);
      continue;
    }
    const definedStated = definedOnly(stated);
    const base = current ? { ...current, healthCheckUrl: current.healthCheckUrl ?? "" } : NEW_SERVICE;
    const parsed = serviceFieldsSchema.safeParse({ ...base, ...definedStated, systemId, name: service.name });
    if (!parsed.success) {
      schemaProblems(ctx, at, parsed.error.issues);
      continue;
    }
    const row = await writeMatched(ctx, {
      entity: "service",
      name: `${system.name} / ${service.name}`,
      entityType: "Service",
      entityId: (r) => r.id,
      current,
      // What the schema made of the stated fields (e.g. a normalised URL), not the raw text.
      stated: pick(parsed.data, definedStated),
      create: () => ctx.tx.service.create({ data: parsed.data }),
      update: (changes) =>
        ctx.tx.service.update({ where: { id: current!.id }, data: { ...changes, version: { increment: 1 } } }),
    });
    refs.set(row.name, { id: row.id, name: row.name, systemId });
  }
}

/** A service named in a plan: in `systemName`, or "Other system / service" anywhere in Lifeboat. */
export async function resolveService(
  ctx: ImportContext,
  index: ServiceIndex,
  systemName: string,
  name: string,
): Promise<ServiceRef | null> {
  const local = index.get(systemName)?.get(name);
  if (local) return local;
  const split = name.indexOf(CROSS_SYSTEM_SEPARATOR);
  if (split < 0) return null;
  const [otherSystem, otherService] = [name.slice(0, split), name.slice(split + CROSS_SYSTEM_SEPARATOR.length)];
  const fromIndex = index.get(otherSystem)?.get(otherService);
  if (fromIndex) return fromIndex;
  const found = await ctx.tx.service.findFirst({
    where: { name: otherService, system: { name: otherSystem } },
    select: { id: true, name: true, systemId: true },
  });
  return found;
}

export async function importDependencies(ctx: ImportContext, system: PlanSystem, path: string, index: ServiceIndex) {
  for (const [i, service] of (system.services ?? []).entries()) {
    if (service.dependsOn === undefined) continue;
    const self = index.get(system.name)?.get(service.name);
    if (!self) continue; // its own problem is already reported
    const wanted = new Map<string, string>();
    for (const [k, name] of service.dependsOn.entries()) {
      const target = await resolveService(ctx, index, system.name, name);
      if (!target)
        ctx.problem(
          `${path}.services[${i}].dependsOn[${k}]`,
          `"${name}" is not a service of ${system.name} (another system's service is written "System${CROSS_SYSTEM_SEPARATOR}service")`,
        );
      else if (target.id === self.id)
        ctx.problem(`${path}.services[${i}].dependsOn[${k}]`, `${service.name} cannot depend on itself`);
      else wanted.set(target.id, name);
    }
    const current = await ctx.tx.serviceDependency.findMany({
      where: { serviceId: self.id },
      select: { dependsOnId: true, dependsOn: { select: { name: true } } },
    });
    const currentIds = new Set(current.map((d) => d.dependsOnId));
    const added = [...wanted.keys()].filter((id) => !currentIds.has(id));
    const removed = current.filter((d) => !wanted.has(d.dependsOnId));
    const label = `${system.name} / ${service.name}`;
    if (!added.length && !removed.length) {
      await ctx.record({ action: "unchanged", entity: "dependencies", name: label, details: [] });
      continue;
    }
    if (added.length)
      await ctx.tx.serviceDependency.createMany({
        data: added.map((dependsOnId) => ({ serviceId: self.id, dependsOnId })),
      });
    if (removed.length)
      await ctx.tx.serviceDependency.deleteMany({
        where: { serviceId: self.id, dependsOnId: { in: removed.map((d) => d.dependsOnId) } },
      });
    const details = [...added.map((id) => `+ ${wanted.get(id)}`), ...removed.map((d) => `− ${d.dependsOn.name}`)];
    await ctx.record(
      // A service that had none gets its dependencies ("create"); one that had some has them changed.
      { action: current.length ? "update" : "create", entity: "dependencies", name: label, details },
      {
        entityType: "Service",
        entityId: self.id,
        before: { dependsOn: current.map((d) => d.dependsOn.name) },
        after: { dependsOn: [...wanted.values()] },
      },
    );
  }
}

/** After every edge is written: the graph must still be acyclic (checked over the whole graph, in the transaction). */
export async function checkAcyclic(ctx: ImportContext) {
  const [nodes, edges] = await Promise.all([
    ctx.tx.service.findMany({ select: { id: true, name: true, tier: true } }),
    ctx.tx.serviceDependency.findMany({ select: { serviceId: true, dependsOnId: true } }),
  ]);
  try {
    computeRecoveryWaves(nodes, edges);
  } catch (error) {
    if (!(error instanceof DependencyCycleError)) throw error;
    ctx.problem("dependsOn", `the plan would create a dependency cycle: ${error.cycle.join(" → ")}`);
  }
}
