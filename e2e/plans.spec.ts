// What the person who owns the DR plan does: paste the team's Markdown plan, review what Lifeboat read (and
// what it did not), apply, and find the services in the inventory; upload a YAML plan with a mistake and see
// the line; export plan-as-code and import it back with nothing to change.
import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { signInViaApi } from "./support/auth";
import { createTestToken, createTestUser, db } from "./support/db";

const markdownPlan = (system: string) => `# ${system} - Disaster Recovery Plan

## Overview

How we bring the radio playout back after a failure.

## Recovery Objectives

| Component | RTO | RPO | Priority |
|-----------|-----|-----|----------|
| Playout Engine | 10 minutes | 1 minute | Critical |
| Music Library | 1-4 hours | 24 hours | Low |

## Backup Strategy

- **Daily**: Library snapshot using \`scripts/snapshot-library.sh\`

## Scenarios

### Scenario 1: Playout Crash

**Symptoms**: Dead air on the stream

**Recovery Steps**:
\`\`\`bash
# 1. Restart the playout service
systemctl restart playout

# 2. Check the stream
curl -fsS https://stream.example.test/health
\`\`\`

**Expected Recovery Time**: 5-10 minutes

## Emergency Contacts and Escalation

### Escalation Matrix
1. **Level 1** (0-10 min): On-call engineer
2. **Level 2** (10+ min): Station manager

The coffee machine is on the second floor.
`;

