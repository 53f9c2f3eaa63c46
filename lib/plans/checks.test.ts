import { describe, expect, it } from "vitest";
import { dependencyProblems, duplicateNameProblems } from "./checks";
import type { Plan } from "./format";

describe("dependencyProblems and duplicateNameProblems", () => {
  const plan: Plan = {
    systems: [
      { name: "Shop", services: [{ name: "api", dependsOn: ["db", "Billing / ledger", "Legacy / mainframe"] }] },
      { name: "Billing", services: [{ name: "ledger" }, { name: "ledger" }] },
    ],
  };

  it("accepts names the caller knows (the database), in both forms", () => {
    expect(dependencyProblems(plan).map((p) => p.path)).toEqual([
      "systems[0].services[0].dependsOn[0]",
      "systems[0].services[0].dependsOn[2]",
    ]);
    const known = (system: string, service: string) =>
      (system === "Shop" && service === "db") || (system === "Legacy" && service === "mainframe");
    expect(dependencyProblems(plan, known)).toEqual([]);
  });

  it("gives paths, without lines", () => {
    expect(dependencyProblems(plan)[0]).toEqual({
      path: "systems[0].services[0].dependsOn[0]",
      message: 'systems[0].services[0].dependsOn[0]: no service "db" in system "Shop"',
    });
    expect(duplicateNameProblems(plan)).toEqual([
      {
        path: "systems[1].services[1].name",
        message:
          'systems[1].services[1].name: duplicate service "ledger" in system "Billing" (first at systems[1].services[0])',
      },
    ]);
  });

  it("prefers a service of the same system whose name contains a slash", () => {
    const slashed: Plan = {
      systems: [{ name: "A", services: [{ name: "B / c" }, { name: "x", dependsOn: ["B / c"] }] }],
    };
    expect(dependencyProblems(slashed)).toEqual([]);
  });
});
