import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoEmail, signInViaApi, signInViaForm } from "./support/auth";
import { createTestUser, db } from "./support/db";

const ROLE_LABELS = { admin: "Admin", commander: "Incident commander", responder: "Responder", viewer: "Viewer" };

test.describe("signing in", () => {
  for (const [role, label] of Object.entries(ROLE_LABELS)) {
    test(`the demo ${role} signs in, lands on their home page and sees the systems of the seeded plans`, async ({ page }) => {
      await page.goto("/login");
      await signInViaForm(page, demoEmail(role), DEMO_PASSWORD);
      // People who run incidents land on the command dashboard; everyone else on the overview.
      const home = role === "commander" || role === "responder" ? "/command" : "/overview";
      await expect(page).toHaveURL(new RegExp(`${home}$`));
      await expect(page.getByTestId("current-role")).toHaveText(label);
      if (home === "/command") await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
      // The three systems of the seed plans and the simulated Demo Shop.
      await expect(page.getByTestId("system-card")).toHaveCount(4);
      await expect(page.getByTestId("fleet-summary")).toContainText("out of RPO");
      await expect(page.getByRole("heading", { name: "NEURECTOMY Platform" })).toBeVisible();
    });
  }

  test("a wrong password is refused with a clear message and no session", async ({ page }) => {
    await page.goto("/login");
    await signInViaForm(page, demoEmail("viewer"), "not-the-password");
    await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login/);
    expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  });

  test("repeated failures lock the account, even against the right password", async ({ page }) => {
    const user = await createTestUser("responder", "locked");
    await page.goto("/login");
    for (let attempt = 0; attempt < 5; attempt++) {
      await signInViaForm(page, user.email, `wrong-${attempt}`);
      await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
    }
    await signInViaForm(page, user.email, user.password);
    await expect(page.getByTestId("login-error")).toContainText("locked");
    await expect(page).toHaveURL(/\/login/);
    const { rows } = await db().query(`SELECT count(*)::int AS n FROM "LoginAttempt" WHERE email = $1 AND NOT succeeded`, [user.email]);
    expect(rows[0].n).toBe(5);
  });

  test("a deep link survives sign-in, and sign-out ends the session", async ({ page }) => {
    await page.goto("/admin/audit");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faudit/);
    await signInViaForm(page, demoEmail("admin"), DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a deactivated user loses access on the next request", async ({ page }) => {
    const user = await createTestUser("commander", "deactivated");
    await signInViaApi(page, user.email, user.password);
    await page.goto("/");
    await expect(page.getByTestId("current-user")).toHaveText(user.name);
    await db().query(`UPDATE "User" SET active = false WHERE email = $1`, [user.email]);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a password reset ends sessions opened with the old password", async ({ page }) => {
    const user = await createTestUser("responder", "reset");
    await signInViaApi(page, user.email, user.password);
    await page.goto("/");
    await expect(page.getByTestId("current-user")).toHaveText(user.name);
    await db().query(`UPDATE "User" SET "passwordHash" = $2, version = version + 1 WHERE email = $1`, [user.email, "$2a$04$invalidatedinvalidatedinvalidatedinvalidatedinvalidated12"]);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
});
