// Tier defaults, systems, services and their dependencies from a plan. Services are matched by name within
// their system; dependencies are set exactly as the plan states them, then the whole graph is checked for a
// cycle before anything commits.
import { serviceFieldsSchema, systemFieldsSchema, type ServiceFields } from "@/lib/inventory/schemas";
import { computeRecoveryWaves, DependencyCycleError } from "@/lib/inventory/recovery-order";
import type { Plan, PlanSystem } from "../format";
import { restoreUrl } from "@/lib/security/secrets";
import { CROSS_SYSTEM_SEPARATOR } from "../export";
import { definedOnly, diffFields, pick, schemaProblems, writeMatched, type ImportContext } from "./context";
import { chunks, insertRows, updateVersioned, writeMatchedBatch, type ColumnTypes } from "./batch";

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

/** What an import may change on a stored service (updateVersioned writes these columns only). */
const SERVICE_COLUMNS: ColumnTypes = {
  kind: "text",
  tier: "int",
  rtoMinutes: "int",
  rpoMinutes: "int",
  owner: "text",
  healthCheckUrl: "text",
  notes: "text",
};
const NEW_SERVICE_COLUMNS: ColumnTypes = { ...SERVICE_COLUMNS, systemId: "text", name: "text" };

/** The system's services: read in one query, new ones in one INSERT, changed ones in one UPDATE (./batch.ts). */
export async function importServices(
  ctx: ImportContext,
  system: PlanSystem,
  systemId: string,
  path: string,
  index: ServiceIndex,
) {
  const existing = await ctx.tx.service.findMany({ where: { systemId } });
  const byName = new Map(existing.map((s) => [s.name, s]));
  await writeMatchedBatch(ctx, {
    entityType: "Service",
    items: (system.services ?? []).map((service, i) => ({ service, at: `${path}.services[${i}]` })),
    key: ({ service }) => service.name,
    rowKey: (row) => row.name,
    existing: byName,
    prepare: ({ service, at }, current) => {
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
          return null;
        }
        stated.healthCheckUrl = url;
      }
      if (!current && stated.tier === undefined) {
        ctx.problem(
          at,
          `${service.name} is new and states no tier (nor a priority): add tier: 1 (Critical) to 4 (Low)`,
        );
        return null;
      }
      const definedStated = definedOnly(stated);
      const base = current ? { ...current, healthCheckUrl: current.healthCheckUrl ?? "" } : NEW_SERVICE;
      const parsed = serviceFieldsSchema.safeParse({ ...base, ...definedStated, systemId, name: service.name });
      if (!parsed.success) {
        schemaProblems(ctx, at, parsed.error.issues);
        return null;
      }
      return {
        entity: "service",
        name: `${system.name} / ${service.name}`,
        data: parsed.data,
        // What the schema made of the stated fields (e.g. a normalised URL), not the raw text.
        stated: pick(parsed.data, definedStated),
      };
    },
    createMany: (data) => insertRows(ctx.tx, "Service", NEW_SERVICE_COLUMNS, data),
    updateMany: (updates) =>
      updateVersioned(
        ctx.tx,
        "Service",
        SERVICE_COLUMNS,
        updates.map(({ current, changes }) => ({ id: current.id, version: current.version, changes })),
      ),
  });
  index.set(system.name, new Map([...byName.values()].map((s) => [s.name, { id: s.id, name: s.name, systemId }])));
}

/** "Other system / service" split in two, or null for a plain name. */
function crossSystem(name: string): [string, string] | null {
  const split = name.indexOf(CROSS_SYSTEM_SEPARATOR);
  return split < 0 ? null : [name.slice(0, split), name.slice(split + CROSS_SYSTEM_SEPARATOR.length)];
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
  const other = crossSystem(name);
  if (!other) return null;
  const fromIndex = index.get(other[0])?.get(other[1]);
  if (fromIndex) return fromIndex;
  const key = other.join("\u0000");
  if (!ctx.foreignServices.has(key)) await prefetchServices(ctx, index, systemName, [name]);
  return ctx.foreignServices.get(key) ?? null;
}

/**
 * Looks up, in one query, the services of other systems that these names point at and the import has not
 * indexed, so resolving each of them afterwards asks nothing of the database.
 */
export async function prefetchServices(ctx: ImportContext, index: ServiceIndex, systemName: string, names: string[]) {
  const wanted = new Map<string, { system: string; name: string }>();
  for (const name of names) {
    if (index.get(systemName)?.has(name)) continue;
    const other = crossSystem(name);
    if (!other || index.get(other[0])?.has(other[1])) continue;
    const key = other.join("\u0000");
    if (!ctx.foreignServices.has(key)) wanted.set(key, { system: other[0], name: other[1] });
  }
  for (const part of chunks([...wanted.values()])) {
    const found = await ctx.tx.service.findMany({
      where: { OR: part.map((w) => ({ name: w.name, system: { name: w.system } })) },
      select: { id: true, name: true, systemId: true, system: { select: { name: true } } },
    });
    for (const f of found)
      ctx.foreignServices.set(`${f.system.name}\u0000${f.name}`, { id: f.id, name: f.name, systemId: f.systemId });
  }
  for (const key of wanted.keys()) if (!ctx.foreignServices.has(key)) ctx.foreignServices.set(key, null);
}

