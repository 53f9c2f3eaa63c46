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
  await page.waitForLoadState("networkidle").catch(() => {}); // live pages keep a stream open
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations
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

  for (const role of ["admin", "commander", "responder", "viewer"] as const) {
    test(`every page as ${role}`, async ({ page }) => {
      test.setTimeout(240_000);
      if (role === "admin") await signInViaApi(page, demoEmail("admin"), DEMO_PASSWORD);
      else {
        const user = await createTestUser(role, `axe-${role}`);
        await signInViaApi(page, user.email, user.password);
      }
      const pages = [...APP_PAGES, await resolveIncident(page)];
      const found: Found[] = [];
      const started = Date.now();
      for (const path of pages) found.push(...(await check(page, path)));
      console.log(
        `[axe] ${role}: ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
          `${found.length} serious or critical (${[...new Set(found.map((f) => f.rule.split(":")[0]))].join(", ") || "none"})`,
      );
      expect(found).toEqual([]);
    });
  }
});
