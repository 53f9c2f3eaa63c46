// The app with its database gone: health says 503 with the reason, pages say "Database unreachable"
// instead of a stack trace. Runs a second app process of its own pointed at a port where nothing listens.
import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { encode } from "next-auth/jwt";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test.describe.configure({ mode: "serial" });

let server: ChildProcess;
let baseUrl: string;
const secret = randomBytes(32).toString("base64url");

test.beforeAll(async () => {
  const [appPort, deadPort] = await Promise.all([freePort(), freePort()]);
  baseUrl = `http://127.0.0.1:${appPort}`;
  server = spawn("node_modules/.bin/next", ["start", "-p", String(appPort), "-H", "127.0.0.1"], {
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: `postgresql://nobody:none@127.0.0.1:${deadPort}/gone`,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: baseUrl,
    },
  });
  await expect
    .poll(async () => (await fetch(`${baseUrl}/login`).catch(() => null))?.status, { timeout: 30_000 })
    .toBe(200);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

test("health answers 503 with the reason", async ({ request }) => {
  const response = await request.get(`${baseUrl}/api/health`);
  expect(response.status()).toBe(503);
  const body = await response.json();
  expect(body).toMatchObject({ status: "unavailable", database: { status: "unreachable" } });
  expect(body.database.reason).toMatch(/database unreachable/);
});

test("a signed-in page shows the outage plainly, not an error dump", async ({ page, context }) => {
  const token = await encode({ token: { sub: "someone", email: "someone@e2e.test" }, secret });
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseUrl }]);
  await page.goto(`${baseUrl}/`);
  await expect(page.getByText("Database unreachable")).toBeVisible();
  await expect(page.getByText(/ECONNREFUSED|at .*\.js/)).toHaveCount(0);
});

test("alert intake answers 503 so Alertmanager and Events API senders retry later", async ({ request }) => {
  const headers = { Authorization: `Bearer lb_000000000000_${"x".repeat(43)}` };
  const alertmanager = await request.post(`${baseUrl}/api/v1/alerts/alertmanager`, {
    headers,
    data: { version: "4", alerts: [] },
  });
  expect(alertmanager.status()).toBe(503);
  expect(await alertmanager.json()).toMatchObject({ error: expect.stringMatching(/retry later/) });
  const events = await request.post(`${baseUrl}/api/v1/alerts/events`, {
    data: { routing_key: `lb_000000000000_${"x".repeat(43)}`, event_action: "trigger" },
  });
  expect(events.status()).toBe(503);
});
