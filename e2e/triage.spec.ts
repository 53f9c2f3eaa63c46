// The command board triages (issue #20): an alert storm of one system collapses into one card with its
// count, a new unacknowledged Tier 1 incident sits above it, the filters live in the URL (a reload keeps
// them), and a new incident reaches an open board on either app process in under a second after its
// alert POST returns. Alerts go in through the real Alertmanager webhook route, as Alertmanager sends them.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { randomBytes, randomUUID } from "node:crypto";
import { signInViaApi } from "./support/auth";
import { createTestToken, createTestUser, db } from "./support/db";

test.describe.configure({ mode: "serial", timeout: 90_000 });

const run = randomBytes(3).toString("hex");
const STORM_SYSTEM = `Checkout ${run}`;
const STORM_SERVICE = `checkout-api-${run}`;
const PAYMENTS_SYSTEM = `Payments ${run}`;
const PAYMENTS_SERVICE = `payments-db-${run}`;
const STORM_ALERT = `CheckoutLatencyHigh_${run}`;
const STORM_SIZE = 30;

let token = "";
const systemIds: Record<string, string> = {};

const second = () => {
  const url = process.env.E2E_SECOND_BASE_URL;
  if (!url) throw new Error("E2E_SECOND_BASE_URL is not set: run with `npm run test:e2e`");
  return url;
};

async function signedIn(browser: Browser, baseURL?: string) {
  const user = await createTestUser("commander", `triage-${run}`);
  const context = await browser.newContext(baseURL ? { baseURL } : {});
  const page = await context.newPage();
  await signInViaApi(page, user.email, user.password);
  return { page, user };
}

/** One Alertmanager webhook delivery: one group (its own groupKey) holding one firing alert. */
function delivery(alertname: string, labels: Record<string, string>, summary: string) {
  const all = { alertname, ...labels };
  return {
    version: "4",
    groupKey: `{}:{alertname="${alertname}", instance="${labels.instance ?? ""}"}`,
    status: "firing",
    receiver: "lifeboat",
    groupLabels: { alertname, instance: labels.instance ?? "" },
    commonLabels: all,
    commonAnnotations: { summary },
    externalURL: "http://alertmanager.invalid",
    alerts: [
      {
        status: "firing",
        labels: all,
        annotations: { summary },
        startsAt: new Date().toISOString(),
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "",
        fingerprint: randomBytes(8).toString("hex"),
      },
    ],
  };
}

test.beforeAll(async () => {
  token = await createTestToken(["alerts:write"]);
  // Two systems of this spec alone: a Tier 3 checkout service (the storm) and a Tier 1 payments database
  // with a 15-minute RTO (the incident that must not drown under the storm).
  for (const [system, service, tier, rto] of [
    [STORM_SYSTEM, STORM_SERVICE, 3, 240],
    [PAYMENTS_SYSTEM, PAYMENTS_SERVICE, 1, 15],
  ] as const) {
    const systemId = randomUUID();
    systemIds[system] = systemId;
    await db().query(`INSERT INTO "System" (id, name, "updatedAt") VALUES ($1, $2, now())`, [systemId, system]);
    await db().query(
      `INSERT INTO "Service" (id, "systemId", name, tier, "rtoMinutes", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`,
      [randomUUID(), systemId, service, tier, rto],
    );
  }
});

