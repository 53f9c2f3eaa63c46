// Secrets never leave Lifeboat: canary secrets are stored through the real actions (channel URLs with tokens
// in path and query, HTTP step headers, query and body, an API token, a one-time password) and exercised (a
// failing test send, a failing HTTP step in a real recovery run on an incident); then every page — raw HTML,
// which includes the React payload handed to client components — every GET API route, the exports, the
// audit trail and /api/metrics are read as admin and as viewer, and no canary may appear in any of them.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { DEMO_PASSWORD, demoEmail, signInViaApi } from "./support/auth";
import { createTestToken, createTestUser, db } from "./support/db";
import { callServerAction } from "./support/server-action";
import { APP_PAGES } from "./support/routes";

const PEOPLE = "app/(app)/people/actions.ts";
const RUNBOOKS = "app/(app)/runbooks/actions.ts";

test.describe.configure({ mode: "serial" });

const r = randomBytes(4).toString("hex");
// Named canaries, so a failure says which secret leaked where.
const canaries: Record<string, string> = {
  webhookPath: `CANARYwebhook${r}xyz`,
  smsKey: `CANARYsmskey${r}`,
  voicePath: `CANARYvoicepath${r}`,
  authHeader: `CANARYauthheader${r}`,
  apiKeyHeader: `CANARYapikey${r}`,
  queryToken: `CANARYquery${r}`,
  stepPath: `CANARYpath${r}`,
  bodyPassword: `CANARYbody${r}`,
};
let ids: { incidentId: string; runId: string; runbookId: string };

function extract(text: string, pattern: RegExp, what: string): string {
  const match = text.match(pattern);
  if (!match) throw new Error(`No ${what} in the action's answer: ${text.slice(0, 300)}`);
  return match[1]!;
}

async function act(request: APIRequestContext, baseURL: string, file: string, name: string, input: unknown) {
  const result = await callServerAction(request, file, name, [input], baseURL);
  expect(result.status, `${name}: ${result.text.slice(0, 300)}`).toBe(200);
  expect(result.text, name).not.toMatch(/"(serverError|validationErrors)"/);
  return result.text;
}

async function waitFor<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const page = await browser.newPage();
  await signInViaApi(page, demoEmail("admin"), DEMO_PASSWORD);
  const request = page.request;
  const base = baseURL!;

  await act(request, base, PEOPLE, "createChannelAction", {
    name: `canary webhook ${r}`,
    type: "webhook",
    url: `https://hooks.example.test/services/T0/B0/${canaries.webhookPath}`,
    enabled: true,
  });
  await act(request, base, PEOPLE, "createChannelAction", {
    name: `canary sms ${r}`,
    type: "sms",
    url: `https://sms.example.test/send?api_key=${canaries.smsKey}`,
    enabled: true,
  });
  await act(request, base, PEOPLE, "createChannelAction", {
    name: `canary voice ${r}`,
    type: "voice",
    url: `https://voice.example.test/${canaries.voicePath}/call`,
    enabled: true,
  });
  // A real test send that fails (the host does not resolve): the delivery record and its error are shown.
  const webhook = (await db().query(`SELECT id FROM "NotificationChannel" WHERE name = $1`, [`canary webhook ${r}`]))
    .rows[0] as { id: string };
  await act(request, base, PEOPLE, "testChannelAction", { id: webhook.id });

  const system = (await db().query(`SELECT id FROM "System" ORDER BY name LIMIT 1`)).rows[0] as { id: string };
  const step = {
    title: `canary http ${r}`,
    kind: "http",
    timeoutSeconds: 5,
    retries: 0,
    config: {
      url: `https://api.example.test/hooks/${canaries.stepPath}/restart?token=${canaries.queryToken}`,
      method: "POST",
      headers: {
        Authorization: `Bearer ${canaries.authHeader}`,
        "X-Api-Key": canaries.apiKeyHeader,
        Accept: "application/json",
      },
      body: JSON.stringify({ password: canaries.bodyPassword }),
    },
  };
  await act(request, base, RUNBOOKS, "createRunbookAction", {
    systemId: system.id,
    name: `canary runbook ${r}`,
    steps: [step],
  });
  const runbook = (await db().query(`SELECT id FROM "Runbook" WHERE name = $1`, [`canary runbook ${r}`])).rows[0] as {
    id: string;
  };

  // An incident through the real Events API, then the runbook started on it: the failing step's outcome goes
  // to the run page and the incident's timeline.
  const alerts = await createTestToken(["alerts:write"]);
  const trigger = await request.post("/api/v1/alerts/events", {
    data: {
      routing_key: alerts,
      event_action: "trigger",
      dedup_key: `canary-${r}`,
      payload: { summary: `canary incident ${r}`, source: "e2e", severity: "critical" },
    },
  });
  expect(trigger.status()).toBe(202);
  const incident = (await db().query(`SELECT id FROM "Incident" WHERE title = $1`, [`canary incident ${r}`]))
    .rows[0] as { id: string };
  await act(request, base, RUNBOOKS, "startRecoveryAction", {
    runbookId: runbook.id,
    incidentId: incident.id,
    // This runbook checks none of the incident's services: the question a person is asked, answered.
    confirmUncovered: true,
  });
  const run = await waitFor("the HTTP step to fail", async () => {
    const row = (
      await db().query(
        `SELECT r.id FROM "RecoveryRun" r JOIN "StepRun" s ON s."runId" = r.id WHERE r."runbookId" = $1 AND s.state = 'failed'`,
        [runbook.id],
      )
    ).rows[0] as { id: string } | undefined;
    return row;
  });
  ids = { incidentId: incident.id, runId: run.id, runbookId: runbook.id };

  // Shown once on creation (the action's answer), and never again.
  const tokenAnswer = await act(request, base, "app/(app)/admin/tokens/actions.ts", "createTokenAction", {
    name: `canary token ${r}`,
    scopes: ["read"],
  });
  canaries.apiToken = extract(tokenAnswer, /"(lb_[a-z0-9]{12}_[A-Za-z0-9_-]{43})"/, "token");
  canaries.apiTokenSecret = canaries.apiToken.slice(16);
  const userAnswer = await act(request, base, "app/(app)/admin/users/actions.ts", "createUserAction", {
    email: `canary-${r}@e2e.test`,
    name: `canary user ${r}`,
    role: "viewer",
  });
  canaries.oneTimePassword = extract(userAnswer, /"temporaryPassword":"([^"]+)"/, "one-time password");
  // The session secret the app servers were started with (scripts/e2e.ts hands it to the specs).
  if (process.env.E2E_NEXTAUTH_SECRET) canaries.nextauthSecret = process.env.E2E_NEXTAUTH_SECRET;
  await page.close();
});

