import { describe, expect, it } from "vitest";
import {
  computeRecoveryWaves,
  cycleIfAdded,
  DependencyCycleError,
  type OrderEdge,
  type OrderNode,
} from "./recovery-order";

const node = (id: string, tier = 2): OrderNode => ({ id, name: id, tier });
const edge = (serviceId: string, dependsOnId: string): OrderEdge => ({ serviceId, dependsOnId });
const names = (waves: ReturnType<typeof computeRecoveryWaves>) => waves.map((w) => w.services.map((s) => s.name));

describe("computeRecoveryWaves", () => {
  it("puts a chain in consecutive waves", () => {
    expect(
      names(computeRecoveryWaves([node("api"), node("db"), node("disk")], [edge("api", "db"), edge("db", "disk")])),
    ).toEqual([["disk"], ["db"], ["api"]]);
  });

  it("handles a diamond: the top waits for the longer side", () => {
    const nodes = ["web", "api", "cache", "db"].map((id) => node(id));
    const edges = [edge("web", "api"), edge("web", "cache"), edge("api", "db"), edge("cache", "db")];
    expect(names(computeRecoveryWaves(nodes, edges))).toEqual([["db"], ["api", "cache"], ["web"]]);
  });

  it("uses the longest path when a service also depends on something early", () => {
    const nodes = ["a", "b", "c"].map((id) => node(id));
    expect(names(computeRecoveryWaves(nodes, [edge("c", "b"), edge("b", "a"), edge("c", "a")]))).toEqual([
      ["a"],
      ["b"],
      ["c"],
    ]);
  });

  it("orders Tier 1 first inside a wave, then by name, across disconnected parts", () => {
    const nodes = [node("zeta", 1), node("alpha", 3), node("beta", 1), node("island", 4), node("gamma", 2)];
    const waves = computeRecoveryWaves(nodes, [edge("gamma", "zeta")]);
    expect(names(waves)).toEqual([["beta", "zeta", "alpha", "island"], ["gamma"]]);
    expect(waves.map((w) => w.wave)).toEqual([1, 2]);
  });

  it("ignores edges to services outside the set (external prerequisites)", () => {
    expect(names(computeRecoveryWaves([node("api")], [edge("api", "elsewhere")]))).toEqual([["api"]]);
  });

  it("is empty for no services", () => {
    expect(computeRecoveryWaves([], [])).toEqual([]);
  });

  it("refuses a cycle and names it", () => {
    const nodes = ["a", "b", "c", "d"].map((id) => node(id));
    const run = () => computeRecoveryWaves(nodes, [edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("d", "a")]);
    expect(run).toThrow(DependencyCycleError);
    try {
      run();
    } catch (error) {
      const cycle = (error as DependencyCycleError).cycle;
      expect(cycle[0]).toBe(cycle.at(-1));
      expect(new Set(cycle)).toEqual(new Set(["a", "b", "c"]));
    }
  });
});

describe("cycleIfAdded", () => {
  const graph: Record<string, string[]> = { api: ["db"], db: ["disk"], disk: [], web: ["api"] };
  const deps = (id: string) => graph[id] ?? [];

  it("refuses a self-dependency", () => {
    expect(cycleIfAdded("api", "api", deps)).toEqual(["api", "api"]);
  });

  it("names the whole cycle a new edge would close", () => {
    expect(cycleIfAdded("disk", "web", deps)).toEqual(["disk", "web", "api", "db", "disk"]);
  });

  it("allows edges that keep the graph acyclic, including diamonds", () => {
    expect(cycleIfAdded("web", "db", deps)).toBeNull();
    expect(cycleIfAdded("api", "disk", deps)).toBeNull();
  });
});