async function post(page: Page, body: ReturnType<typeof delivery>) {
  const response = await page.request.post("/api/v1/alerts/alertmanager", {
    headers: { Authorization: `Bearer ${token}` },
    data: body,
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { incident: { id: string; number: number }; created: boolean };
}

/**
 * Records, in the page, the moment (Date.now()) a text first appears in the incident list, and for comparison
 * in the activity feed beside it (which the live stream fills directly).
 */
async function watchFor(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const w = window as unknown as { __seen?: Record<string, number> };
    const found = (w.__seen ??= {});
    const check = () => {
      const list = document.querySelector('section[aria-label="Active incidents"]');
      const feed = document.querySelector('section[aria-labelledby="activity-heading"]');
      if (!found[wanted] && list?.textContent?.includes(wanted)) found[wanted] = Date.now();
      if (!found[`feed:${wanted}`] && feed?.textContent?.includes(wanted)) found[`feed:${wanted}`] = Date.now();
    };
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, text);
}

async function seenAt(page: Page, key: string): Promise<number> {
  const read = () =>
    page.evaluate((k) => (window as unknown as { __seen?: Record<string, number> }).__seen?.[k] ?? 0, key);
  await expect.poll(read, { timeout: 10_000, intervals: [50] }).toBeGreaterThan(0);
  return read();
}

test("a new incident reaches an open board on both app processes in under a second after its alert POST", async ({
  browser,
}) => {
  const boards = [await signedIn(browser), await signedIn(browser, second())];
  for (const { page } of boards) {
    await page.goto("/command");
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
  }
  const figures: number[] = [];
  // Alert 0 warms up each freshly started app server (its first read of the board route loads the route's
  // code: about a second on this machine); it is printed, not judged. Then three alerts a few seconds
  // apart: each must be quick, not only the first.
  for (let i = 0; i < 4; i++) {
    const summary = `Payments DB replication lag ${run}-${i}`;
    for (const { page } of boards) await watchFor(page, summary);
    await post(
      boards[0]!.page,
      delivery(
        `PaymentsLag_${run}_${i}`,
        { system: PAYMENTS_SYSTEM, service: PAYMENTS_SERVICE, severity: "critical", instance: `lag-${i}` },
        summary,
      ),
    );
    const returned = Date.now();
    for (const [n, { page }] of boards.entries()) {
      const ms = (await seenAt(page, summary)) - returned;
      const feed = (await seenAt(page, `feed:${summary}`)) - returned;
      if (i > 0) figures.push(ms);
      console.log(
        `triage: alert ${i}${i ? "" : " (warm-up)"} on board ${n + 1} after ${ms} ms (activity feed ${feed} ms)`,
      );
    }
    await boards[0]!.page.waitForTimeout(1500);
  }
  const sorted = [...figures].sort((a, b) => a - b);
  const median = (sorted[2]! + sorted[3]!) / 2;
  console.log(`triage: alert → board latency ms: ${figures.join(", ")} (median ${median}, max ${sorted.at(-1)})`);
  // The target is under a second. The median must meet it; a single reading may not on a loaded 2-core machine
  // (the board read itself took up to 3 s there at a load average of 20), but none may reach 2 s: the old board
  // waited 2 s before it even asked (a trailing debounce), so that bound still catches a return to it.
  expect(median).toBeLessThan(1000);
  expect(sorted.at(-1)!).toBeLessThan(2000);
});

test("an alert storm is one card with its count, below a new unacknowledged Tier 1 incident", async ({ browser }) => {
  const { page } = await signedIn(browser);
  // 30 Alertmanager groups (one per checkout instance), as a real storm arrives: a few at a time.
  for (let batch = 0; batch < STORM_SIZE; batch += 5) {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, k) =>
        post(
          page,
          delivery(
            STORM_ALERT,
            { system: STORM_SYSTEM, service: STORM_SERVICE, severity: "warning", instance: `checkout-${batch + k}` },
            `Checkout latency high on checkout-${batch + k} ${run}`,
          ),
        ),
      ),
    );
    expect(results.every((r) => r.created)).toBe(true);
  }
  const urgent = `Payments DB down ${run}`;
  await post(
    page,
    delivery(
      `PaymentsDown_${run}`,
      { system: PAYMENTS_SYSTEM, service: PAYMENTS_SERVICE, severity: "critical", instance: "db-1" },
      urgent,
    ),
  );

  await page.goto("/command");
  const storm = page.getByTestId("board-storm").filter({ hasText: `${STORM_SYSTEM} storm` });
  await expect(storm).toHaveCount(1);
  await expect(storm).toHaveAttribute("data-count", String(STORM_SIZE));
  await expect(storm.getByTestId("storm-title")).toHaveText(`${STORM_SIZE} incidents · ${STORM_SYSTEM} storm`);
  // None of the storm's incidents has a card of its own.
  await expect(page.getByTestId("board-incident").filter({ hasText: "Checkout latency high on" })).toHaveCount(0);

  const card = page.getByTestId("board-incident").filter({ hasText: urgent });
  await expect(card.getByTestId("triage-reasons")).toContainText(
    new RegExp(`not acknowledged · \\d+% of RTO used \\(${PAYMENTS_SERVICE}, 15 min\\) · SEV1 · Tier 1`),
  );
  const order = await page
    .locator('[data-testid="board-incident"], [data-testid="board-storm"]')
    .evaluateAll((cards) => cards.map((c) => c.textContent ?? ""));
  const urgentAt = order.findIndex((text) => text.includes(urgent));
  const stormAt = order.findIndex((text) => text.includes(`${STORM_SYSTEM} storm`));
  console.log(`triage: board of ${order.length} cards; Tier 1 incident at ${urgentAt + 1}, storm at ${stormAt + 1}`);
  expect(urgentAt).toBeGreaterThanOrEqual(0);
  expect(urgentAt).toBeLessThan(stormAt);

  // The storm opens to its list of 30.
  await expect(storm.getByTestId("storm-incident").first()).toBeHidden();
  await storm.locator("summary").click();
  await expect(storm.getByTestId("storm-incident")).toHaveCount(STORM_SIZE);
  await expect(storm.getByTestId("storm-incident").first()).toBeVisible();
});