test.describe("plans", () => {
  test("a commander pastes a Markdown plan, reviews the preview, applies it and finds the services in the inventory", async ({
    page,
  }) => {
    const system = `Radio ${randomBytes(3).toString("hex")}`;
    const commander = await createTestUser("commander");
    await signInViaApi(page, commander.email, commander.password);
    await page.goto("/plans");
    await page.getByLabel("The plan: Markdown DR plan or Lifeboat YAML").fill(markdownPlan(system));
    await page.getByRole("button", { name: "Preview import" }).click();

    const report = page.getByTestId("plan-report");
    await expect(report).toContainText("Markdown plan");
    await expect(
      report
        .locator('[data-testid="plan-change"][data-action="create"]')
        .filter({ hasText: `${system} / Playout Engine` }),
    ).toContainText("rtoMinutes: 10");
    await expect(
      report.locator('[data-testid="plan-change"][data-action="create"]').filter({ hasText: "Playout Crash" }),
    ).toContainText("[command, disabled] Restart the playout service");
    // A policy that names no service is listed as skipped, with the reason.
    await expect(report.locator('[data-testid="plan-change"][data-action="skip"]').first()).toContainText(
      "names no service",
    );
    await expect(page.getByTestId("plan-not-found")).toContainText("No DR test schedule");
    await report.getByText(/lines not understood/).click();
    await expect(page.getByTestId("plan-unparsed")).toContainText("The coffee machine is on the second floor.");
    // Nothing is written by a preview.
    expect((await db().query(`SELECT count(*)::int AS n FROM "System" WHERE name = $1`, [system])).rows[0].n).toBe(0);

    await page.getByRole("button", { name: "Apply this import" }).click();
    await expect(page.getByRole("status")).toContainText("Applied:");
    await page.getByTestId("plan-report").getByRole("link", { name: "inventory" }).click();
    await page.getByRole("link", { name: system }).first().click();
    await expect(page.getByRole("link", { name: "Playout Engine" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Music Library" }).first()).toBeVisible();
    const { rows } = await db().query(
      `SELECT s.name, s.tier, s."rtoMinutes", s."rpoMinutes" FROM "Service" s JOIN "System" y ON y.id = s."systemId" WHERE y.name = $1 ORDER BY s.name`,
      [system],
    );
    expect(rows).toEqual([
      { name: "Music Library", tier: 4, rtoMinutes: 240, rpoMinutes: 1440 },
      { name: "Playout Engine", tier: 1, rtoMinutes: 10, rpoMinutes: 1 },
    ]);
  });

  test("an uploaded YAML plan with mistakes shows each problem with its line, and applies nothing", async ({
    page,
  }) => {
    const system = `Tide ${randomBytes(3).toString("hex")}`;
    const plan = (rtoKey: string) =>
      [
        "systems:",
        `  - name: ${system}`,
        "    services:",
        "      - name: api",
        "        tier: 1",
        `        ${rtoKey}: 15`,
        "      - name: db",
        "        tier: 1",
        "        dependsOn: [cache]",
        "",
      ].join("\n");
    const upload = async (yaml: string) => {
      await page
        .getByLabel("…or upload a file")
        .setInputFiles({ name: "plan.yaml", mimeType: "application/yaml", buffer: Buffer.from(yaml) });
      await page.getByRole("button", { name: "Preview import" }).click();
    };
    const commander = await createTestUser("commander");
    await signInViaApi(page, commander.email, commander.password);
    await page.goto("/plans");
    const problems = page.getByTestId("plan-problems");
    await upload(plan("rtoMins"));
    await expect(problems).toContainText('line 6: Unknown field "rtoMins" in systems[0].services[0]');
    await expect(page.getByRole("button", { name: "Apply this import" })).toBeDisabled();
    // Fixed, the next mistake shows: a dependency on a service that exists nowhere.
    await upload(plan("rtoMinutes"));
    await expect(problems).toContainText("line 9");
    await expect(problems).toContainText('"cache"');
    await expect(page.getByRole("button", { name: "Apply this import" })).toBeDisabled();
    expect((await db().query(`SELECT count(*)::int AS n FROM "System" WHERE name = $1`, [system])).rows[0].n).toBe(0);
  });

  test("a viewer exports plan-as-code; imported back by a commander it changes nothing", async ({ browser }) => {
    const viewerPage = await (await browser.newContext()).newPage();
    const viewer = await createTestUser("viewer");
    await signInViaApi(viewerPage, viewer.email, viewer.password);
    await viewerPage.goto("/plans");
    await expect(viewerPage.getByLabel("The plan: Markdown DR plan or Lifeboat YAML")).toHaveCount(0);
    const download = viewerPage.waitForEvent("download");
    await viewerPage.getByTestId("export-all").click();
    const yamlPath = (await (await download).path())!;
    const yaml = readFileSync(yamlPath, "utf8");
    expect(yaml).toMatch(/^# Lifeboat DR plan/);
    expect(yaml).toContain("- name: Demo Shop");

    const page = await (await browser.newContext()).newPage();
    const commander = await createTestUser("commander");
    await signInViaApi(page, commander.email, commander.password);
    await page.goto("/plans");
    await page
      .getByLabel("…or upload a file")
      .setInputFiles({ name: "lifeboat-plan.yaml", mimeType: "application/yaml", buffer: Buffer.from(yaml) });
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(page.getByTestId("plan-report")).toContainText("0 to create · 0 to change");
  });

  test("a team's CI imports and exports over HTTP with npm run plan and an API token", async ({ baseURL }) => {
    const system = `Ferry ${randomBytes(3).toString("hex")}`;
    const file = path.join(tmpdir(), `plan-${randomBytes(4).toString("hex")}.yaml`);
    writeFileSync(
      file,
      [
        "systems:",
        `  - name: ${system}`,
        "    services:",
        "      - name: ticketing",
        "        tier: 2",
        "        rtoMinutes: 60",
        "        dependsOn: []",
        "",
      ].join("\n"),
    );
    const cli = (args: string[], token: string) =>
      promisify(execFile)("node_modules/.bin/tsx", ["scripts/plan.mts", ...args], {
        env: {
          ...process.env,
          LIFEBOAT_URL: baseURL!,
          LIFEBOAT_TOKEN: token,
          DATABASE_URL: "postgresql://unused@127.0.0.1:1/none",
        },
      });
    const writer = await createTestToken(["plans:write"]);
    const applied = await cli(["import", file], writer);
    expect(applied.stdout).toContain(`create  service: ${system} / ticketing`);
    expect(applied.stdout).toMatch(/Applied: 2 to create/);
    expect((await cli(["import", file], writer)).stdout).toMatch(/Applied: 0 to create, 0 to change/);
    const exported = await cli(["export", "--system", system], await createTestToken(["plans:read"]));
    expect(exported.stdout).toContain(`- name: ${system}`);
    expect(exported.stdout).toContain("rtoMinutes: 60");
    // The write token cannot read, the read token cannot import.
    await expect(cli(["export"], writer)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("403") });
  });
});
