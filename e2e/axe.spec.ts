// Every page, for every role, through axe-core: zero serious or critical WCAG 2.2 A/AA violations. Pages a role
// may not open still render (the "not allowed" page) and are checked as that role sees them.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD, demoEmail, signInViaApi } from "./support/auth";
import { createTestToken, createTestUser } from "./support/db";
import { APP_PAGES } from "./support/routes";

const TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];
const BLOCKING = new Set(["serious", "critical"]);

type Found = { path: string; rule: string; impact: string; targets: string[] };

async function check(page: Page, path: string): Promise<Found[]> {
  await page.goto(path);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // Label in name (WCAG 2.5.3) is still "experimental" in axe and off by default: asked for by name.
  const labels = await new AxeBuilder({ page }).withRules(["label-content-name-mismatch"]).analyze();
  return [...violations, ...labels.violations]
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .map((v) => ({
      path,
      rule: `${v.id}: ${v.help}`,
      impact: v.impact ?? "",
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1] ?? ""}`),
    }));
}

let summary = ""; // the title of this worker's open incident

test.beforeAll(async ({ request }) => {
  // An open incident opened by an alert: the incident page with an alert, escalation and an RTO clock.
  const token = await createTestToken(["alerts:write"]);
  summary = `Axe check ${randomBytes(3).toString("hex")}`;
  const response = await request.post("/api/v1/alerts/events", {
    data: {
      routing_key: token,
      event_action: "trigger",
      dedup_key: summary,
      payload: { summary, source: "backend-1:8080", severity: "critical", component: "Backend Service" },
    },
  });
  expect(response.status()).toBe(202);
});

/** The incident page's path, found by its title on /incidents as the signed-in user. */
async function resolveIncident(page: Page): Promise<string> {
  await page.goto("/incidents");
  const link = page.getByRole("link", { name: summary }).first();
  await expect(link).toBeVisible();
  return (await link.getAttribute("href"))!;
}

test.describe("accessibility (axe)", () => {
  test("public pages: login and status", async ({ page }) => {
    const found = [...(await check(page, "/login")), ...(await check(page, "/status"))];
    console.log(`[axe] public: 2 pages, ${found.length} serious or critical`);
    expect(found).toEqual([]);
  });

  // Each role's pages in three parts: on a loaded 2-core machine one role's 30 pages took up to 4 minutes.
  const PARTS = 3;
  for (const role of ["admin", "commander", "responder", "viewer"] as const) {
    for (let part = 0; part < PARTS; part++) {
      test(`every page as ${role} (part ${part + 1} of ${PARTS})`, async ({ page }) => {
        test.setTimeout(180_000);
        if (role === "admin") await signInViaApi(page, demoEmail("admin"), DEMO_PASSWORD);
        else {
          const user = await createTestUser(role, `axe-${role}`);
          await signInViaApi(page, user.email, user.password);
        }
        const all = [...APP_PAGES, await resolveIncident(page)];
        const size = Math.ceil(all.length / PARTS);
        const pages = all.slice(part * size, (part + 1) * size);
        const found: Found[] = [];
        const started = Date.now();
        for (const path of pages) found.push(...(await check(page, path)));
        const rules = [...new Set(found.map((f) => f.rule.split(":")[0]))].join(", ") || "none";
        console.log(
          `[axe] ${role} part ${part + 1}: ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
            `${found.length} serious or critical (${rules})`,
        );
        expect(found).toEqual([]);
      });
    }
  }
});

test.describe("accessibility (by hand)", () => {
  test("the first Tab reaches “Skip to content”, which moves focus past the navigation", async ({ page }) => {
    const user = await createTestUser("commander", "axe-skip");
    await signInViaApi(page, user.email, user.password);
    await page.goto("/command");
    // Hydrated (the live stream is up): before that the link is a plain "#content" link.
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#content")).toBeFocused();
    // The next Tab lands in the page, not on the navigation.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("main")?.id)).toBe("content");
  });

  test("a viewer opening an incident sees no action box; a responder does", async ({ browser }) => {
    for (const [role, count] of [
      ["viewer", 0],
      ["responder", 1],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const user = await createTestUser(role, `axe-box-${role}`);
      await signInViaApi(page, user.email, user.password);
      await page.goto(await resolveIncident(page));
      await expect(page.getByTestId("incident-title")).toBeVisible();
      await expect(page.getByTestId("incident-actions"), role).toHaveCount(count);
      await expect(page.getByRole("button", { name: "Keyboard shortcuts (?)" }), role).toHaveCount(count);
      await context.close();
    }
  });

  test("the demo fleet's buttons are named by their visible label first", async ({ page }) => {
    const user = await createTestUser("commander", "axe-fleet");
    await signInViaApi(page, user.email, user.password);
    await page.goto("/runbooks/demo");
    const buttons = page.getByRole("button", { name: /^(Break \+ alert|Break quietly|Restore by hand): / });
    expect(await buttons.count()).toBeGreaterThan(0);
    for (const button of await buttons.all()) {
      const [name, text] = [await button.getAttribute("aria-label"), (await button.innerText()).trim()];
      expect(name?.startsWith(text), `${name} starts with ${text}`).toBe(true);
    }
  });
});
