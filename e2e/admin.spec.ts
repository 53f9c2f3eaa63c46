import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoEmail, signInViaApi, signInViaForm } from "./support/auth";
import { createTestUser, db } from "./support/db";

test.describe("user administration", () => {
  test.beforeEach(async ({ page }) => {
    await signInViaApi(page, demoEmail("admin"), DEMO_PASSWORD);
  });

  test("an admin adds a user, who signs in with the one-time password; the audit log shows it", async ({
    page,
    browser,
  }) => {
    const email = `new-${Date.now()}@e2e.test`;
    await page.goto("/admin/users");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Name").fill("Nia Newcomer");
    await page.getByLabel("Role", { exact: true }).selectOption("responder");
    await page.getByRole("button", { name: "Add user" }).click();
    const password = (await page.getByTestId("one-time-password").textContent())!.trim();
    expect(password).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    await expect(page.getByTestId(`user-row-${email}`)).toContainText("Nia Newcomer");

    const { rows } = await db().query(`SELECT role, "passwordHash" FROM "User" WHERE email = $1`, [email]);
    expect(rows[0].role).toBe("responder");
    expect(rows[0].passwordHash).not.toContain(password);

    await page.goto(`/admin/audit?actor=admin%40lifeboat.local&action=user.create`);
    await expect(page.getByTestId("audit-row").filter({ hasText: email }).first()).toContainText("user.create");

    const context = await browser.newContext();
    const newcomer = await context.newPage();
    await newcomer.goto("/login");
    await signInViaForm(newcomer, email, password);
    await expect(newcomer.getByTestId("current-role")).toHaveText("Responder");

    // First thing: replace the one-time password.
    await newcomer.getByTestId("current-user").click();
    await newcomer.getByLabel("Current password").fill("not-it");
    await newcomer.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
    await newcomer.getByLabel("New password again").fill("a brand new passphrase");
    await newcomer.getByRole("button", { name: "Change password" }).click();
    await expect(newcomer.getByText("The current password is not right.")).toBeVisible();
    await newcomer.getByLabel("Current password").fill(password);
    await newcomer.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
    await newcomer.getByLabel("New password again").fill("a brand new passphrase");
    await newcomer.getByRole("button", { name: "Change password" }).click();
    await expect(newcomer.getByText("Password changed.")).toBeVisible();
    await context.close();

    const again = await browser.newContext();
    await signInViaApi(await again.newPage(), email, "a brand new passphrase");
    await again.close();
  });

  test("bad input is refused on the field, and nothing is saved", async ({ page }) => {
    await page.goto("/admin/users");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("Name is required")).toBeVisible();
    const { rows } = await db().query(`SELECT count(*)::int AS n FROM "User" WHERE email = 'not-an-email'`);
    expect(rows[0].n).toBe(0);
  });

  test("a role change is saved and audited with before and after", async ({ page }) => {
    const user = await createTestUser("viewer", "promote");
    await page.goto("/admin/users");
    await page.getByLabel(`Role of ${user.email}`).selectOption("commander");
    await expect
      .poll(async () => (await db().query(`SELECT role FROM "User" WHERE email = $1`, [user.email])).rows[0].role)
      .toBe("commander");
    const { rows } = await db().query(`SELECT id FROM "User" WHERE email = $1`, [user.email]);
    await page.goto(`/admin/audit?entityType=User&entityId=${rows[0].id}`);
    const row = page.getByTestId("audit-row").filter({ hasText: "user.update" });
    await expect(row).toBeVisible();
    await expect(row).toContainText("role:");
    await expect(row.locator("del")).toHaveText("viewer");
    await expect(row.locator("ins")).toHaveText("commander");
  });

  test("a stale edit from a second tab is refused, not silently applied", async ({ page, context }) => {
    const user = await createTestUser("viewer", "stale");
    const other = await context.newPage();
    await page.goto("/admin/users");
    await other.goto("/admin/users");

    await page.getByLabel(`Role of ${user.email}`).selectOption("responder");
    await expect
      .poll(async () => (await db().query(`SELECT role FROM "User" WHERE email = $1`, [user.email])).rows[0].role)
      .toBe("responder");

    await other.getByTestId(`user-row-${user.email}`).getByRole("button", { name: "Deactivate" }).click();
    await expect(other.getByTestId(`user-row-${user.email}`).getByRole("alert")).toContainText("Someone else changed");
    const { rows } = await db().query(`SELECT role, active FROM "User" WHERE email = $1`, [user.email]);
    expect(rows[0]).toEqual({ role: "responder", active: true });
  });

  test("the last active admin cannot demote themselves", async ({ page }) => {
    await page.goto("/admin/users");
    await page.getByLabel("Role of admin@lifeboat.local").selectOption("viewer");
    await expect(page.getByTestId("user-row-admin@lifeboat.local").getByRole("alert")).toContainText(
      "at least one active admin",
    );
    const { rows } = await db().query(`SELECT role FROM "User" WHERE email = 'admin@lifeboat.local'`);
    expect(rows[0].role).toBe("admin");
  });
});
