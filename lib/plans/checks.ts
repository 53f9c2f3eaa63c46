// Checks on a read plan that its schema cannot make, whatever format it came from: duplicate names, dependsOn
// naming no service, dependency cycles. Problems carry paths; a reader with a source adds the lines.
import type { Plan, PlanProblem } from "./format";
import { formatPath, type PathSegment } from "./paths";

/** Services outside the plan that a dependsOn may name (the importer passes what the database holds). */
export type KnownService = (system: string, service: string) => boolean;

/** A problem found on the plan itself, placed by its path (the caller adds lines when it has a source). */
export type PathedProblem = { at: PathSegment[]; path: string; message: string };

function pathed(at: PathSegment[], message: string): PathedProblem {
  const path = formatPath(at);
  return { at, path, message: `${path}: ${message}` };
}

/** duplicateNameProblems with each path's segments (`at`), for a reader that finds their lines. */
export function duplicateNameChecks(plan: Plan): PathedProblem[] {
  const problems: PathedProblem[] = [];
  const check = <T extends { name: string }>(
    items: readonly T[] | undefined,
    at: PathSegment[],
    what: string,
    within: string,
  ) => {
    const first = new Map<string, number>();
    (items ?? []).forEach((item, index) => {
      const earlier = first.get(item.name);
      if (earlier === undefined) first.set(item.name, index);
      else
        problems.push(
          pathed(
            [...at, index, "name"],
            `duplicate ${what} "${item.name}"${within} (first at ${formatPath([...at, earlier])})`,
          ),
        );
    });
  };
  check(plan.systems, ["systems"], "system", "");
  plan.systems.forEach((system, s) => {
    check(system.services, ["systems", s, "services"], "service", ` in system "${system.name}"`);
    check(system.runbooks, ["systems", s, "runbooks"], "runbook", ` in system "${system.name}"`);
  });
  return problems;
}

/** Duplicate system names, and duplicate service or runbook names within a system. Problems carry paths, not lines. */
export function duplicateNameProblems(plan: Plan): PlanProblem[] {
  return duplicateNameChecks(plan).map(({ path, message }) => ({ path, message }));
}

type ServiceRef = { system: number; service: number };