type Edge = { id: string; name: string };

/**
 * Sets each listed service's dependencies exactly as stated: the stored edges of the system's services in one
 * query, then every added edge in one INSERT and every removed one in one DELETE.
 */
export async function importDependencies(ctx: ImportContext, system: PlanSystem, path: string, index: ServiceIndex) {
  const local = index.get(system.name);
  const listed = (system.services ?? [])
    .map((service, i) => ({ service, i, self: local?.get(service.name) }))
    // A service without its own row has its problem reported already.
    .filter((x) => x.service.dependsOn !== undefined && x.self);
  if (!listed.length) return;
  await prefetchServices(
    ctx,
    index,
    system.name,
    listed.flatMap((x) => x.service.dependsOn!),
  );
  const stored = new Map<string, Edge[]>();
  // Services created by this import have no stored edges: only the others are looked up.
  const storedIds = [...new Set(listed.map((x) => x.self!.id))].filter((id) => !ctx.created.has(id));
  for (const part of chunks(storedIds)) {
    const rows = await ctx.tx.serviceDependency.findMany({
      where: { serviceId: { in: part } },
      select: { serviceId: true, dependsOnId: true, dependsOn: { select: { name: true } } },
    });
    for (const row of rows)
      stored.set(row.serviceId, [
        ...(stored.get(row.serviceId) ?? []),
        { id: row.dependsOnId, name: row.dependsOn.name },
      ]);
  }
  // The edges as the plan leaves them, service by service (a service listed twice: the later list wins).
  const result = new Map(stored);
  for (const { service, i, self } of listed) {
    const wanted = new Map<string, string>();
    for (const [k, name] of service.dependsOn!.entries()) {
      const target = await resolveService(ctx, index, system.name, name);
      if (!target)
        ctx.problem(
          `${path}.services[${i}].dependsOn[${k}]`,
          `"${name}" is not a service of ${system.name} (another system's service is written "System${CROSS_SYSTEM_SEPARATOR}service")`,
        );
      else if (target.id === self!.id)
        ctx.problem(`${path}.services[${i}].dependsOn[${k}]`, `${service.name} cannot depend on itself`);
      else wanted.set(target.id, name);
    }
    const current = result.get(self!.id) ?? [];
    const currentIds = new Set(current.map((d) => d.id));
    const added = [...wanted.keys()].filter((id) => !currentIds.has(id));
    const removed = current.filter((d) => !wanted.has(d.id));
    const label = `${system.name} / ${service.name}`;
    result.set(
      self!.id,
      [...wanted].map(([id, name]) => ({ id, name })),
    );
    if (!added.length && !removed.length) {
      ctx.record({ action: "unchanged", entity: "dependencies", name: label, details: [] });
      continue;
    }
    const details = [...added.map((id) => `+ ${wanted.get(id)}`), ...removed.map((d) => `− ${d.name}`)];
    ctx.record(
      // A service that had none gets its dependencies ("create"); one that had some has them changed.
      { action: current.length ? "update" : "create", entity: "dependencies", name: label, details },
      {
        entityType: "Service",
        entityId: self!.id,
        before: { dependsOn: current.map((d) => d.name) },
        after: { dependsOn: [...wanted.values()] },
      },
    );
  }
  const inserts: { serviceId: string; dependsOnId: string }[] = [];
  const deletes: { a: string; b: string }[] = [];
  for (const [serviceId, edges] of result) {
    const before = new Set((stored.get(serviceId) ?? []).map((d) => d.id));
    const after = new Set(edges.map((d) => d.id));
    for (const id of after) if (!before.has(id)) inserts.push({ serviceId, dependsOnId: id });
    for (const id of before) if (!after.has(id)) deletes.push({ a: serviceId, b: id });
  }
  for (const part of chunks(inserts, 5_000))
    await ctx.tx.$executeRawUnsafe(
      `INSERT INTO "ServiceDependency" ("serviceId", "dependsOnId")
       SELECT e.j->>'serviceId', e.j->>'dependsOnId' FROM jsonb_array_elements($1::jsonb) AS e(j)`,
      JSON.stringify(part),
    );
  for (const part of chunks(deletes))
    await ctx.tx.$executeRawUnsafe(
      `DELETE FROM "ServiceDependency" d USING jsonb_to_recordset($1::jsonb) AS v(a text, b text)
       WHERE d."serviceId" = v.a AND d."dependsOnId" = v.b`,
      JSON.stringify(part),
    );
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
