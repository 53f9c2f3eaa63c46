import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { signInViaApi } from "./support/auth";
import { createTestUser, db } from "./support/db";
import { callServerAction } from "./support/server-action";

const ACTIONS = "app/(app)/inventory/actions.ts";

async function createSystemViaUi(page: Page, name: string) {
  await page.goto("/inventory/systems/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("DR strategy").fill("Backup and restore");
  await page.getByRole("button", { name: "Create system" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

async function addServiceViaUi(page: Page, name: string, fields: { tier?: string; rto?: string } = {}) {
  await page.getByRole("link", { name: "Add service" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Kind").fill("database");
  await page.getByLabel("Tier").selectOption(fields.tier ?? "1");
  if (fields.rto) await page.getByLabel("RTO (minutes)").fill(fields.rto);
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

async function waves(page: Page) {
  return page
    .getByTestId("recovery-waves")
    .locator("li[data-testid^=wave-]")
    .evaluateAll((items) => items.map((li) => Array.from(li.querySelectorAll("a")).map((a) => a.textContent?.trim())));
}

test.describe("inventory", () => {
  test("a commander adds two services and a dependency, and the recovery waves follow", async ({ page }) => {
    const commander = await createTestUser("commander");
    await signInViaApi(page, commander.email, commander.password);
    const system = `Shop ${randomBytes(3).toString("hex")}`;
    await createSystemViaUi(page, system);
    await addServiceViaUi(page, "Orders DB", { rto: "60" });
    await page.getByRole("link", { name: system }).click();
    await addServiceViaUi(page, "Orders API", { rto: "15" });

    await page.getByRole("link", { name: system }).click();
    await expect.poll(() => waves(page)).toEqual([["Orders API", "Orders DB"]]);

    await page.getByRole("link", { name: "Orders API" }).click();
    await page.getByLabel("Add a dependency").fill("Orders D");
    await page.getByRole("button", { name: "Depend on Orders DB" }).click();
    await expect(page.getByTestId("dependencies")).toContainText("Orders DB");
    await expect(page.getByTestId("rto-warnings")).toContainText("depends on Orders DB with RTO 1 h");

    await page.getByRole("link", { name: system }).click();
    await expect.poll(() => waves(page)).toEqual([["Orders DB"], ["Orders API"]]);
    await expect(page.getByTestId("dependency-graph").locator(".react-flow__edge")).toHaveCount(1);

    // The reverse edge would close a loop: refused, and the loop is named.
    await page.getByTestId("wave-1").getByRole("link", { name: "Orders DB" }).click();
    await page.getByLabel("Add a dependency").fill("Orders A");
    await page.getByRole("button", { name: "Depend on Orders API" }).click();
    await expect(page.getByTestId("dependency-error")).toHaveText(
      "That would create a dependency cycle: Orders DB → Orders API → Orders DB.",
    );
    await expect(page.getByTestId("blast-summary")).toContainText("1 service(s) depend on it");

    const { rows } = await db().query(
      `SELECT count(*)::int AS n FROM "ServiceDependency" d JOIN "Service" s ON s.id = d."serviceId" JOIN "System" y ON y.id = s."systemId" WHERE y.name = $1`,
      [system],
    );
    expect(rows[0].n).toBe(1);

    // Deleting the database lists who depends on it first.
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("delete-dependents")).toHaveText(/Orders API/);
    await expect(page.getByTestId("delete-backups")).toHaveCount(0);
    await page.getByRole("button", { name: "Delete service" }).click();
    await expect(page).toHaveURL(/\/inventory$/);
    const left = await db().query(
      `SELECT s.name FROM "Service" s JOIN "System" y ON y.id = s."systemId" WHERE y.name = $1`,
      [system],
    );
    expect(left.rows.map((r) => r.name)).toEqual(["Orders API"]);
  });

  test("bad input is refused on the field and nothing is saved", async ({ page }) => {
    const commander = await createTestUser("commander");
    await signInViaApi(page, commander.email, commander.password);
    const system = `Bad ${randomBytes(3).toString("hex")}`;
    await createSystemViaUi(page, system);
    await addServiceViaUi(page, "Cache");
    await page.getByRole("link", { name: system }).click();
    await page.getByRole("link", { name: "Add service" }).click();

    await page.getByLabel("Name").fill("Cache");
    await page.getByLabel("RTO (minutes)").fill("-5");
    await page.getByLabel("RPO (minutes)").fill("600000");
    await page.getByLabel("Health-check URL").fill("not a url");
    await page.getByRole("button", { name: "Create service" }).click();
    await expect(page.getByText("RTO cannot be negative")).toBeVisible();
    await expect(page.getByText("RPO over a year (525600 minutes) is not an objective")).toBeVisible();
    await expect(page.getByText("Health-check URL must be a full http:// or https:// URL")).toBeVisible();

    await page.getByLabel("RTO (minutes)").fill("30");
    await page.getByLabel("RPO (minutes)").fill("");
    await page.getByLabel("Health-check URL").fill("https://cache.example/health");
    await page.getByRole("button", { name: "Create service" }).click();
    await expect(page.getByText(`This system already has a service named "Cache".`)).toBeVisible();

    const { rows } = await db().query(
      `SELECT count(*)::int AS n FROM "Service" s JOIN "System" y ON y.id = s."systemId" WHERE y.name = $1`,
      [system],
    );
    expect(rows[0].n).toBe(1);
  });

  test("a viewer sees no edit controls, and a forged edit is refused server-side", async ({ page, baseURL }) => {
    const viewer = await createTestUser("viewer");
    await signInViaApi(page, viewer.email, viewer.password);
    await page.goto("/inventory");
    await expect(page.getByTestId("service-row").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "New service" })).toHaveCount(0);

    await page.getByRole("link", { name: "PostgreSQL", exact: true }).click();
    await expect(page.getByTestId("blast-summary")).toContainText("depend on it");
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(page.getByLabel("Add a dependency")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Remove dependency/ })).toHaveCount(0);

    const editPage = await page.goto("/inventory/services/new");
    expect(editPage?.status()).toBe(403);

    const { rows } = await db().query(`SELECT id, version, "systemId" FROM "Service" WHERE name = 'PostgreSQL'`);
    const target = rows[0];
    const forged = await callServerAction(
      page.request,
      ACTIONS,
      "deleteServiceAction",
      [{ id: target.id, version: target.version, confirmDependents: [] }],
      baseURL!,
    );
    expect(forged.text).toContain("Your role does not allow this.");
    const created = await callServerAction(
      page.request,
      ACTIONS,
      "createServiceAction",
      [{ systemId: target.systemId, name: "Forged", tier: 1, rtoMinutes: "", rpoMinutes: "" }],
      baseURL!,
    );
    expect(created.text).toContain("Your role does not allow this.");
    expect(
      (await db().query(`SELECT count(*)::int AS n FROM "Service" WHERE name = 'Forged' OR (id = $1)`, [target.id]))
        .rows[0].n,
    ).toBe(1);
  });

  test("signed out, or with the session of a deactivated user, a server action is refused", async ({
    page,
    request,
    baseURL,
  }) => {
    const signedOut = await callServerAction(request, ACTIONS, "createSystemAction", [{ name: "Anonymous" }], baseURL!);
    expect(signedOut.status).toBe(307);

    // A deactivated commander still holds a well-signed session cookie, so the proxy lets the call through:
    // the action itself must refuse it.
    const commander = await createTestUser("commander", "gone");
    await signInViaApi(page, commander.email, commander.password);
    await db().query(`UPDATE "User" SET active = false WHERE email = $1`, [commander.email]);
    const stale = await callServerAction(
      page.request,
      ACTIONS,
      "createSystemAction",
      [{ name: "Anonymous" }],
      baseURL!,
    );
    expect(stale.text).toContain("Sign in to continue.");
    expect((await db().query(`SELECT count(*)::int AS n FROM "System" WHERE name = 'Anonymous'`)).rows[0].n).toBe(0);
  });

  test("only admins change tier defaults", async ({ page }) => {
    const commander = await createTestUser("commander");
    await signInViaApi(page, commander.email, commander.password);
    await page.goto("/inventory/tiers");
    await expect(page.getByLabel("Tier 1 RTO")).toBeDisabled();
    await expect(page.getByRole("button", { name: "Save tier defaults" })).toHaveCount(0);
  });
});

test("an admin changes a tier default; services without their own RTO follow it", async ({ page }) => {
  await signInViaApi(page, "admin@lifeboat.local", "lifeboat-demo");
  const before = (await db().query(`SELECT "rtoMinutes", version FROM "TierDefault" WHERE tier = 4`)).rows[0];
  await page.goto("/inventory/tiers");
  await page.getByLabel("Tier 4 RTO").fill(String(before.rtoMinutes + 60));
  await page.getByRole("button", { name: "Save tier defaults" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const after = (await db().query(`SELECT "rtoMinutes", version FROM "TierDefault" WHERE tier = 4`)).rows[0];
  expect(after).toEqual({ rtoMinutes: before.rtoMinutes + 60, version: before.version + 1 });

  await page.getByLabel("Tier 4 RTO").fill("-5");
  await page.getByRole("button", { name: "Save tier defaults" }).click();
  await expect(page.getByText("Tier 4: RTO cannot be negative")).toBeVisible();
  expect((await db().query(`SELECT "rtoMinutes" FROM "TierDefault" WHERE tier = 4`)).rows[0].rtoMinutes).toBe(
    before.rtoMinutes + 60,
  );
});
