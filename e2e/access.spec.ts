import { expect, test } from "@playwright/test";
import { signInViaApi } from "./support/auth";
import { createTestUser } from "./support/db";
import { APP_PAGES } from "./support/routes";

// Every page of the app. A new area adds its paths here the day it lands.
const ADMIN_ROUTES = ["/admin", "/admin/users", "/admin/audit", "/admin/tokens"];

test.describe("access", () => {
  for (const route of APP_PAGES) {
    test(`signed out, ${route} redirects to the login page`, async ({ page }) => {
      const response = await page.goto(route);
      await expect(page).toHaveURL(/\/login/);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    });
  }

  for (const role of ["viewer", "responder", "commander"] as const) {
    test(`a ${role} gets 403 on every admin page and no Admin link`, async ({ page }) => {
      const user = await createTestUser(role);
      await signInViaApi(page, user.email, user.password);
      await page.goto("/");
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
        "Command",
        "Incidents",
        "Runbooks",
        "Compliance",
        "Overview",
        "Inventory",
        "People",
        "Backups",
        "Plans",
      ]);
      for (const route of ADMIN_ROUTES) {
        const response = await page.goto(route);
        expect(response?.status(), route).toBe(403);
        await expect(page.getByRole("heading", { name: "Not allowed for your role" })).toBeVisible();
        await expect(page.getByText("viewer@lifeboat.local")).toHaveCount(0);
      }
    });
  }

  test("the health endpoint answers without a session", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
  });

  test("an unknown page shows the not-found page", async ({ page }) => {
    const user = await createTestUser("viewer");
    await signInViaApi(page, user.email, user.password);
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  });
});
