// `npm run bench:recovery`: starting and running recovery runbooks, against a production build on a throwaway
// embedded Postgres with the demo data. Prints, each next to its raw baseline:
// - start accepted: startRecoveryAction over HTTP as a signed-in commander, one at a time and many at once
//   (vs. the same statements as the action and startRun through plain pg: scripts/lib/recovery-raw.ts);
// - first step picked up: the action's answer → StepRun #1 startedAt, i.e. the job queue's pickup, for starts
//   paced apart, for a burst, and for a few starts right after the burst (behind what it left queued);
// - steps per second: many runs of no-op steps at once, with the worker inside the app and on its own
//   (vs. each step's claim + record statements through plain pg, as many connections as worker slots);
// - correctness: every run succeeded, every step ran once, one run per incident even for concurrent starts.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import type PgBoss from "pg-boss";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { DEMO_SYSTEM } from "@/lib/demo-fleet/fleet";
import { bossSink, createBoss, QUEUES, startBoss, type JobSink } from "@/lib/jobs/boss";
import { startRun } from "@/lib/recovery/runs";
import { seedDemo } from "@/lib/seed/seed-demo";
import {
  benchCli,
  cleanUpOnce,
  phaseClock,
  invokedAs,
  rateRatio,
  timeRatio,
  type BenchOptions,
  type BenchResult,
} from "./lib/bench-run";
import { stopChild } from "./lib/run";
import { ensureBuild } from "./lib/ensure-build";
import { paced, sleep } from "./lib/fan-out";
import { keepAliveClient } from "./lib/http-client";
import { inPool, percentiles, type Percentiles } from "./lib/measure";
import { rawRecoveryBaselines } from "./lib/recovery-raw";
import { countStaleJobs, dropStaleJobs, inspect, settle, type Inspected, type Outcome } from "./lib/recovery-runs";
import { actionData, serverActionCaller } from "./lib/server-action";
import { signIn } from "./lib/sign-in";
import { startAppServer, startThrowawayDatabase, type AppServer } from "./lib/throwaway";

const START_RUNS = 200;
const CONCURRENCY = 16;
const ONE_AT_A_TIME = 20;
const PACED_RUNS = 40;
// Starts right after the burst, while the queue still holds its leftover jobs.
const PROBES = 5;
// Not a divisor of the 500 ms poll: paced starts land at every phase of the workers' polling cycle.
const PACE_MS = 150;
const DOUBLE_STARTS = 20;
const THROUGHPUT_RUNS = 200;
const THROUGHPUT_STEPS = 5;
// What lib/worker/worker.ts runs: 8 pg-boss workers on the recovery queue, each polling every 0.5 s when idle
// and fetching again at once after a job (lib/jobs/pool.ts); a committed job wakes them at once (lib/jobs/wake.ts).
const WORKER_SLOTS = 8;
const POLL_SECONDS = 0.5;
const COMMANDER = "commander@lifeboat.local";
const PASSWORD = "lifeboat-demo";
const ACTIONS_FILE = "app/(app)/runbooks/actions.ts";

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

type Bench = { systemId: string; quickRunbookId: string; noopRunbookId: string; user: { id: string; email: string } };
type Started = { incidentId: string; runId: string; created: boolean; answeredAt: number };

