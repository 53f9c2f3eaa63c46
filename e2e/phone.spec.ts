// The commander on a phone (390×844): the navigation collapses behind a menu button with Sign out inside, the
// four incident-time pages do not scroll sideways, every tap target is at least 44×44 px, and the incident page
// reads actions, affected services, escalation, timeline from the top.
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { signInViaApi } from "./support/auth";
import { createTestToken, createTestUser, db } from "./support/db";
import { MIN_TARGET, measurePhone, PHONE } from "./support/phone";

test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

/** An open incident on Backend Service, opened by an alert (so it also has an alert and escalation). */
async function openIncident(page: Page): Promise<string> {
  const token = await createTestToken(["alerts:write"]);
  const summary = `Phone check ${randomBytes(3).toString("hex")}`;
  const response = await page.request.post("/api/v1/alerts/events", {
    data: {
      routing_key: token,
      event_action: "trigger",
      dedup_key: summary,
      payload: { summary, source: "backend-1:8080", severity: "critical", component: "Backend Service" },
    },
  });
  expect(response.status()).toBe(202);
  await page.goto("/incidents");
  await page.getByRole("link", { name: summary }).first().click();
  await expect(page).toHaveURL(/\/incidents\/(?!new$)[a-z0-9]+$/);
  return new URL(page.url()).pathname;
}

async function expectPhoneFriendly(page: Page, path: string) {
  await page.goto(path);
  const { scrollWidth, innerWidth, targets, sticksOut } = await measurePhone(page);
  const small = targets.filter((t) => t.width < MIN_TARGET - 0.05 || t.height < MIN_TARGET - 0.05);
  console.log(
    `[phone] ${path}: page ${scrollWidth} px wide in a ${innerWidth} px viewport; ` +
      `${targets.length} tap targets, ${small.length} under ${MIN_TARGET}×${MIN_TARGET}`,
  );
  // A mobile browser widens its layout viewport to fit content that overflows (innerWidth grew to 1,038 px here
  // before the fix), so the yardstick is the phone's own width, and the viewport must still be that wide.
  expect(scrollWidth, `${path} scrolls sideways: ${sticksOut.join("; ")}`).toBeLessThanOrEqual(PHONE.width);
  expect(innerWidth, `${path} widened the layout viewport`).toBe(PHONE.width);
  expect(small, `${path}: tap targets under ${MIN_TARGET} px`).toEqual([]);
}

test.describe("phone", () => {
  test("the navigation collapses behind a menu button, and Sign out is reachable", async ({ page }) => {
    const user = await createTestUser("commander", "phone-nav");
    await signInViaApi(page, user.email, user.password);
    await page.goto("/command");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeHidden();
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    const signOut = page.getByRole("button", { name: "Sign out" });
    await expect(signOut).toBeInViewport();
    // Following a link closes the menu again.
    await nav.getByRole("link", { name: "Incidents" }).click();
    await expect(page).toHaveURL(/\/incidents$/);
    await expect(nav).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
  });

  test("no sideways scroll and no tap target under 44 px on the four incident-time pages", async ({ page }) => {
    test.setTimeout(60_000);
    const user = await createTestUser("commander", "phone");
    // Real fleets have long names, and a select is as wide as its longest option: one such system in every filter.
    await db().query(
      `INSERT INTO "System" (id, name, "updatedAt") VALUES ($1, $2, now()) ON CONFLICT (name) DO NOTHING`,
      [
        `phone-long-${randomBytes(3).toString("hex")}`,
        "Regional payments settlement and reconciliation platform (EU central, primary datacentre)",
      ],
    );
    await signInViaApi(page, user.email, user.password);
    const incident = await openIncident(page);
    for (const path of ["/command", "/incidents", incident, "/compliance"]) await expectPhoneFriendly(page, path);
    // With the menu open too: its links and Sign out are targets as well.
    await page.goto("/command");
    await page.getByRole("button", { name: "Menu" }).click();
    const { targets } = await measurePhone(page);
    const small = targets.filter((t) => t.width < MIN_TARGET - 0.05 || t.height < MIN_TARGET - 0.05);
    console.log(`[phone] /command, menu open: ${targets.length} tap targets, ${small.length} under 44×44`);
    expect(small).toEqual([]);
  });

  test("the incident page reads actions, affected services, escalation, timeline from the top", async ({ page }) => {
    const user = await createTestUser("commander", "phone-order");
    await signInViaApi(page, user.email, user.password);
    await openIncident(page);
    const top = async (testId: string) => (await page.getByTestId(testId).boundingBox())?.y ?? Number.NaN;
    const order = ["incident-actions", "affected-services", "escalation", "timeline"];
    const tops = new Map<string, number>();
    for (const testId of order) tops.set(testId, await top(testId));
    const figures = [...tops].map(([testId, y]) => `${testId} ${Math.round(y)}`).join(", ");
    console.log(`[phone] incident page, top of ${figures}`);
    const ys = [...tops.values()];
    expect(
      ys.every((y, i) => i === 0 || y > (ys[i - 1] ?? Infinity)),
      `order: ${figures}`,
    ).toBe(true);
    expect(tops.get("escalation"), "the escalation panel within two screens").toBeLessThan(2 * PHONE.height);
  });
});
