// HTML and script in every user-controlled text field print as text everywhere: every page (signed in as
// admin, and the public status page signed out), the break-glass pack opened in the browser, and the exports.
import { expect, test, type Page } from "@playwright/test";
import { parse as parseYaml } from "yaml";
import { DEMO_PASSWORD, demoEmail, signInViaApi } from "./support/auth";
import { db } from "./support/db";
import { JS_URL, PAYLOADS, seedHostileWorld, type HostileWorld } from "./support/hostile-world";
import { APP_PAGES } from "./support/routes";

// Spreadsheet formulas in a name: the CSV export must neutralise each (OWASP: a leading single quote). Names are
// trimmed when saved, so a leading tab or CR cannot start one: lib/compliance/rules.test.ts covers those leads.
const FORMULA_NAMES = [`=HYPERLINK("http://evil.test","x")`, "+SUM(1,1)", "-2+3", "@SUM(1)"];

test.describe.configure({ mode: "serial" });

let world: HostileWorld;

test.beforeAll(async ({ request }) => {
  world = await seedHostileWorld(request);
  for (const [i, name] of FORMULA_NAMES.entries()) {
    await db().query(
      `INSERT INTO "Service" (id, "systemId", name, tier, "updatedAt") VALUES (gen_random_uuid()::text, $1, $2, 3, now())`,
      [world.ids.systemId, `${name} xss-formula-${i}`],
    );
  }
});

/** Watches a page for script execution through injected markup. */
function guard(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

async function assertInert(page: Page, where: string, dialogs: string[]) {
  await page.waitForLoadState("load");
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    // Elements only an injected payload would create (Lifeboat renders none of these).
    injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], iframe[srcdoc]').length,
    jsLinks: [...document.querySelectorAll("a[href], iframe[src], form[action]")].filter((el) =>
      /^\s*javascript:/i.test(el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("action") ?? ""),
    ).length,
    // Next's flight data (self.__next_f) carries the text as JSON strings: only a script of the payload's own counts.
    scripts: [...document.scripts].filter(
      (s) => (s.textContent ?? "").includes("__xss=1") && !(s.textContent ?? "").includes("self.__next_f"),
    ).length,
  }));
  expect(found, where).toEqual({ xss: undefined, injected: 0, jsLinks: 0, scripts: 0 });
  expect(dialogs, where).toEqual([]);
}

/** Each value is on the page as rendered text (innerText: laid out, not hidden) or as a form field's value. */
async function assertShown(page: Page, where: string, values: string[]) {
  if (values.length === 0) return;
  const shown = await page.evaluate(() => [
    document.body.innerText.replace(/\s+/g, " "),
    ...[...document.querySelectorAll("input, textarea")].map((el) => (el as HTMLInputElement).value),
  ]);
  const missing = values.filter((value) => !shown.some((text) => text.includes(value.replace(/\s+/g, " "))));
  expect.soft(missing, `${where}: not shown as text`).toEqual([]);
}

test("every page renders every hostile field as text", async ({ page }) => {
  test.setTimeout(120_000);
  const h = world.values;
  const { ids } = world;
  const dialogs = guard(page);
  await signInViaApi(page, demoEmail("admin"), DEMO_PASSWORD);

  // What each page must show (as visible text); every page, listed or not, must stay inert.
  const expectations: Record<string, string[]> = {
    "/command": [h.incidentTitle, h.alertSummary],
    // The board filtered to the hostile system: the filter's own echo (the system picker) stays text too.
    [`/command?system=${ids.systemId}`]: [h.incidentTitle, h.alertSummary],
    "/incidents": [h.incidentTitle],
    "/runbooks": [h.runbookName, h.systemName],
    "/runbooks/drills": [h.runbookName],
    "/admin/users": [h.userName],
    "/admin/tokens": [h.tokenName],
    "/admin/audit": [h.auditAction],
    "/inventory/systems": [h.systemName],
    [`/inventory?q=xss-service-`]: [h.serviceName, h.owner],
    [`/inventory/systems/${ids.systemId}`]: [
      h.systemName,
      h.systemDescription,
      h.drStrategy,
      h.serviceName,
      h.jsServiceName,
    ],
    [`/inventory/services/${ids.serviceId}`]: [h.serviceName, h.owner, h.serviceNotes, h.healthUrl, h.jsServiceName],
    [`/inventory/services/${ids.jsServiceId}`]: [h.jsServiceName, JS_URL],
    [`/inventory/systems/${ids.systemId}/edit`]: [h.systemName, h.systemDescription],
    [`/inventory/services/${ids.serviceId}/edit`]: [h.serviceName, h.owner, h.serviceNotes],
    [`/backups/services/${ids.serviceId}`]: [h.policyNameBackup, h.backupMessage],
    "/people": [h.contactName, h.contactTeam],
    [`/people/contacts/${ids.contactId}`]: [
      h.contactName,
      h.contactTitle,
      h.contactTeam,
      h.contactOrg,
      h.contactNotes,
      h.contactRole,
      h.contactEmail,
      h.contactPhone,
      h.policyName,
    ],
    "/people/policies": [h.policyName],
    [`/people/policies/${ids.policyId}`]: [],
    "/people/channels": [h.channelName],
    "/people/matrix": [],
    "/people/paging": [],
    [`/incidents/${ids.incidentId}`]: [h.incidentTitle, h.alertSummary, h.publicNote, h.internalNote, h.runbookName],
    [`/runbooks/${ids.runbookId}`]: [
      h.runbookName,
      h.scenario,
      h.symptoms,
      h.detection,
      h.stepTitle,
      h.instructions,
      h.command,
    ],
    [`/runbooks/${ids.runbookId}/edit`]: [h.runbookName, h.scenario, h.stepTitle, h.instructions],
    [`/runbooks/runs/${ids.runId}`]: [h.runbookName, h.stepTitle, h.stepOutput, h.stepError, h.skipReason],
    [`/compliance?system=${ids.systemId}`]: [h.serviceName],
    [`/report/compliance?system=${ids.systemId}`]: [h.serviceName],
  };
  const routes = [...new Set([...APP_PAGES, ...Object.keys(expectations)])];
  for (const route of routes) {
    const response = await page.goto(route);
    expect(response?.status(), route).toBeLessThan(400);
    await assertInert(page, route, dialogs);
    await assertShown(page, route, expectations[route] ?? []);
  }
});

