// Recovery order, derived from the dependency graph and never typed by hand.
// Wave 1 holds what depends on nothing; every service sits one wave after the latest of its
// dependencies (longest path), so a wave can be recovered in parallel once earlier waves are up.
// Inside a wave: Tier 1 first, then by name, so the order is stable.

export type OrderNode = { id: string; name: string; tier: number };
/** `serviceId` needs `dependsOnId` up first. */
export type OrderEdge = { serviceId: string; dependsOnId: string };

export type RecoveryWave = { wave: number; services: OrderNode[] };

export class DependencyCycleError extends Error {
  constructor(public readonly cycle: string[]) {
    super(`Dependency cycle: ${cycle.join(" → ")}`);
    this.name = "DependencyCycleError";
  }
}

const byTierThenName = (a: OrderNode, b: OrderNode) =>
  a.tier - b.tier || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * Waves of the graph restricted to `nodes` (edges to services outside are ignored: those are external
 * prerequisites shown separately). Throws DependencyCycleError naming a cycle if the graph has one.
 */
export function computeRecoveryWaves(nodes: OrderNode[], edges: OrderEdge[]): RecoveryWave[] {
  const known = new Map(nodes.map((n) => [n.id, n]));
  const dependencies = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const dependents = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const edge of edges) {
    if (!known.has(edge.serviceId) || !known.has(edge.dependsOnId)) continue;
    dependencies.get(edge.serviceId)!.push(edge.dependsOnId);
    dependents.get(edge.dependsOnId)!.push(edge.serviceId);
  }

  // Kahn's algorithm, level by level.
  const remaining = new Map(nodes.map((n) => [n.id, dependencies.get(n.id)!.length]));
  const waveOf = new Map<string, number>();
  let frontier = nodes.filter((n) => remaining.get(n.id) === 0).map((n) => n.id);
  let wave = 0;
  while (frontier.length > 0) {
    wave += 1;
    const next: string[] = [];
    for (const id of frontier) {
      waveOf.set(id, wave);
      for (const dependent of dependents.get(id)!) {
        const left = remaining.get(dependent)! - 1;
        remaining.set(dependent, left);
        if (left === 0) next.push(dependent);
      }
    }
    frontier = next;
  }

  if (waveOf.size < nodes.length) {
    const stuck = nodes.filter((n) => !waveOf.has(n.id)).map((n) => n.id);
    throw new DependencyCycleError(findCycleAmong(stuck, dependencies).map((id) => known.get(id)!.name));
  }

  const waves: RecoveryWave[] = Array.from({ length: wave }, (_, i) => ({ wave: i + 1, services: [] }));
  for (const node of nodes) waves[waveOf.get(node.id)! - 1]!.services.push(node);
  for (const w of waves) w.services.sort(byTierThenName);
  return waves;
}

// Every node left after Kahn's algorithm has a dependency that is also left, so walking dependencies
// from any of them must revisit a node: that loop is a cycle.
function findCycleAmong(stuck: string[], dependencies: Map<string, string[]>): string[] {
  const left = new Set(stuck);
  const path: string[] = [];
  const position = new Map<string, number>();
  let current = [...stuck].sort()[0]!;
  while (!position.has(current)) {
    position.set(current, path.length);
    path.push(current);
    current = dependencies
      .get(current)!
      .filter((d) => left.has(d))
      .sort()[0]!;
  }
  return [...path.slice(position.get(current)!), current];
}

/**
 * Would adding `serviceId → dependsOnId` close a cycle? Returns the cycle (ids, first = last = serviceId)
 * or null. `dependenciesOf` answers the existing direct dependencies of a service.
 */
export function cycleIfAdded(
  serviceId: string,
  dependsOnId: string,
  dependenciesOf: (id: string) => readonly string[],
): string[] | null {
  if (serviceId === dependsOnId) return [serviceId, serviceId];
  // Breadth-first from the new dependency: reaching serviceId again means a loop; keep parents for the path.
  const parent = new Map<string, string | null>([[dependsOnId, null]]);
  const queue = [dependsOnId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const next of dependenciesOf(id)) {
      if (parent.has(next)) continue;
      parent.set(next, id);
      if (next === serviceId) {
        const path: string[] = [];
        for (let at: string | null = next; at !== null; at = parent.get(at) ?? null) path.unshift(at);
        return [serviceId, ...path];
      }
      queue.push(next);
    }
  }
  return null;
}
