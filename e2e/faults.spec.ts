// Faults with real processes: an app server (`next start`, its inline job worker included) on a Postgres of
// its own, with a live timeline stream and a browser open on an incident and a recovery run in the middle of
// a step, when that Postgres is STOPPED and STARTED again on the same data and port. The app must answer 503
// and show the outage while it lasts, stay up, recover by itself, resume the stream with nothing missed and
// nothing twice, and finish the run with every step run exactly once: the step that ended during the
// outage recorded after it, the steps that fell due during the outage run after it. Figures are printed.
// (A worker killed with SIGKILL mid-step is lib/recovery/crash.integration.test.ts.)
import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { keepAliveClient } from "../scripts/lib/http-client";
import { actionData, serverActionCaller } from "../scripts/lib/server-action";
import { signIn } from "../scripts/lib/sign-in";
import { startAppServer, type AppServer } from "../scripts/lib/throwaway";
import { startTestService, type TestService } from "../test/http-service";
import { startFaultDatabase, type FaultDatabase } from "./support/fault-database";
import { followStream, type SseFollower } from "./support/sse-follower";

const RUNBOOKS = "app/(app)/runbooks/actions.ts";
const INCIDENTS = "app/(app)/incidents/actions.ts";
/** The step the outage hits: long enough to stop Postgres while it runs, short enough for a quick spec. */
const WAIT_SECONDS = 8;

let database: FaultDatabase | undefined;
let app: AppServer | undefined;
let service: TestService | undefined;
let stream: SseFollower | undefined;
/** Browser pages hold streams open: closed before the app is stopped, or its exit waits on them. */
const pages: Page[] = [];

test.afterAll(async () => {
  test.setTimeout(60_000);
  stream?.stop();
  await Promise.all(pages.map((page) => page.close().catch(() => {})));
  await app?.stop();
  await service?.close();
  await database?.dispose();
});

const seconds = (ms: number) => Number((ms / 1000).toFixed(1));
const health = async (baseUrl: string) => {
  const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
  return response
    ? { status: response.status, body: (await response.json()) as { database?: { reason?: string } } }
    : { status: 0, body: {} };
};

async function signedInPage(page: Page, baseUrl: string, cookie: string) {
  const cookies = cookie.split("; ").map((pair) => pair.split("=") as [string, string]);
  await page.context().addCookies(cookies.map(([name, ...value]) => ({ name, value: value.join("="), url: baseUrl })));
}