/** A tiny HTTP service the runbook's http step calls: counts calls, so a step run twice would show. */
async function startStepTarget() {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { "Content-Type": "text/plain" }).end("restarted");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/restart`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function createBenchData(db: Db, targetUrl: string): Promise<Bench> {
  const system = await db.system.findUniqueOrThrow({ where: { name: DEMO_SYSTEM }, select: { id: true } });
  const user = await db.user.findUniqueOrThrow({ where: { email: COMMANDER }, select: { id: true, email: true } });
  const step = (position: number, kind: "wait" | "http", title: string, config: object) => ({
    position,
    kind,
    title,
    config,
    timeoutSeconds: 30,
    retries: 0,
    safeToRepeat: false,
  });
  // Like the demo's "Checkout API down", with its person steps left out: everything here is automatic.
  const quick = await db.runbook.create({
    data: {
      systemId: system.id,
      name: "Bench: Checkout API down (automatic)",
      scenario: "Checkout returns errors",
      steps: {
        create: [
          step(1, "wait", "Let the load balancer drain", { seconds: 0 }),
          step(2, "http", "Restart the Checkout API", {
            url: targetUrl,
            method: "POST",
            headers: {},
            expectStatus: [200],
          }),
          step(3, "wait", "Let it warm up", { seconds: 0 }),
        ],
      },
    },
  });
  const noop = await db.runbook.create({
    data: {
      systemId: system.id,
      name: "Bench: no-op steps",
      steps: {
        create: Array.from({ length: THROUGHPUT_STEPS }, (_, i) =>
          step(i + 1, "wait", `No-op ${i + 1}`, { seconds: 0 }),
        ),
      },
    },
  });
  return { systemId: system.id, quickRunbookId: quick.id, noopRunbookId: noop.id, user };
}

async function createIncidents(db: Db, systemId: string, label: string, count: number): Promise<string[]> {
  const rows = await db.incident.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({
      title: `Bench ${label} ${i + 1}: checkout is down`,
      severity: "SEV2" as const,
      systemId,
    })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

// --- Lifeboat.

type StartCaller = ReturnType<typeof serverActionCaller>;

/** One click on "Start recovery" on the incident's page: the action's HTTP round trip. */
async function startViaAction(
  call: StartCaller,
  runbookId: string,
  incidentId: string,
): Promise<Started & { ms: number; bytes: number }> {
  const started = performance.now();
  const response = await call(`/incidents/${incidentId}`, [{ runbookId, incidentId }]);
  const ms = performance.now() - started;
  const answeredAt = Date.now();
  const run = actionData<{ id: string; created: boolean }>(response.status, response.body);
  return { incidentId, runId: run.id, created: run.created, answeredAt, ms, bytes: Buffer.byteLength(response.body) };
}

/** Each action answer → that run's step 1 claimed (negative: claimed before the answer arrived). */
const pickups = (started: Started[], firstStep: Map<string, number>) =>
  percentiles(started.map((s) => (firstStep.get(s.runId) ?? Number.NaN) - s.answeredAt));

/** Starts runs from this process through lib (startRun, as the action does), CONCURRENCY at a time. */
async function startDirect(db: Db, jobs: JobSink, bench: Bench, incidentIds: string[]): Promise<Outcome> {
  const startedAt = Date.now();
  const runIds: string[] = [];
  await inPool(
    incidentIds,
    CONCURRENCY,
    async (incidentId) =>
      void runIds.push(
        (await startRun(db, jobs, bench.user, { runbookId: bench.noopRunbookId, incidentId, confirmUncovered: true }))
          .id,
      ),
  );
  return { runIds, startedAt };
}

/** `npm run worker` on its own (the app stopped): resolves once it polls. */
async function startStandaloneWorker(url: string): Promise<{ stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/worker.mts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      LOG_LEVEL: "warn",
    },
  });
  const stop = () => Promise.race([stopChild(child), sleep(15_000)]).then(() => stopChild(child, "SIGKILL"));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the standalone worker did not start within 30 s")), 30_000);
      child.stdout!.on("data", (chunk: Buffer) => {
        if (!chunk.toString().includes("worker running")) return;
        clearTimeout(timer);
        resolve();
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the standalone worker exited (code ${code})`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}

const ms = (p: Percentiles) => `${p.p50.toFixed(0)} / ${p.p95.toFixed(0)} / ${p.p99.toFixed(0)} / ${p.max.toFixed(0)}`;
const msFine = (p: Percentiles) =>
  `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)} / ${p.p99.toFixed(1)} / ${p.max.toFixed(1)}`;

