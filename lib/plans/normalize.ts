// Readings of a plan that take interpretation, done once before importing and shown in the preview:
// a priority word gives the tier when no tier is stated, and a system-wide RTO/RPO applies to the plan's
// services that state none. What the plan states but Lifeboat does not store is said too: the lower end of a
// range, and a stated recovery order (Lifeboat derives it from dependencies) — with any contradiction.
// Pure: the same plan always normalises the same way.
import { PRIORITY_TIERS, type Plan } from "./format";

export type Interpretation = { path: string; message: string };

function tierFromPriority(priority: string | undefined): number | undefined {
  if (!priority) return undefined;
  return PRIORITY_TIERS[priority.trim().toLowerCase() as keyof typeof PRIORITY_TIERS];
}

export function normalizePlan(plan: Plan): { plan: Plan; interpretations: Interpretation[] } {
  const interpretations: Interpretation[] = [];
  const systems = plan.systems.map((system, s) => {
    const services = system.services?.map((service, i) => {
      const path = `systems[${s}].services[${i}]`;
      const next = { ...service };
      if (next.tier === undefined) {
        const tier = tierFromPriority(next.priority);
        if (tier) {
          next.tier = tier;
          interpretations.push({
            path,
            message: `${service.name}: priority "${service.priority}" read as tier ${tier}`,
          });
        }
      }
      for (const key of ["rtoMinutes", "rpoMinutes"] as const) {
        if (next[key] === undefined && system[key] !== undefined) {
          next[key] = system[key];
          interpretations.push({
            path,
            message: `${service.name}: ${key === "rtoMinutes" ? "RTO" : "RPO"} ${system[key]} min from the system-wide figure`,
          });
        }
      }
      return next;
    });
    interpretations.push(...unstored(system, s));
    return { ...system, ...(services && { services }) };
  });
  return { plan: { ...plan, systems }, interpretations };
}

function unstored(system: Plan["systems"][number], s: number): Interpretation[] {
  const notes: Interpretation[] = [];
  const services = system.services ?? [];
  for (const [i, service] of services.entries()) {
    for (const [key, label] of [
      ["rto", "RTO"],
      ["rpo", "RPO"],
    ] as const) {
      const lower = service[`${key}MinMinutes`];
      if (lower !== undefined)
        notes.push({
          path: `systems[${s}].services[${i}]`,
          message: `${service.name}: ${label} stated as ${lower}–${service[`${key}Minutes`]} min; the target is the upper end (the lower end is not stored)`,
        });
    }
  }
  for (const [i, runbook] of (system.runbooks ?? []).entries()) {
    if (runbook.estimatedMinMinutes !== undefined)
      notes.push({
        path: `systems[${s}].runbooks[${i}]`,
        message: `${runbook.name}: estimated ${runbook.estimatedMinMinutes}–${runbook.estimatedMinutes} min; kept as ${runbook.estimatedMinutes} (the lower end is not stored)`,
      });
  }
  const order = new Map(
    services.filter((x) => x.recoveryOrder !== undefined).map((x) => [x.name.toLowerCase(), x.recoveryOrder!]),
  );
  if (order.size)
    notes.push({
      path: `systems[${s}]`,
      message: `${system.name}: the stated recovery order is not stored; Lifeboat derives it from the dependencies`,
    });
  for (const [i, service] of services.entries()) {
    const own = order.get(service.name.toLowerCase());
    for (const dependency of service.dependsOn ?? []) {
      const theirs = order.get(dependency.toLowerCase());
      if (own !== undefined && theirs !== undefined && own < theirs) {
        notes.push({
          path: `systems[${s}].services[${i}]`,
          message: `${system.name}: the plan recovers ${service.name} (${own}) before ${dependency} (${theirs}), which it depends on; Lifeboat recovers ${dependency} first`,
        });
      }
    }
  }
  return notes;
}
