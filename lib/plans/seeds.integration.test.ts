// The real DR plans in ../shared/seeds (when that folder is present): each imports with no problem, with its
// stated figures in the database, and importing it again — or its own export — changes nothing.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { importDocument } from "./document";
import { exportPlan } from "./export";
import { importPlan } from "./import";
import { planToYaml } from "./yaml/write";

const SEEDS = path.resolve(process.cwd(), "../shared/seeds");
const present = existsSync(SEEDS);
const documents = present ? readdirSync(SEEDS).filter((f) => f.endsWith(".md")) : [];
const actor = { system: "test" };
const apply = { apply: true, canEditTiers: true };

let t: TestDatabase;
beforeAll(async () => {
  if (present) t = await createTestDatabase();
});

const written = (changes: { action: string }[]) =>
  changes.filter((c) => c.action === "create" || c.action === "update");

describe.skipIf(!present)("the seed DR plans", () => {
  it.each(documents)("%s imports without problems, and again without changes", async (file) => {
    const request = { text: readFileSync(path.join(SEEDS, file), "utf8"), fileName: file };
    const first = await importDocument(t.db, actor, request, apply);
    expect(first.reading.problems).toEqual([]);
    expect(first.outcome?.problems).toEqual([]);
    expect(first.outcome?.applied).toBe(true);
    const again = await importDocument(t.db, actor, request, apply);
    expect(written(again.outcome!.changes)).toEqual([]);
  });

  it("holds the stated figures", async () => {
    const service = (system: string, name: string) =>
      t.db.service.findFirstOrThrow({
        where: { name, system: { name: system } },
        include: { dependsOn: { include: { dependsOn: true } } },
      });
    expect(await service("Vocare Restaurant Assistant", "Backend Service")).toMatchObject({
      tier: 1,
      rtoMinutes: 15,
      rpoMinutes: 5,
    });
    expect(await service("Vocare Restaurant Assistant", "Historical Logs")).toMatchObject({
      tier: 4,
      rtoMinutes: 120,
      rpoMinutes: 1440,
    });
    expect(await service("Voice AI Testing Framework", "Database (PostgreSQL)")).toMatchObject({
      tier: 1,
      rtoMinutes: 30,
      rpoMinutes: 1440,
    });
    const ml = await service("NEURECTOMY", "ML Service");
    expect(ml).toMatchObject({ tier: 1, rtoMinutes: 15 });
    expect(ml.dependsOn.map((d) => d.dependsOn.name)).toEqual(["PostgreSQL"]);
    expect(await service("NEURECTOMY", "CI/CD Runners")).toMatchObject({ tier: 4, rtoMinutes: 1440 });

    const nightly = await t.db.backupPolicy.findFirstOrThrow({ where: { service: { name: "Database (PostgreSQL)" } } });
    expect(nightly.cron).toBe("0 2 * * *");
    const restore = await t.db.runbook.findFirstOrThrow({
      where: { name: { contains: "Database Corruption" } },
      include: { steps: { orderBy: { position: "asc" } } },
    });
    expect(restore.estimatedMinutes).toBe(45);
    const commands = restore.steps.filter((s) => s.kind === "command");
    expect(commands.length).toBeGreaterThan(0);
    for (const step of commands) expect(step.config).toMatchObject({ enabled: false });
    const levels = await t.db.escalationLevel.findMany({
      where: { policy: { system: { name: "Vocare Restaurant Assistant" } } },
      orderBy: { position: "asc" },
    });
    expect(levels.map((l) => l.afterMinutes)).toEqual([0, 15, 30]);
    expect(await t.db.contact.count({ where: { email: "dba@voiceai-testing.local" } })).toBe(1);
  });

  it("export → import → export is a fixed point, as YAML too", async () => {
    const first = await exportPlan(t.db);
    const outcome = await importPlan(t.db, actor, first, apply);
    expect(outcome.problems).toEqual([]);
    expect(written(outcome.changes)).toEqual([]);
    expect(planToYaml(await exportPlan(t.db))).toBe(planToYaml(first));
  });
});