export async function runRecoveryBench(options: BenchOptions): Promise<BenchResult> {
  if (!options.built) await ensureBuild(options.log);
  const { phase, total } = phaseClock();
  const target = await startStepTarget();
  const database = await startThrowawayDatabase("lifeboat_bench_recovery");
  let db: Db | undefined;
  let boss: PgBoss | undefined;
  let server: AppServer | undefined;
  let worker: { stop: () => Promise<void> } | undefined;
  let http: ReturnType<typeof keepAliveClient> | undefined;
  const cleanUp = cleanUpOnce(
    async () => {
      // The server first, so it does not log the database going away under it.
      await Promise.race([server?.stop(), sleep(10_000)]);
      await worker?.stop();
      http?.close();
      await boss?.stop({ graceful: false }).catch(() => {});
      await db?.$disconnect();
      await target.close();
    },
    () => database,
  );
  try {
    const loadBefore = load();
    db = createPrismaClient(database.url);
    await seedDemo(db);
    // pg-boss's schema and queues, and this process's own job sink (it enqueues, never works).
    boss = await startBoss(createBoss(database.url));
    const jobs = bossSink(boss);
    const bench = await createBenchData(db, target.url);
    phase("setup");

    options.log(
      `Raw baselines through plain pg: ${START_RUNS} starts (${CONCURRENCY} at once), ${THROUGHPUT_RUNS} runs × ${THROUGHPUT_STEPS} steps on ${WORKER_SLOTS} connections…`,
    );
    const raw = await rawRecoveryBaselines(database.url, db, {
      user: bench.user,
      quickRunbookId: bench.quickRunbookId,
      noopRunbookId: bench.noopRunbookId,
      noopSteps: THROUGHPUT_STEPS,
      incidents: (label, count) => createIncidents(db!, bench.systemId, label, count),
      single: ONE_AT_A_TIME,
      starts: START_RUNS,
      concurrency: CONCURRENCY,
      runs: THROUGHPUT_RUNS,
      workers: WORKER_SLOTS,
    });
    phase("raw");

    server = await startAppServer(database.url, { env: { LOG_LEVEL: "warn" } });
    http = keepAliveClient(server.baseUrl, DOUBLE_STARTS);
    const cookie = await signIn(server.baseUrl, COMMANDER, PASSWORD);
    const call = serverActionCaller(http, {
      baseUrl: server.baseUrl,
      cookie,
      file: ACTIONS_FILE,
      exportedName: "startRecoveryAction",
    });
    const start = (incidentId: string) => startViaAction(call, bench.quickRunbookId, incidentId);

    // Warm-up: the page and action compiled and JIT-ed, pools connected, the inline worker polling.
    const warm = await Promise.all((await createIncidents(db, bench.systemId, "warm-up", 4)).map(start));
    const warmOutcome = { runIds: warm.map((w) => w.runId), startedAt: Date.now() };
    await settle(db, warmOutcome.runIds);
    const warmRows = await inspect(db, warmOutcome);
    await dropStaleJobs(db);
    phase("app start + warm-up");

    options.log(`Start recovery: ${ONE_AT_A_TIME} starts through startRecoveryAction, one at a time…`);
    const single: number[] = [];
    const singleStarts: Started[] = [];
    for (const incidentId of await createIncidents(db, bench.systemId, "one at a time", ONE_AT_A_TIME)) {
      const started = await start(incidentId);
      single.push(started.ms);
      singleStarts.push(started);
    }
    const singleOutcome = { runIds: singleStarts.map((s) => s.runId), startedAt: Date.now() };
    await settle(db, singleOutcome.runIds);
    const singleRows = await inspect(db, singleOutcome);
    await dropStaleJobs(db);

    options.log(
      `Start recovery: ${START_RUNS} runs of a ${3}-step runbook through startRecoveryAction, ${CONCURRENCY} at once…`,
    );
    const burstIncidents = await createIncidents(db, bench.systemId, "burst", START_RUNS);
    const burst: Awaited<ReturnType<typeof start>>[] = [];
    const burstStartedAt = Date.now();
    await inPool(burstIncidents, CONCURRENCY, async (incidentId) => void burst.push(await start(incidentId)));
    const burstAccepted = (Date.now() - burstStartedAt) / 1000;
    const burstOutcome = { runIds: burst.map((b) => b.runId), startedAt: burstStartedAt };
    await settle(db, burstOutcome.runIds);
    const burstRows = await inspect(db, burstOutcome);
    phase("burst");

    const burstStale = await countStaleJobs(db);
    options.log(
      `After the burst: ${PROBES} starts while ${burstStale} advance jobs of finished runs are still queued…`,
    );
    const probes = await Promise.all((await createIncidents(db, bench.systemId, "after the burst", PROBES)).map(start));
    const probeOutcome = { runIds: probes.map((p) => p.runId), startedAt: Date.now() };
    await settle(db, probeOutcome.runIds);
    const probeRows = await inspect(db, probeOutcome);
    await dropStaleJobs(db);
    phase("after burst");

    options.log(`First step picked up: ${PACED_RUNS} starts, one every ${PACE_MS} ms…`);
    const pacedIncidents = await createIncidents(db, bench.systemId, "paced", PACED_RUNS);
    const pacedStarts: Started[] = [];
    await paced(PACED_RUNS, PACE_MS, async (i) => void pacedStarts.push(await start(pacedIncidents[i]!)));
    const pacedOutcome = { runIds: pacedStarts.map((s) => s.runId), startedAt: Date.now() };
    await settle(db, pacedOutcome.runIds);
    const pacedRows = await inspect(db, pacedOutcome);
    await dropStaleJobs(db);
    phase("paced");

    options.log(`Double start: ${DOUBLE_STARTS} concurrent startRecoveryAction calls for one incident…`);
    const [doubleIncident] = await createIncidents(db, bench.systemId, "double start", 1);
    const doubles = await Promise.all(Array.from({ length: DOUBLE_STARTS }, () => start(doubleIncident!)));
    const doubleRuns = await db.recoveryRun.count({ where: { incidentId: doubleIncident } });
    const doubleOutcome = { runIds: [doubles[0]!.runId], startedAt: Date.now() };
    await settle(db, doubleOutcome.runIds);
    const doubleRows = await inspect(db, doubleOutcome);
    await dropStaleJobs(db);

    options.log(`Steps per second, worker inside the app: ${THROUGHPUT_RUNS} runs × ${THROUGHPUT_STEPS} no-op steps…`);
    const inlineOutcome = await startDirect(
      db,
      jobs,
      bench,
      await createIncidents(db, bench.systemId, "inline worker", THROUGHPUT_RUNS),
    );
    await settle(db, inlineOutcome.runIds);
    const inline = await inspect(db, inlineOutcome);
    const inlineStale = await dropStaleJobs(db);
    phase("inline worker");

    // The server first, so it does not log the database going away under it.
    await Promise.race([server.stop(), sleep(10_000)]);
    server = undefined;

    options.log(
      `Steps per second, standalone worker (npm run worker, app stopped): ${THROUGHPUT_RUNS} runs × ${THROUGHPUT_STEPS} no-op steps…`,
    );
    worker = await startStandaloneWorker(database.url);
    const aloneOutcome = await startDirect(
      db,
      jobs,
      bench,
      await createIncidents(db, bench.systemId, "standalone worker", THROUGHPUT_RUNS),
    );
    await settle(db, aloneOutcome.runIds);
    const alone = await inspect(db, aloneOutcome);
    const aloneStale = await dropStaleJobs(db);
    await worker.stop();
    worker = undefined;
    phase("standalone worker");

    // --- Checks across everything started above (every phase's runs, warm-up included).
    const checked = [warmRows, singleRows, burstRows, probeRows, pacedRows, doubleRows, inline, alone];
    const benchRuns = checked.flatMap((r) => r.runIds);
    const notOnce = checked.reduce((n, r) => n + r.stepsNotOnce, 0);
    const totalSteps = checked.reduce((n, r) => n + r.steps, 0);
    const perIncident = await db.$queryRaw<{ incidents: number; twice: number }[]>`
      SELECT count(*)::int AS incidents, count(*) FILTER (WHERE n > 1)::int AS twice
      FROM (SELECT "incidentId", count(*) AS n FROM "RecoveryRun" WHERE "incidentId" IN (SELECT "incidentId" FROM "RecoveryRun" WHERE id = ANY(${benchRuns})) GROUP BY "incidentId") x`;
    // Every step announced "started" on the timeline exactly once.
    const started = await db.$queryRaw<{ events: number; steps: number }[]>`
      SELECT count(*)::int AS events, count(DISTINCT data->>'stepId')::int AS steps FROM "TimelineEvent"
      WHERE kind = 'recovery_step' AND data->>'state' = 'running' AND data->>'runId' = ANY(${benchRuns})`;
    // One http step per run of the quick runbook (every run but the no-op throughput ones).
    const httpSteps = benchRuns.length - inline.runs - alone.runs;
    const notifyJobs = await db.$queryRaw<
      { state: string; n: number }[]
    >`SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.notify} GROUP BY state ORDER BY state`;

    const report = options.report;
    const row = (label: string, value: string, baseline: string) =>
      report(`${label.padEnd(50)} ${value.padEnd(58)} ${baseline}`);
    const doubleIds = new Set(doubles.map((d) => d.runId));
    const doubleCreated = doubles.filter((d) => d.created).length;
    const ceiling = WORKER_SLOTS / POLL_SECONDS;
    const throughput = (r: Inspected) =>
      `${r.stepsPerSecond.toFixed(0)} steps/s (${r.runsPerSecond.toFixed(1)} runs/s, all done in ${r.wallSeconds.toFixed(1)} s)`;

    report(
      `\nLatencies in ms: p50 / p95 / p99 / max. Machine: ${os.cpus().length} cores; app, worker, Postgres and this script share them.`,
    );
    report(
      `Load average before / after: ${loadBefore} / ${load()} (other processes on this machine skew every figure).`,
    );
    report(
      `Worker: ${WORKER_SLOTS} pg-boss workers on ${QUEUES.recovery}; idle ones poll every ${POLL_SECONDS} s, busy ones fetch again at once; a committed job wakes them at once.`,
    );
    report(
      "First step picked up is measured from the action's answer: below 0, the worker had started the step before the answer arrived.\n",
    );
    row("measurement", "lifeboat", "raw baseline");
    row(
      "start recovery accepted, one at a time",
      ms(percentiles(single)),
      `same SQL via pg: ${msFine(raw.ordered.single)}`,
    );
    row(
      `start recovery accepted, ${CONCURRENCY} at once`,
      `${ms(percentiles(burst.map((b) => b.ms)))} (${(START_RUNS / burstAccepted).toFixed(0)} starts/s)`,
      `same SQL via pg: ${msFine(raw.ordered.start)}`,
    );
    row(
      `  (answer ${(burst[0]!.bytes / 1024).toFixed(0)} kB: the incident page re-rendered)`,
      "",
      `… minus the timeline lock: ${msFine(raw.unordered.start)}`,
    );
    row(
      `first step picked up, paced (1 start per ${PACE_MS} ms)`,
      ms(pickups(pacedStarts, pacedRows.firstStep)),
      `idle poll interval ${POLL_SECONDS * 1000} ms`,
    );
    row(
      `first step picked up, burst of ${START_RUNS}`,
      ms(pickups(burst, burstRows.firstStep)),
      `without self-waking: ${START_RUNS} runs / ${ceiling} runs/s = ${(START_RUNS / ceiling).toFixed(1)} s backlog`,
    );
    row(`  burst: ${START_RUNS} runs × 3 steps (wait, http, wait)`, throughput(burstRows), "");
    row(
      `first step picked up, ${PROBES} starts right after it`,
      ms(pickups(probes, probeRows.firstStep)),
      `${burstStale} jobs of finished runs queued ahead`,
    );
    row(
      `steps/s, ${THROUGHPUT_RUNS} runs × ${THROUGHPUT_STEPS} no-ops, worker in the app`,
      throughput(inline),
      `claim+record SQL via pg, ${WORKER_SLOTS} conns: ${raw.ordered.stepsPerSecond.toFixed(0)} steps/s`,
    );
    row(
      `steps/s, same, standalone worker (app stopped)`,
      throughput(alone),
      `… minus the timeline lock: ${raw.unordered.stepsPerSecond.toFixed(0)} steps/s`,
    );
    row(
      "  queued, run started → step 1 (in app / alone)",
      `${ms(inline.queued)}  |  ${ms(alone.queued)}`,
      `without self-waking the poll capped it at ${ceiling * THROUGHPUT_STEPS} steps/s`,
    );
    row("  engine gap between steps (in app / alone)", `${msFine(inline.gap)}  |  ${msFine(alone.gap)}`, "");
    row(
      "advance jobs per run (burst / in app / alone)",
      [burstRows, inline, alone].map((r) => (r.jobs / r.runs).toFixed(2)).join(" / "),
      "1.00 = no run queued twice",
    );
    row(
      "  still queued after every run was over",
      `${[burstStale, inlineStale, aloneStale].join(" / ")} jobs`,
      "dropped between phases (not after the burst)",
    );
    row(
      "correctness: runs succeeded",
      `${checked.reduce((n, r) => n + r.succeeded, 0)} of ${benchRuns.length}`,
      `steps not run exactly once: ${notOnce} of ${totalSteps}`,
    );
    row(
      '  timeline "started" events / http step calls',
      `${started[0]!.events} for ${started[0]!.steps} steps / ${target.hits()} for ${httpSteps} runs`,
      `incidents with 2+ runs: ${perIncident[0]!.twice} of ${perIncident[0]!.incidents}`,
    );
    row(
      `  ${DOUBLE_STARTS} concurrent starts for one incident`,
      `${doubleRuns} run; answers: ${doubleIds.size} distinct run id, ${doubleCreated} "created"`,
      "",
    );
    row(
      "  failed or retried advance jobs",
      String(checked.reduce((n, r) => n + r.failedJobs, 0)),
      `notify jobs: ${notifyJobs.map((j) => `${j.n} ${j.state}`).join(", ")}`,
    );
    report(`\n${total()}`);

    const problems = [
      checked.some((r) => r.succeeded !== r.runs)
        ? `runs not succeeded: ${checked.map((r) => `${r.runs - r.succeeded}`).join(", ")}`
        : "",
      notOnce ? `${notOnce} steps did not succeed in exactly one attempt` : "",
      started[0]!.events !== totalSteps || started[0]!.steps !== totalSteps
        ? "the timeline's 'started' events are not one per step"
        : "",
      target.hits() !== httpSteps ? `the http step was called ${target.hits()} times for ${httpSteps} runs` : "",
      perIncident[0]!.twice ? "an incident got two runs" : "",
      doubleRuns !== 1 || doubleIds.size !== 1 || doubleCreated !== 1
        ? "concurrent starts for one incident did not give exactly one run"
        : "",
    ].filter(Boolean);
    const singleTimes = percentiles(single);
    const pacedPickup = pickups(pacedStarts, pacedRows.firstStep);
    const pair = (p: Percentiles, digits = 0) => `${p.p50.toFixed(digits)} / ${p.p95.toFixed(digits)}`;
    return {
      rows: [
        {
          measurement: "start recovery accepted, one at a time (startRecoveryAction over HTTP; p50 / p95 ms)",
          lifeboat: pair(singleTimes),
          baseline: `same SQL via pg ${pair(raw.ordered.single, 1)}`,
          ratio: timeRatio(singleTimes.p50, raw.ordered.single.p50),
        },
        {
          measurement: `first step picked up after the answer, paced starts (p50 / p95 ms)`,
          lifeboat: pair(pacedPickup),
          baseline: `idle poll interval ${POLL_SECONDS * 1000} ms`,
          note: "below 0: started before the answer arrived",
        },
        {
          measurement: `engine throughput, ${THROUGHPUT_RUNS} runs × ${THROUGHPUT_STEPS} no-op steps, worker in the app`,
          lifeboat: `${inline.stepsPerSecond.toFixed(0)} steps/s`,
          baseline: `claim + record SQL via pg ${raw.ordered.stepsPerSecond.toFixed(0)} steps/s`,
          ratio: rateRatio(inline.stepsPerSecond, raw.ordered.stepsPerSecond),
          note: `${notOnce} of ${totalSteps} steps not run exactly once`,
        },
      ],
      problems,
    };
  } finally {
    await cleanUp();
  }
}

if (invokedAs("bench-recovery")) benchCli(runRecoveryBench);