function assertNoCanary(where: string, body: string) {
  // Each leak with a little of its surroundings, so the report says where in the answer it sits.
  const leaked = Object.entries(canaries).flatMap(([name, secret]) => {
    const at = body.indexOf(secret);
    return at < 0 ? [] : [`${name}: …${body.slice(Math.max(0, at - 120), at + secret.length + 20)}…`];
  });
  expect.soft(leaked, `secret in ${where}`).toEqual([]);
}

const entityPages = () => [
  `/runbooks/${ids.runbookId}`,
  `/runbooks/${ids.runbookId}/edit`,
  `/runbooks/runs/${ids.runId}`,
  `/incidents/${ids.incidentId}`,
  `/report/compliance`,
  "/status",
];

const apiRoutes = () => [
  "/api/breakglass",
  "/api/compliance/export",
  "/api/compliance/evidence",
  "/api/plans/export",
  "/api/plans/schema",
  "/api/metrics",
  "/api/health",
  "/api/ready",
  "/api/auth/session",
  "/api/inventory/services/search?q=a",
  `/api/incidents/events?incident=${ids.incidentId}`,
];

for (const role of ["admin", "viewer"] as const) {
  test(`as ${role}: no canary in any page or GET API answer`, async ({ page }) => {
    test.setTimeout(90_000);
    if (role === "admin") await signInViaApi(page, demoEmail("admin"), DEMO_PASSWORD);
    else {
      const viewer = await createTestUser("viewer");
      await signInViaApi(page, viewer.email, viewer.password);
    }
    let checked = 0;
    for (const route of [...APP_PAGES, ...entityPages(), ...apiRoutes()]) {
      const response = await page.request.get(route);
      // A viewer meets 403 on admin pages and edit forms: what it is answered still may not hold a secret.
      expect(response.status(), route).toBeLessThan(500);
      assertNoCanary(`${role} GET ${route}`, await response.text());
      checked++;
    }
    expect(checked).toBe(APP_PAGES.length + entityPages().length + apiRoutes().length);
  });
}

test("machine API answers (token read scope, plans:read) hold no canary", async ({ request }) => {
  const read = await createTestToken(["read", "plans:read"]);
  for (const route of ["/api/v1/incidents?status=open", `/api/v1/incidents/${ids.incidentId}`, "/api/v1/plans"]) {
    const response = await request.get(route, { headers: { Authorization: `Bearer ${read}` } });
    expect(response.status(), route).toBe(200);
    assertNoCanary(`token GET ${route}`, await response.text());
  }
});

test("the stored audit trail, delivery records and timeline hold no canary", async () => {
  const audit = await db().query(
    `SELECT action, coalesce(before::text, '') || coalesce(after::text, '') AS body FROM "AuditEvent"`,
  );
  for (const row of audit.rows as { action: string; body: string }[])
    assertNoCanary(`audit event ${row.action}`, row.body);
  const deliveries = await db().query(
    `SELECT target || coalesce("lastError", '') || coalesce("responseBody", '') AS body FROM "NotificationDelivery"`,
  );
  expect(deliveries.rowCount).toBeGreaterThan(0);
  for (const row of deliveries.rows as { body: string }[]) assertNoCanary("a notification delivery", row.body);
  const timeline = await db().query(
    `SELECT message || coalesce(data::text, '') AS body FROM "TimelineEvent" WHERE "incidentId" = $1`,
    [ids.incidentId],
  );
  for (const row of timeline.rows as { body: string }[]) assertNoCanary("the incident timeline", row.body);
});
