import { expect, test } from "@playwright/test";
import { randomBytes, randomUUID } from "node:crypto";
import { DEMO_PASSWORD, demoEmail, signInViaApi } from "./support/auth";
import { createTestUser, db } from "./support/db";

async function createService(name: string) {
  const systemId = randomUUID();
  const serviceId = randomUUID();
  await db().query(`INSERT INTO "System" (id, name, "updatedAt") VALUES ($1, $2, now())`, [
    systemId,
    `Backups ${name}`,
  ]);
  await db().query(
    `INSERT INTO "Service" (id, "systemId", name, tier, "rpoMinutes", "updatedAt") VALUES ($1, $2, $3, 1, 60, now())`,
    [serviceId, systemId, name],
  );
  return serviceId;
}

test.describe("backups", () => {
  test("a job reports runs with a token the admin created; the page shows live RPO; revoking stops the job", async ({
    page,
    browser,
  }) => {
    const name = `db-${randomBytes(3).toString("hex")}`;
    const serviceId = await createService(name);

    // The commander sets up the backup policy.
    const commander = await createTestUser("commander");
    const commanderPage = await (await browser.newContext()).newPage();
    await signInViaApi(commanderPage, commander.email, commander.password);
    await commanderPage.goto(`/backups/services/${serviceId}`);
    await expect(commanderPage.getByTestId("service-freshness")).toContainText("Never backed up");
    await commanderPage.getByLabel("Policy name").fill("hourly dump");
    await commanderPage.getByLabel("Interval in minutes").fill("60");
    await commanderPage.getByRole("button", { name: "Add backup policy" }).click();
    await expect(commanderPage.getByTestId("backup-policy-hourly dump")).toBeVisible();

    // The admin creates a token for the job.
    await signInViaApi(page, demoEmail("admin"), DEMO_PASSWORD);
    await page.goto("/admin/tokens");
    await page.getByLabel("Name").fill(`job ${name}`);
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^lb_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);

    // The job, over real HTTP: start, then finish with the same externalId.
    const headers = { Authorization: `Bearer ${token}` };
    const started = new Date(Date.now() - 10 * 60_000).toISOString();
    const body = {
      system: `Backups ${name}`,
      service: name,
      policy: "hourly dump",
      externalId: "run-1",
      status: "running",
      startedAt: started,
    };
    const first = await page.request.post("/api/v1/backup-runs", { headers, data: body });
    expect(first.status()).toBe(201);
    const done = await page.request.post("/api/v1/backup-runs", {
      headers,
      data: {
        ...body,
        status: "succeeded",
        finishedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        sizeBytes: 52_428_800,
        verified: true,
      },
    });
    expect(done.status()).toBe(200);
    expect((await done.json()).id).toBe((await first.json()).id);
    expect(
      (await db().query(`SELECT count(*)::int AS n FROM "BackupRun" WHERE "serviceId" = $1`, [serviceId])).rows[0].n,
    ).toBe(1);

    await commanderPage.reload();
    await expect(commanderPage.getByTestId("service-freshness")).toContainText("Within target");
    await expect(commanderPage.getByTestId("runs")).toContainText("50.0 MB");

    await page.reload();
    await expect(page.getByTestId(`token-row-job ${name}`).getByTestId("last-used")).not.toHaveText("never");
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: `Revoke job ${name}` }).click();
    await expect(page.getByTestId(`token-row-job ${name}`)).toContainText("revoked");
    const refused = await page.request.post("/api/v1/backup-runs", { headers, data: { ...body, externalId: "run-2" } });
    expect(refused.status()).toBe(401);
  });

  test("the fleet page shows bands, the drifting demo service, failures first and a 30-day heatmap", async ({
    page,
  }) => {
    const viewer = await createTestUser("viewer");
    await signInViaApi(page, viewer.email, viewer.password);
    await page.goto("/backups");
    await expect(page.getByTestId("band-within")).toBeVisible();
    const drifting = page.getByTestId("freshness-Configuration Data");
    await expect(drifting).toContainText(/Severely exceeded|Critical/);
    await expect(drifting.locator("rect")).toHaveCount(30);
    await expect(page.getByTestId("attention")).toContainText("Failed");
    await page.getByTestId("band-critical").click();
    await expect(page).toHaveURL(/band=critical/);

    await page.goto("/backups");
    await page.getByRole("link", { name: "Database (PostgreSQL)" }).click();
    await expect(page.getByTestId("backup-policy-nightly pg_dump")).toContainText("cron 0 2 * * *");
    await expect(page.getByRole("button", { name: "Add backup policy" })).toHaveCount(0);
    expect((await page.goto("/admin/tokens"))?.status()).toBe(403);
  });

  test("bad policy input is refused on the field", async ({ page }) => {
    const serviceId = await createService(`bad-${randomBytes(3).toString("hex")}`);
    const commander = await createTestUser("commander");
    await signInViaApi(page, commander.email, commander.password);
    await page.goto(`/backups/services/${serviceId}`);
    await page.getByLabel("Policy name").fill("broken");
    await page.getByLabel("Schedule").selectOption("cron");
    await page.getByLabel("Cron expression").fill("every night");
    await page.getByRole("button", { name: "Add backup policy" }).click();
    await expect(page.getByText("Cron needs five fields")).toBeVisible();
    expect(
      (await db().query(`SELECT count(*)::int AS n FROM "BackupPolicy" WHERE "serviceId" = $1`, [serviceId])).rows[0].n,
    ).toBe(0);
  });
});
