// Readings of a plan that take interpretation, done once before importing and shown in the preview:
// a priority word gives the tier when no tier is stated, and a system-wide RTO/RPO applies to the plan's
// services that state none. Pure: the same plan always normalises the same way.
import { PRIORITY_TIERS, type Plan } from "./format";

export type Interpretation = { path: string; message: string };

export function tierFromPriority(priority: string | undefined): number | undefined {
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
          interpretations.push({ path, message: `${service.name}: priority "${service.priority}" read as tier ${tier}` });
        }
      }
      for (const key of ["rtoMinutes", "rpoMinutes"] as const) {
        if (next[key] === undefined && system[key] !== undefined) {
          next[key] = system[key];
          interpretations.push({ path, message: `${service.name}: ${key === "rtoMinutes" ? "RTO" : "RPO"} ${system[key]} min from the system-wide figure` });
        }
      }
      return next;
    });
    return { ...system, ...(services && { services }) };
  });
  return { plan: { ...plan, systems }, interpretations };
}