test("the filters live in the URL: a reload keeps them", async ({ browser }) => {
  const { page, user } = await signedIn(browser);
  await page.goto("/command");
  await page.getByLabel("Unacknowledged").check();
  await page.getByLabel("System").selectOption({ label: STORM_SYSTEM });
  await page.getByLabel("Severity").selectOption("SEV3");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`unack=1.*system=${systemIds[STORM_SYSTEM]}.*severity=SEV3`));
  for (const when of ["after apply", "after reload"]) {
    if (when === "after reload") await page.reload();
    await expect(page.getByLabel("Unacknowledged"), when).toBeChecked();
    await expect(page.getByLabel("System"), when).toHaveValue(systemIds[STORM_SYSTEM]!);
    await expect(page.getByLabel("Severity"), when).toHaveValue("SEV3");
    await expect(page.getByTestId("board-storm"), when).toHaveCount(1);
    await expect(page.getByTestId("board-storm"), when).toHaveAttribute("data-count", String(STORM_SIZE));
    await expect(page.getByTestId("board-incident"), when).toHaveCount(0);
  }
  // The controls are big enough for a thumb.
  for (const control of [
    page.getByRole("button", { name: "Apply filters" }),
    page.getByRole("link", { name: "Clear filters" }),
    page.getByText("Unacknowledged", { exact: true }),
  ])
    expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  // "Mine": the incidents I command, and nothing else.
  const urgent = `Payments DB down ${run}`;
  await db().query(`UPDATE "Incident" SET "commanderId" = (SELECT id FROM "User" WHERE email = $1) WHERE title = $2`, [
    user.email,
    urgent,
  ]);
  await page.goto("/command?mine=1");
  await expect(page.getByLabel("Mine (I command)")).toBeChecked();
  await expect(page.getByTestId("board-incident")).toHaveCount(1);
  await expect(page.getByTestId("board-incident")).toContainText(urgent);
  await expect(page.getByTestId("board-storm")).toHaveCount(0);
});

test("unreadable filters are ignored, not refused: a stale or hostile link still opens the whole board", async ({
  browser,
}) => {
  const { page } = await signedIn(browser);
  const response = await page.goto(
    `/command?unack=yes&mine=1&mine=0&system=${encodeURIComponent("<script>alert(1)</script>")}&severity=SEV9&severity=SEV1`,
  );
  expect(response?.status()).toBe(200);
  await expect(page.getByLabel("Unacknowledged")).not.toBeChecked();
  // Repeated parameters: the first counts (mine=1, severity=SEV9 ignored); a system that is no id is ignored.
  await expect(page.getByLabel("Mine (I command)")).toBeChecked();
  await expect(page.getByLabel("Severity")).toHaveValue("");
  await expect(page.getByLabel("System")).toHaveValue("");
  await expect(page.getByText("No open incident matches these filters")).toBeVisible();
});
