// Import and export against a real Postgres: a plan creates what it states, importing it again changes
// nothing, export → import → export is a fixed point, a preview writes nothing, and a bad plan leaves no trace.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import type { Plan } from "./format";
import { SECRET_PLACEHOLDER } from "@/lib/security/secrets";
import { exportPlan } from "./export";
import { importPlan } from "./import";

let t: TestDatabase;
const actor = { system: "test" };
const apply = { apply: true, canEditTiers: true };
const preview = { apply: false, canEditTiers: true };

const shop: Plan = {
  version: 1,
  tiers: [{ tier: 1, rtoMinutes: 30, rpoMinutes: 15 }],
  channels: [{ name: "ops-email", type: "email" }],
  systems: [
    {
      name: "Harbor Shop",
      drStrategy: "active-passive",
      primaryRegion: "eu-west-1",
      services: [
        {
          name: "orders-db",
          kind: "database",
          priority: "Critical",
          rtoMinutes: 20,
          rpoMinutes: 5,
          healthCheckUrl: "https://status.example.test/health?key=hk999",
          dependsOn: [],
        },
        { name: "checkout", tier: 2, rtoMinutes: 45, dependsOn: ["orders-db"] },
      ],
      backupPolicies: [
        {
          service: "orders-db",
          name: "nightly",
          cron: "0 2 * * *",
          retentionLocalDays: 7,
          locations: ["s3://harbor-backups"],
          method: "scripts/backup/pg.sh",
        },
        { name: "cluster snapshot", intervalMinutes: 1440 },
        { service: "checkout", name: "real-time", frequency: "Real-time" },
      ],
      runbooks: [
        {
          name: "Database restore",
          symptoms: "orders fail",
          estimatedMinutes: 45,
          drillEveryDays: 91,
          steps: [
            {
              title: "Stop checkout",
              kind: "command",
              command: "kubectl scale deploy/checkout --replicas=0",
              cwd: "/srv/ops",
            },
            { title: "Call the vendor", kind: "manual", instructions: "Ticket with priority 1" },
            {
              title: "Tell the restore service",
              kind: "http",
              config: {
                url: "https://restore.example.test/start?token=abc123",
                method: "POST",
                headers: { Authorization: "Bearer s3cret", "Content-Type": "application/json" },
                body: '{"routing_key":"rk123"}',
              },
            },
          ],
        },
        { name: "Pod failure", estimatedMinutes: 1 },
      ],
      contacts: [
        { name: "Ana Ops", role: "On-call engineer", email: "ana@harbor.test", phone: "+14155550123" },
        { role: "DevOps Lead" },
      ],
      escalation: [
        { level: 1, afterMinutes: 0, targets: ["ana@harbor.test"], channels: ["ops-email"] },
        { level: 2, afterMinutes: 15, targets: ["DevOps Lead", "Azure support"] },
      ],
      notifications: [
        { event: "detected", audience: "internal", recipients: "PagerDuty", timing: "immediate" },
        { event: "progress_update", audience: "external", recipients: "Status page", timing: "every", minutes: 30 },
      ],
    },
  ],
};

beforeAll(async () => {
  t = await createTestDatabase();
});