test("Postgres stopped and started under a live stream and a running recovery: the app recovers by itself, nothing missed", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const began = Date.now();
  database = await startFaultDatabase(`lifeboat_faults_${randomBytes(4).toString("hex")}`);
  const db = database;
  service = await startTestService({
    "/page-team": { status: 200 },
    "/promote": { status: 200, body: "promoted" },
    "/reopen": { status: 200 },
  });
  app = await startAppServer(db.url, { env: { LOG_LEVEL: "warn" }, logs: Boolean(process.env.E2E_SERVER_LOG) });
  const { baseUrl } = app;
  const cookie = await signIn(baseUrl, "admin@lifeboat.local", "lifeboat-demo");
  const http = keepAliveClient(baseUrl, 2);
  const action = (file: string, exportedName: string, page: string, input: object) =>
    serverActionCaller(http, { baseUrl, cookie, file, exportedName })(page, [input]).then((r) =>
      actionData<{ id: string }>(r.status, r.body),
    );

  // Through the real paths: the runbook and the incident by their server actions, the run by "Start recovery".
  const [system] = await db.query<{ id: string }>(`SELECT id FROM "System" ORDER BY name LIMIT 1`);
  const step = (title: string, kind: "http" | "wait", config: object) => ({
    title,
    kind,
    config,
    timeoutSeconds: 60,
    retries: 0,
    safeToRepeat: false,
  });
  const runbook = await action(RUNBOOKS, "createRunbookAction", "/runbooks", {
    systemId: system!.id,
    name: "Fail over through a database restart",
    steps: [
      step("Page the database team", "http", { url: `${service.url}/page-team` }),
      step("Let replication settle", "wait", { seconds: WAIT_SECONDS }),
      step("Promote the replica", "http", { url: `${service.url}/promote` }),
      step("Drain connections", "wait", { seconds: 1 }),
      step("Reopen traffic", "http", { url: `${service.url}/reopen` }),
    ],
  });
  const incident = await action(INCIDENTS, "declareIncidentAction", "/incidents", {
    title: "Primary database lost",
    severity: "SEV1",
    systemId: system!.id,
  });

  // Everything on this incident from its first event, resumed by Last-Event-ID after every drop.
  stream = followStream(`${baseUrl}/api/incidents/stream?incident=${incident.id}&after=0`, cookie);
  const live = await browser.newPage();
  pages.push(live);
  await signedInPage(live, baseUrl, cookie);
  await live.goto(`${baseUrl}/incidents/${incident.id}`);
  await expect(live.getByTestId("timeline")).toBeVisible();

  const run = await action(RUNBOOKS, "startRecoveryAction", `/incidents/${incident.id}`, {
    runbookId: runbook.id,
    incidentId: incident.id,
    // The incident names no services, so no runbook covers it: starting one is a deliberate choice.
    confirmUncovered: true,
  });
  const stepsOf = () =>
    db.query<{
      position: number;
      state: string;
      attempts: number;
      output: string | null;
      started: number | null;
      finished: number | null;
    }>(
      `SELECT position, state::text, attempts, output, EXTRACT(EPOCH FROM "startedAt") * 1000 AS started, EXTRACT(EPOCH FROM "finishedAt") * 1000 AS finished
       FROM "StepRun" WHERE "runId" = $1 ORDER BY position`,
      [run.id],
    );
  await expect
    .poll(async () => (await stepsOf())[1]?.state, { timeout: 30_000, message: "the wait step to start" })
    .toBe("running");
  const waitStarted = Number((await stepsOf())[1]!.started);
  const eventsBefore = stream.events.length;

  // --- Fault: the Postgres server process is stopped while the wait step runs.
  const stopAt = Date.now();
  await db.stop();
  const stopped = Date.now();
  let outage = { status: 0, body: {} as { database?: { reason?: string } } };
  await expect
    .poll(async () => (outage = await health(baseUrl)).status, {
      timeout: 15_000,
      message: "/api/health to report the outage",
    })
    .toBe(503);
  const unhealthyAfter = Date.now() - stopped;
  expect(outage.body.database?.reason).toMatch(/^database unreachable/);
  const probe = await browser.newPage();
  pages.push(probe);
  await signedInPage(probe, baseUrl, cookie);
  await probe.goto(`${baseUrl}/incidents/${incident.id}`);
  await expect(probe.getByText("Database unreachable")).toBeVisible();
  // The wait step ends while the database is away: its outcome can only be recorded once it is back.
  await expect.poll(() => Date.now() > waitStarted + WAIT_SECONDS * 1000 + 1000, { timeout: 30_000 }).toBe(true);
  expect(app.alive(), "the app process survived the outage").toBe(true);

  // --- Recovery: the same server on the same data and port.
  const eventsDuring = stream.events.length - eventsBefore;
  await db.start();
  const restarted = Date.now();
  await expect
    .poll(async () => (await health(baseUrl)).status, { timeout: 60_000, message: "/api/health to recover by itself" })
    .toBe(200);
  const healthyAfter = Date.now() - restarted;

  await expect
    .poll(
      async () =>
        (await db.query<{ state: string }>(`SELECT state::text FROM "RecoveryRun" WHERE id = $1`, [run.id]))[0]?.state,
      { timeout: 60_000, message: "the run to finish" },
    )
    .toMatch(/^(succeeded|paused|failed|cancelled)$/);
  const [finished] = await db.query<{ state: string; finished: number }>(
    `SELECT state::text, EXTRACT(EPOCH FROM "finishedAt") * 1000 AS finished FROM "RecoveryRun" WHERE id = $1`,
    [run.id],
  );
  const steps = await stepsOf();
  const story = async () =>
    (
      await db.query<{ message: string }>(`SELECT message FROM "TimelineEvent" WHERE "incidentId" = $1 ORDER BY id`, [
        incident.id,
      ])
    )
      .map((e) => e.message)
      .join("\n");
  expect(finished!.state, await story()).toBe("succeeded");
  // Every step once, each with its own outcome: none failed or was taken for interrupted over the outage.
  expect(steps.map((s) => [s.position, s.state, s.attempts])).toEqual([1, 2, 3, 4, 5].map((p) => [p, "succeeded", 1]));
  expect(steps[1]!.output).toBe(`Waited ${WAIT_SECONDS} s`);
  expect(Number(steps[1]!.finished), "the wait's outcome was recorded after the restart").toBeGreaterThanOrEqual(
    restarted - 1000,
  );
  expect(["/page-team", "/promote", "/reopen"].map((p) => service!.count(p))).toEqual([1, 1, 1]);
  const promoted = service.calls.find((c) => c.path === "/promote")!;
  expect(promoted.startedAt, "the step due during the outage ran after it").toBeGreaterThanOrEqual(restarted);
  // The run's own story: started, each step started and succeeded once, finished; no interruption, failure or retry.
  const runStory = (
    await db.query<{ message: string }>(`SELECT message FROM "TimelineEvent" WHERE data->>'runId' = $1 ORDER BY id`, [
      run.id,
    ])
  ).map((e) => e.message);
  expect(runStory, runStory.join("\n")).toHaveLength(1 + 2 * 5 + 1);
  expect(runStory.join("\n")).not.toMatch(/interrupted|failed|attempt/i);

  // The stream: every event of the incident, in id order, none twice — exactly the rows in the database.
  const dbIds = async () =>
    (
      await db.query<{ id: string }>(`SELECT id::text FROM "TimelineEvent" WHERE "incidentId" = $1 ORDER BY id`, [
        incident.id,
      ])
    ).map((r) => r.id);
  await expect
    .poll(async () => JSON.stringify(stream!.events.map((e) => String(e.id))) === JSON.stringify(await dbIds()), {
      timeout: 20_000,
      message: "the stream to hold every event",
    })
    .toBe(true);
  const ids = stream.events.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(stream.events.every((e) => e.incidentId === incident.id)).toBe(true);
  // The browser that stayed on the incident caught up by itself (stream or its polling fallback), no reload.
  // (Its outage notice re-renders the page once /api/health answers.) A row that folds repeated delivery
  // failures stands for all of them (data-event-ids), so every event is compared, each once, by id.
  const shown = () =>
    live
      .locator("[data-event-id]")
      .evaluateAll((items) => items.flatMap((li) => li.getAttribute("data-event-ids")!.split(" ")));
  const sorted = (ids: string[]) => JSON.stringify([...ids].sort((a, b) => Number(a) - Number(b)));
  await expect
    .poll(async () => sorted(await shown()) === sorted(await dbIds()), {
      timeout: 30_000,
      message: "the open page to show every event once",
    })
    .toBe(true);
  const ready = await fetch(`${baseUrl}/api/ready`);
  expect(ready.status, await ready.text()).toBe(200);
  expect(app.alive()).toBe(true);
  http.close();

  console.log(
    `[faults] postgres stopped in ${seconds(stopped - stopAt)} s; /api/health 503 after ${seconds(unhealthyAfter)} s; outage ${seconds(restarted - stopAt)} s\n` +
      `[faults] postgres started → /api/health 200 in ${seconds(healthyAfter)} s\n` +
      `[faults] stream events: ${eventsBefore} before the stop, ${eventsDuring} during the outage, ${stream.events.length - eventsBefore - eventsDuring} after; ` +
      `${stream.opened()} stream(s) opened, ${stream.refusals.length} refused, ${stream.unavailable()} "unavailable"\n` +
      `[faults] steps: ${steps.length}, each once; run finished ${seconds(finished!.finished - restarted)} s after postgres started\n` +
      `[faults] spec ${seconds(Date.now() - began)} s`,
  );
});
