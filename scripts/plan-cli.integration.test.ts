// `npm run plan` as a team's CI would use it: offline extraction with --dry-run --json, and import/export
// against a database (the HTTP form, with LIFEBOAT_URL and a token, is exercised in e2e/plans.spec.ts).
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import { exportPlan } from "@/lib/plans/export";
import { planToYaml } from "@/lib/plans/yaml/write";

const run = promisify(execFile);
const plan = (args: string[], env: Record<string, string> = {}) =>
  run("node_modules/.bin/tsx", ["scripts/plan.mts", ...args], { env: { ...process.env, ...env } });
const FIXTURE = "lib/plans/markdown/fixtures/harbor-payments.md";

describe("npm run plan", () => {
  it("import --dry-run --json prints the extracted plan in the export's shape, without any database", async () => {
    const { stdout, stderr } = await plan(["import", FIXTURE, "--dry-run", "--json"], {
      DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
    });
    const extracted = JSON.parse(stdout);
    expect(extracted.systems).toHaveLength(1);
    expect(Object.keys(extracted.systems[0])[0]).toBe("name");
    expect(extracted.systems[0].services.length).toBeGreaterThan(0);
    expect(stderr).toMatch(/not found: /);
  });

  it("imports into the database it is pointed at, says what it did, and exports it back", async () => {
    const { db, url } = await createTestDatabase();
    const first = await plan(["import", FIXTURE, "--system", "Harbor CLI"], { DATABASE_URL: url });
    expect(first.stdout).toMatch(/^create  system: Harbor CLI$/m);
    expect(first.stdout).toMatch(/Applied: \d+ to create/);
    const again = await plan(["import", FIXTURE, "--system", "Harbor CLI"], { DATABASE_URL: url });
    expect(again.stdout).toMatch(/Applied: 0 to create, 0 to change/);
    const exported = await plan(["export", "--system", "Harbor CLI"], { DATABASE_URL: url });
    expect(exported.stdout).toBe(planToYaml(await exportPlan(db, { system: "Harbor CLI" })));
    expect(exported.stdout).toContain("- name: Harbor CLI");
  });

  it("refuses a file that is not a plan with exit code 1 and the reason, writing nothing", async () => {
    const { db, url } = await createTestDatabase();
    const junk = path.join(tmpdir(), `junk-${process.pid}.yaml`);
    writeFileSync(junk, "systems:\n  - name: X\n    services:\n      - name: a\n        tier: 9\n");
    await expect(plan(["import", junk], { DATABASE_URL: url })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("problem (line 5)"),
    });
    expect(await db.system.count()).toBe(0);
  });
});