describe("importing a plan", () => {
  it("previews without writing anything", async () => {
    const outcome = await importPlan(t.db, actor, shop, preview);
    expect(outcome.problems).toEqual([]);
    expect(outcome.applied).toBe(false);
    expect(outcome.counts.create).toBeGreaterThan(10);
    expect(await t.db.service.count()).toBe(0);
    expect(await t.db.auditEvent.count()).toBe(0);
  });

  it("applies what the preview listed, and says what it skipped and why", async () => {
    const previewed = await importPlan(t.db, actor, shop, preview);
    const outcome = await importPlan(t.db, actor, shop, { ...apply, expectedFingerprint: previewed.fingerprint });
    expect(outcome.applied).toBe(true);
    expect(outcome.changes).toEqual(previewed.changes);
    const skipped = outcome.changes.filter((c) => c.action === "skip").map((c) => c.name);
    expect(skipped).toEqual([
      "Harbor Shop / ? / cluster snapshot",
      "Harbor Shop / checkout / real-time",
      "Harbor Shop / Pod failure",
    ]);

    const db = await t.db.service.findFirstOrThrow({
      where: { name: "orders-db" },
      include: { dependents: { include: { service: true } } },
    });
    expect(db).toMatchObject({ tier: 1, rtoMinutes: 20, rpoMinutes: 5, kind: "database" });
    expect(db.dependents.map((d) => d.service.name)).toEqual(["checkout"]);
    const runbook = await t.db.runbook.findFirstOrThrow({
      where: { name: "Database restore" },
      include: { steps: { orderBy: { position: "asc" } }, drill: true },
    });
    expect(runbook.steps[0]!.config).toEqual({
      command: "kubectl scale deploy/checkout --replicas=0",
      cwd: "/srv/ops",
      enabled: false,
    });
    expect(runbook.drill?.everyDays).toBe(91);
    const lead = await t.db.contact.findFirstOrThrow({ where: { name: "DevOps Lead" } });
    expect(lead).toMatchObject({ title: "DevOps Lead", roles: ["DevOps Lead"], email: null, phone: null });
    const policy = await t.db.escalationPolicy.findFirstOrThrow({
      include: { levels: { orderBy: { position: "asc" }, include: { contacts: true } } },
    });
    expect(policy.levels.map((l) => [l.afterMinutes, l.contacts.length, l.roleTargets])).toEqual([
      [0, 1, []],
      [15, 1, ["Azure support"]],
    ]);
    expect(await t.db.auditEvent.count({ where: { action: "plan.import" } })).toBe(1);
  });

  it("changes nothing when the same plan is imported again", async () => {
    const outcome = await importPlan(t.db, actor, shop, apply);
    expect(outcome.problems).toEqual([]);
    expect(outcome.changes.filter((c) => c.action === "create" || c.action === "update")).toEqual([]);
  });

  it("export → import → export gives the same plan, and hides secrets while keeping them", async () => {
    const first = await exportPlan(t.db);
    const step = first.systems[0]!.runbooks![0]!.steps![2]!;
    for (const secret of ["s3cret", "abc123", "rk123", "hk999"]) expect(JSON.stringify(first)).not.toContain(secret);
    expect(step.config).toMatchObject({
      headers: { Authorization: SECRET_PLACEHOLDER, "Content-Type": "application/json" },
      body: SECRET_PLACEHOLDER,
    });
    expect(first.systems[0]!.runbooks![0]!.steps![0]).toMatchObject({ cwd: "/srv/ops", enabled: false });
    const outcome = await importPlan(t.db, actor, first, apply);
    expect(outcome.problems).toEqual([]);
    expect(outcome.changes.filter((c) => c.action === "create" || c.action === "update")).toEqual([]);
    expect(await exportPlan(t.db)).toEqual(first);
    const stored = await t.db.runbookStep.findFirstOrThrow({ where: { kind: "http" } });
    expect(stored.config).toMatchObject({
      url: "https://restore.example.test/start?token=abc123",
      headers: { Authorization: "Bearer s3cret" },
      body: '{"routing_key":"rk123"}',
    });
    expect((await t.db.service.findFirstOrThrow({ where: { name: "orders-db" } })).healthCheckUrl).toBe(
      "https://status.example.test/health?key=hk999",
    );

    // A plan cannot point a stored secret at another host: the placeholder only stands for the step as stored.
    const moved = structuredClone(first);
    (moved.systems[0]!.runbooks![0]!.steps![2]!.config as { url: string }).url = "https://evil.example.test/collect";
    const refused = await importPlan(t.db, actor, moved, apply);
    expect(refused.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/steps\[2\]: holds a secret placeholder/),
    ]);
    expect(await t.db.runbookStep.findFirstOrThrow({ where: { kind: "http" } })).toMatchObject({
      config: stored.config,
    });
  });

  it("exports one system on its own", async () => {
    const one = await exportPlan(t.db, { system: "Harbor Shop" });
    expect(one.systems.map((s) => s.name)).toEqual(["Harbor Shop"]);
    expect(one.tiers).toBeUndefined();
  });

  it("updates what changed and nothing else, with versions bumped and audited", async () => {
    const changed: Plan = { systems: [{ name: "Harbor Shop", services: [{ name: "checkout", rtoMinutes: 30 }] }] };
    const outcome = await importPlan(t.db, actor, changed, apply);
    expect(outcome.changes.filter((c) => c.action === "update")).toEqual([
      { action: "update", entity: "service", name: "Harbor Shop / checkout", details: ["rtoMinutes: 45 → 30"] },
    ]);
    const checkout = await t.db.service.findFirstOrThrow({ where: { name: "checkout" }, include: { dependsOn: true } });
    expect(checkout).toMatchObject({ rtoMinutes: 30, tier: 2, version: 2 });
    expect(checkout.dependsOn).toHaveLength(1);
  });

  it("refuses a dependency cycle, an unknown dependency and a new service without tier, writing nothing", async () => {
    const before = await exportPlan(t.db);
    const audits = await t.db.auditEvent.count();
    const bad: Plan = {
      systems: [
        {
          name: "Harbor Shop",
          services: [
            { name: "orders-db", dependsOn: ["checkout"] },
            { name: "search", tier: 3, dependsOn: ["elastic"] },
            { name: "new-thing" },
          ],
        },
      ],
    };
    const outcome = await importPlan(t.db, actor, bad, apply);
    expect(outcome.applied).toBe(false);
    const messages = outcome.problems.map((p) => p.message).join("\n");
    expect(messages).toMatch(/dependency cycle: .*orders-db.*checkout/);
    expect(messages).toContain('systems[0].services[1].dependsOn[0]: "elastic" is not a service of Harbor Shop');
    expect(messages).toContain("new-thing is new and states no tier");
    expect(await exportPlan(t.db)).toEqual(before);
    expect(await t.db.auditEvent.count()).toBe(audits);
  });

  it("refuses to apply a preview after someone else changed what it touches", async () => {
    const plan: Plan = { systems: [{ name: "Harbor Shop", services: [{ name: "checkout", rtoMinutes: 25 }] }] };
    const previewed = await importPlan(t.db, actor, plan, preview);
    await t.db.service.updateMany({ where: { name: "checkout" }, data: { rtoMinutes: 25, version: { increment: 1 } } });
    await expect(
      importPlan(t.db, actor, plan, { ...apply, expectedFingerprint: previewed.fingerprint }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("runs imports one after the other: previews and an apply at once all answer", async () => {
    const plan: Plan = { systems: [{ name: "Harbor Shop", services: [{ name: "checkout", rtoMinutes: 40 }] }] };
    const outcomes = await Promise.all([
      importPlan(t.db, actor, plan, preview),
      importPlan(t.db, actor, plan, apply),
      importPlan(t.db, actor, plan, preview),
    ]);
    expect(outcomes.map((o) => o.problems)).toEqual([[], [], []]);
    expect(outcomes[1]!.applied).toBe(true);
  });

  it("leaves tier defaults to admins", async () => {
    const outcome = await importPlan(
      t.db,
      actor,
      { systems: [], tiers: [{ tier: 1, rtoMinutes: 10, rpoMinutes: 5 }] },
      { apply: true, canEditTiers: false },
    );
    expect(outcome.problems.map((p) => p.message)).toEqual(["tiers[0]: changing tier defaults needs the admin role"]);
  });

  it("keeps a secret placeholder it cannot restore from being stored", async () => {
    const plan: Plan = {
      systems: [
        {
          name: "Harbor Shop",
          runbooks: [
            {
              name: "Fresh hook",
              steps: [
                {
                  title: "Hook",
                  kind: "http",
                  config: { url: "https://x.example.test/", headers: { Authorization: SECRET_PLACEHOLDER } },
                },
              ],
            },
          ],
        },
      ],
    };
    const outcome = await importPlan(t.db, actor, plan, apply);
    expect(outcome.problems[0]!.message).toMatch(/secret placeholder/);
    expect(await t.db.runbook.count({ where: { name: "Fresh hook" } })).toBe(0);
  });
});