test("the public status page, signed out, shows the incident and its public note as text only", async ({ page }) => {
  const dialogs = guard(page);
  // The page is cached for up to 10 s per process: poll until the new incident appears.
  await expect(async () => {
    await page.goto("/status");
    await expect(page.getByText(world.values.incidentTitle)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await assertInert(page, "/status", dialogs);
  await assertShown(page, "/status", [world.values.systemName, world.values.publicNote]);
  await expect(page.getByText(world.values.internalNote)).toHaveCount(0);
});

test("a plan pasted into the import preview prints its text, not its markup", async ({ page }) => {
  const dialogs = guard(page);
  await signInViaApi(page, demoEmail("admin"), DEMO_PASSWORD);
  await page.goto("/plans");
  const unparsed = `xss-plan-line ${PAYLOADS[0]}`;
  const plan = `# xss-plan-title ${PAYLOADS[1]}\n\n## Services\n\n| Service | Tier | RTO | RPO |\n|---|---|---|---|\n| xss-plan-service ${PAYLOADS[2]} | Critical | 30 min | 15 min |\n\n${unparsed}\n`;
  await page.getByLabel("The plan: Markdown DR plan or Lifeboat YAML").fill(plan);
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText(/Preview \(/)).toBeVisible();
  await page.getByText(/lines not understood/).click();
  await assertShown(page, "/plans preview", [`xss-plan-service ${PAYLOADS[2]}`]);
  await assertInert(page, "/plans preview", dialogs);
});

test("the break-glass pack opened in a browser prints the fields as text and runs nothing", async ({ page }) => {
  const h = world.values;
  await signInViaApi(page, demoEmail("admin"), DEMO_PASSWORD);
  const response = await page.request.get("/api/breakglass");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/html");
  const html = await response.text();
  for (const payload of PAYLOADS) expect(html).not.toContain(payload);
  const dialogs = guard(page);
  await page.setContent(html, { waitUntil: "load" });
  await assertInert(page, "break-glass pack", dialogs);
  await assertShown(page, "break-glass pack", [
    h.systemName,
    h.serviceName,
    h.owner,
    h.runbookName,
    h.stepTitle,
    h.instructions,
    h.command,
    h.contactName,
    h.contactPhone,
    h.policyName,
  ]);
});

test("exports keep hostile text exact (YAML, evidence JSON) and defuse formulas (CSV)", async ({ page }) => {
  const h = world.values;
  await signInViaApi(page, demoEmail("admin"), DEMO_PASSWORD);

  // Plan-as-code YAML: the strings come back exactly as stored.
  const yamlResponse = await page.request.get(`/api/plans/export?system=${encodeURIComponent(h.systemName)}`);
  expect(yamlResponse.status()).toBe(200);
  const plan = parseYaml(await yamlResponse.text()) as {
    systems: {
      name: string;
      description?: string;
      services: { name: string; owner?: string; notes?: string }[];
      runbooks?: { name: string; steps: { title: string; instructions?: string }[] }[];
    }[];
  };
  const system = plan.systems[0]!;
  expect(system.name).toBe(h.systemName);
  expect(system.description).toBe(h.systemDescription);
  expect(system.services.find((s) => s.name === h.serviceName)).toMatchObject({
    owner: h.owner,
    notes: h.serviceNotes,
  });
  expect(JSON.stringify(plan)).toContain(JSON.stringify(h.instructions));

  // Evidence pack: JSON keeps the strings exactly.
  const evidence = await page.request.get(`/api/compliance/evidence?system=${world.ids.systemId}`);
  expect(evidence.status()).toBe(200);
  expect(JSON.stringify(await evidence.json())).toContain(JSON.stringify(h.serviceName));

  // CSV: every cell a spreadsheet would read as a formula starts with a quote; the rest is exact.
  const csv = await (await page.request.get(`/api/compliance/export?system=${world.ids.systemId}`)).text();
  const firstCells = csv.split("\r\n").slice(1).filter(Boolean).map(firstCell);
  expect(firstCells).toContain(h.serviceName);
  for (const [i, name] of FORMULA_NAMES.entries()) expect(firstCells).toContain(`'${name} xss-formula-${i}`);
  for (const cell of firstCells) expect(cell, "a CSV cell starts like a formula").not.toMatch(/^[=+\-@\t\r]/);
});

/** The first cell of a CSV line (RFC 4180 quoting; the names put there may hold commas, quotes and CR). */
function firstCell(line: string): string {
  if (!line.startsWith('"')) return line.split(",")[0]!;
  let out = "";
  for (let i = 1; i < line.length; i++) {
    if (line[i] === '"' && line[i + 1] === '"') {
      out += '"';
      i++;
    } else if (line[i] === '"') return out;
    else out += line[i];
  }
  return out;
}
