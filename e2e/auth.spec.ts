import { expect, test } from "@playwright/test";
import { attemptSignIn, DEMO_PASSWORD, demoEmail, signInViaApi, signInViaForm } from "./support/auth";
import { createTestUser, db } from "./support/db";

const ROLE_LABELS = { admin: "Admin", commander: "Incident commander", responder: "Responder", viewer: "Viewer" };

test.describe("signing in", () => {
  for (const [role, label] of Object.entries(ROLE_LABELS)) {
    test(`the demo ${role} signs in, lands on their home page and sees the systems of the seeded plans`, async ({
      page,
    }) => {
      await page.goto("/login");
      await signInViaForm(page, demoEmail(role), DEMO_PASSWORD);
      // People who run incidents land on the command dashboard; everyone else on the overview.
      const home = role === "commander" || role === "responder" ? "/command" : "/overview";
      await expect(page).toHaveURL(new RegExp(`${home}$`));
      await expect(page.getByTestId("current-role")).toHaveText(label);
      if (home === "/command")
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
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

  test("repeated failures make this address wait, even with the right password, and say so", async ({ page }) => {
    const user = await createTestUser("responder", "locked");
    await page.goto("/login");
    for (let attempt = 0; attempt < 5; attempt++) {
      await signInViaForm(page, user.email, `wrong-${attempt}`);
      await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
    }
    await signInViaForm(page, user.email, user.password);
    // scripts/e2e.ts sets LOGIN_FIRST_DELAY_SECONDS=60 so the wait outlasts a slow machine.
    await expect(page.getByTestId("login-error")).toContainText(/from this address\. Wait \d+ seconds/);
    await expect(page).toHaveURL(/\/login/);
    const { rows } = await db().query(
      `SELECT count(*)::int AS n FROM "LoginAttempt" WHERE email = $1 AND NOT succeeded`,
      [user.email],
    );
    expect(rows[0].n).toBe(5);
  });

  test("failures from one address do not lock the account out elsewhere; an admin unlock lifts the wait", async ({
    browser,
  }) => {
    const user = await createTestUser("commander", "targeted");
    const attacker = (await browser.newContext()).request;
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await attemptSignIn(attacker, user.email, `guess-${attempt}`, "203.0.113.66")).toBe("CredentialsSignin");
    }
    // The commander, elsewhere, signs in at once (a global lock kept them out for 15 minutes)…
    const commander = (await browser.newContext()).request;
    expect(await attemptSignIn(commander, user.email, user.password, "198.51.100.7")).toBe("ok");
    // …while the attacking address waits, even with the right password, and guessing on does not lengthen it.
    expect(await attemptSignIn(attacker, user.email, "guess-5", "203.0.113.66")).toMatch(/^SignInDelayed:\d+$/);
    expect(await attemptSignIn(attacker, user.email, user.password, "203.0.113.66")).toMatch(/^SignInDelayed:\d+$/);

    // The admin sees the failures and unlocks the account: the waiting address may try again at once.
    const admin = await (await browser.newContext()).newPage();
    await signInViaApi(admin, demoEmail("admin"), DEMO_PASSWORD);
    await admin.goto("/admin/users");
    const row = admin.getByTestId(`user-row-${user.email}`);
    await expect(row.getByTestId("sign-in-failures")).toHaveText(/^5 failed sign-ins in \d+ min$/);
    await row.getByRole("button", { name: "Unlock sign-in" }).click();
    await expect(row.getByTestId("sign-in-failures")).toHaveCount(0);
    expect(await attemptSignIn(attacker, user.email, user.password, "203.0.113.66")).toBe("ok");
    const { rows } = await db().query(
      `SELECT a."actorEmail", a.before FROM "AuditEvent" a JOIN "User" u ON u.id = a."entityId" WHERE u.email = $1 AND a.action = 'user.sign_in_unlock'`,
      [user.email],
    );
    expect(rows).toEqual([
      { actorEmail: demoEmail("admin"), before: { failedSignIns: 5, addresses: ["203.0.113.66"] } },
    ]);
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
    await db().query(`UPDATE "User" SET "passwordHash" = $2, version = version + 1 WHERE email = $1`, [
      user.email,
      "$2a$04$invalidatedinvalidatedinvalidatedinvalidatedinvalidated12",
    ]);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
});
