// The set-based importer (lib/plans/import/batch.ts) against real Postgres: what writing row by row did for the
// cases a batch could get wrong — a plan stating the same thing twice, dependencies replaced (edges removed in one
// DELETE), a cross-system dependency on a system the plan does not list, and the audit trail per row.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import type { Plan } from "./format";
import { importPlan } from "./import";

let t: TestDatabase;
const actor = { system: "test" };
const apply = { apply: true, canEditTiers: true };

beforeAll(async () => {
  t = await createTestDatabase();
});

describe("a plan applied as a batch", () => {
  it("takes the later statement when a plan states a new service or policy twice", async () => {
    const plan: Plan = {
      systems: [
        {
          name: "Twice",
          services: [
            { name: "db", tier: 1, rtoMinutes: 10 },
            { name: "db", tier: 2, rtoMinutes: 20 },
          ],
          backupPolicies: [
            { service: "db", name: "nightly", intervalMinutes: 60 },
            { service: "db", name: "nightly", cron: "0 3 * * *" },
          ],
        },
      ],
    };
    const outcome = await importPlan(t.db, actor, plan, apply);
    expect(outcome.problems).toEqual([]);
    expect(outcome.changes.filter((c) => c.entity === "service").map((c) => [c.action, c.details])).toEqual([
      ["create", ["tier: 1", "rtoMinutes: 10"]],
      ["update", ["tier: 1 → 2", "rtoMinutes: 10 → 20"]],
    ]);
    expect(await t.db.service.findMany({ where: { name: "db" } })).toMatchObject([
      { tier: 2, rtoMinutes: 20, version: 2 },
    ]);
    expect(await t.db.backupPolicy.findMany()).toMatchObject([
      { name: "nightly", cron: "0 3 * * *", intervalMinutes: null, version: 2 },
    ]);
  });

  it("replaces dependencies, resolves another system's service, and audits each row it writes", async () => {
    const base: Plan = {
      systems: [
        { name: "Core", services: [{ name: "auth", tier: 1 }] },
        {
          name: "Shop",
          services: [
            { name: "db", tier: 1 },
            { name: "cache", tier: 2 },
            { name: "api", tier: 2, dependsOn: ["db", "Core / auth"] },
          ],
        },
      ],
    };
    expect((await importPlan(t.db, actor, base, apply)).problems).toEqual([]);
    // Only Shop this time: "Core / auth" is found in Lifeboat, not in the plan.
    const changed: Plan = {
      systems: [{ name: "Shop", services: [{ name: "api", dependsOn: ["cache", "Core / auth"] }] }],
    };
    const outcome = await importPlan(t.db, actor, changed, apply);
    expect(outcome.problems).toEqual([]);
    expect(outcome.changes.filter((c) => c.action !== "unchanged")).toEqual([
      { action: "update", entity: "dependencies", name: "Shop / api", details: ["+ cache", "− db"] },
    ]);
    const api = await t.db.service.findFirstOrThrow({
      where: { name: "api" },
      include: { dependsOn: { include: { dependsOn: true } } },
    });
    expect(api.dependsOn.map((d) => d.dependsOn.name).sort()).toEqual(["auth", "cache"]);
    const events = await t.db.auditEvent.findMany({ where: { entityId: api.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual([
      "plan.import.service.create",
      "plan.import.dependencies.create",
      "plan.import.dependencies.update",
    ]);
    expect(events[2]!.after).toEqual({ dependsOn: ["cache", "Core / auth"] });
  });
});