/** dependencyProblems with each path's segments (`at`), for a reader that finds their lines. */
export function dependencyChecks(plan: Plan, known?: KnownService): PathedProblem[] {
  const problems: PathedProblem[] = [];
  // Names → first occurrence (duplicates are reported on their own).
  const servicesOf = plan.systems.map((system) => {
    const services = new Map<string, number>();
    system.services?.forEach((service, i) => {
      if (!services.has(service.name)) services.set(service.name, i);
    });
    return services;
  });
  const systems = new Map<string, { index: number; services: Map<string, number> }>();
  plan.systems.forEach((system, s) => {
    if (!systems.has(system.name)) systems.set(system.name, { index: s, services: servicesOf[s]! });
  });

  const key = (ref: ServiceRef) => `${ref.system}/${ref.service}`;
  const edges = new Map<string, { to: ServiceRef; at: PathSegment[] }[]>();

  plan.systems.forEach((system, s) => {
    system.services?.forEach((service, i) => {
      const from = { system: s, service: i };
      service.dependsOn?.forEach((entry, d) => {
        const at: PathSegment[] = ["systems", s, "services", i, "dependsOn", d];
        let to: ServiceRef | undefined;
        // The same system first (a service name may contain "/"), then "System / service".
        const same = servicesOf[s]!.get(entry);
        if (same !== undefined) to = { system: s, service: same };
        const splits = crossSystemSplits(entry);
        for (const split of splits) {
          if (to) break;
          const target = systems.get(split.system);
          const index = target?.services.get(split.service);
          if (target && index !== undefined) to = { system: target.index, service: index };
        }
        if (to) {
          const list = edges.get(key(from)) ?? [];
          list.push({ to, at });
          edges.set(key(from), list);
          return;
        }
        if (known && (known(system.name, entry) || splits.some((split) => known(split.system, split.service)))) return;
        const namedSystem = splits.find((split) => systems.has(split.system));
        problems.push(
          pathed(
            at,
            namedSystem
              ? `no service "${namedSystem.service}" in system "${namedSystem.system}"`
              : splits.length > 0
                ? `no service "${entry}" in system "${system.name}", and no system "${splits[0]!.system}"`
                : `no service "${entry}" in system "${system.name}"`,
          ),
        );
      });
    });
  });

  // Cycles: a depth-first search from every service in plan order; each cycle reported once.
  const state = new Map<string, "active" | "done">();
  const stack: { ref: ServiceRef; at?: PathSegment[] }[] = [];
  const reported = new Set<string>();
  const label = (ref: ServiceRef, crossSystem: boolean) => {
    const system = plan.systems[ref.system]!;
    const service = system.services![ref.service]!;
    return crossSystem ? `${system.name} / ${service.name}` : service.name;
  };
  const visitNode = (ref: ServiceRef) => {
    state.set(key(ref), "active");
    for (const edge of edges.get(key(ref)) ?? []) {
      const target = key(edge.to);
      if (state.get(target) === "active") {
        // The cycle: from the target's place on the stack up to ref (the top), and back to the target.
        const start = stack.findIndex((entry) => key(entry.ref) === target);
        const cycle = stack.slice(start).map((entry) => entry.ref);
        const cycleEdges = [...stack.slice(start + 1).map((entry) => entry.at!), edge.at];
        // Start with the service that comes first in the plan, so the report does not depend on where the search began.
        let first = 0;
        cycle.forEach((node, n) => {
          const best = cycle[first]!;
          if (node.system < best.system || (node.system === best.system && node.service < best.service)) first = n;
        });
        const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
        const rotatedEdges = [...cycleEdges.slice(first), ...cycleEdges.slice(0, first)];
        const id = rotated.map(key).join(">");
        if (!reported.has(id)) {
          reported.add(id);
          const crossSystem = rotated.some((node) => node.system !== rotated[0]!.system);
          const names = [...rotated, rotated[0]!].map((node) => label(node, crossSystem));
          problems.push({
            at: rotatedEdges[0]!,
            path: formatPath(rotatedEdges[0]!),
            message: `Dependency cycle: ${names.join(" → ")}`,
          });
        }
      } else if (!state.has(target)) {
        stack.push({ ref: edge.to, at: edge.at });
        visitNode(edge.to);
        stack.pop();
      }
    }
    state.set(key(ref), "done");
  };
  plan.systems.forEach((system, s) =>
    system.services?.forEach((_service, i) => {
      const ref = { system: s, service: i };
      if (state.has(key(ref))) return;
      stack.push({ ref });
      visitNode(ref);
      stack.pop();
    }),
  );
  return problems;
}

/** Every way to read "System / service" (either name may contain "/"), both sides trimmed. */
function crossSystemSplits(entry: string): { system: string; service: string }[] {
  const splits: { system: string; service: string }[] = [];
  for (let at = entry.indexOf("/"); at !== -1; at = entry.indexOf("/", at + 1)) {
    const system = entry.slice(0, at).trim();
    const service = entry.slice(at + 1).trim();
    if (system && service) splits.push({ system, service });
  }
  return splits;
}

/**
 * dependsOn entries that name no service: a name in the same system, or "System / service" in another system
 * of the plan; `known` may accept names outside the plan (the importer passes what the database holds).
 * Also a dependency cycle within the plan ("Dependency cycle: a → b → a", placed on its first edge).
 * Problems carry paths, not lines.
 */
export function dependencyProblems(plan: Plan, known?: KnownService): PlanProblem[] {
  return dependencyChecks(plan, known).map(({ path, message }) => ({ path, message }));
}
