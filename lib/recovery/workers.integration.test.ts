// Scale-out of the recovery worker: TWO real worker processes (scripts/worker.mts) on one Postgres share
// the runs of one burst, and every step still runs exactly once. The workers are told apart by what they
// send: each gets its own NEXTAUTH_URL (the base a "/path on this Lifeboat" step URL resolves against)
// pointing at its own port of the test's HTTP service, so a hit on port A was made by worker A. A second
// scenario stops one worker (SIGTERM, as a rolling deploy does) mid-burst: the other finishes every run,
// still each step once.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { bossSink, createBoss, QUEUES, startBoss } from "@/lib/jobs/boss";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { waitFor } from "@/test/http-receiver";
import { startRun } from "./runs";

const root = path.resolve(__dirname, "../..");
const RUNS = 40;
/** Each http step answers after this long, so a run takes a moment and a burst needs both workers. */
let stepDelayMs = 60;
const commander = { system: "two-worker test" };

let t: TestDatabase;
let boss: PgBoss;
let systemId = "";
const children = new Set<ChildProcess>();

// --- The step target: one handler on two ports, counting calls per path and per port (= per worker).

type Target = { port: number; server: Server };
const hitsByPath = new Map<string, number>();
const hitsByWorker = new Map<string, number>();
const targets: Record<"A" | "B", Target | undefined> = { A: undefined, B: undefined };

async function listen(name: "A" | "B") {
  const server = createServer((req, res) => {
    const pathname = (req.url ?? "/").split("?")[0]!;
    hitsByPath.set(pathname, (hitsByPath.get(pathname) ?? 0) + 1);
    hitsByWorker.set(name, (hitsByWorker.get(name) ?? 0) + 1);
    req.resume();
    setTimeout(() => res.writeHead(200, { "Content-Type": "text/plain" }).end(`done by ${name}`), stepDelayMs).unref();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  targets[name] = { port: (server.address() as AddressInfo).port, server };
}

// --- Worker processes.

type Worker = { name: "A" | "B"; child: ChildProcess; log: () => string };

/**
 * `npm run worker`'s script on the test database, its step URLs resolved against its own port. Through
 * `node --import tsx` (one process): a SIGTERM reaches the worker itself, not a tsx parent that relays it.
 */
async function startWorkerProcess(name: "A" | "B"): Promise<Worker> {
  // Its own process group, so a SIGKILL of the group leaves nothing behind.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.mts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: t.url,
      NEXTAUTH_SECRET: "two-worker-test-secret-0123456789abcdef",
      NEXTAUTH_URL: `http://127.0.0.1:${targets[name]!.port}`,
      LOG_LEVEL: "warn",
    },
  });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  child.on("exit", () => children.delete(child));
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`worker ${name} exited (${child.exitCode}):\n${output}`);
      return output.includes("worker running");
    },
    30_000,
    `worker ${name} to start`,
  );
  return { name, child, log: () => output };
}

const gone = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Signals the worker (SIGKILL: its whole process group) and waits until it is gone. */
async function signalWorker(child: ChildProcess, signal: NodeJS.Signals) {
  if (gone(child)) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(signal === "SIGKILL" ? -child.pid! : child.pid!, signal);
  } catch {
    // Already gone.
  }
  await exited;
}

// Detached workers do not die with this process: if it goes down before afterAll, take them along.
process.once("exit", () => {
  for (const child of children) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
});

beforeAll(async () => {
  t = await createTestDatabase();
  boss = await startBoss(createBoss(t.url));
  await Promise.all([listen("A"), listen("B")]);
  systemId = (await t.db.system.create({ data: { name: "Payments" } })).id;
});

afterAll(async () => {
  await Promise.all([...children].map((child) => signalWorker(child, "SIGKILL")));
  await boss?.stop({ graceful: false });
  await Promise.all(
    Object.values(targets).map(
      (target) => target && new Promise<void>((resolve) => target.server.close(() => resolve())),
    ),
  );
});

// --- Runs.

/** The http steps of run `i` of a burst: each has a path of its own, so a second call of one shows. */
const httpPaths = (burst: string, i: number) => [1, 3, 4, 5].map((position) => `/${burst}/run-${i}/step-${position}`);

/**
 * Starts `RUNS` runs at once, each of its own runbook (its own step URLs) and incident: an http step, a wait
 * of 0 s, an http step, then two http steps in one parallel group. Step URLs are paths "on this Lifeboat":
 * each worker resolves them against its own NEXTAUTH_URL.
 */
async function startBurst(burst: string) {
  const http = (position: number, url: string, group: number | null = null) => ({
    position,
    title: `call ${url}`,
    kind: "http" as const,
    config: { url, method: "POST" },
    group,
    timeoutSeconds: 10,
  });
  const planned: { runbookId: string; incidentId: string; confirmUncovered: boolean }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [p1, p3, p4, p5] = httpPaths(burst, i);
    const runbook = await t.db.runbook.create({
      data: {
        systemId,
        name: `${burst} runbook ${i}`,
        steps: {
          create: [
            http(1, p1!),
            { position: 2, title: "settle", kind: "wait", config: { seconds: 0 }, timeoutSeconds: 10 },
            http(3, p3!),
            http(4, p4!, 1),
            http(5, p5!, 1),
          ],
        },
      },
    });
    const incident = await t.db.incident.create({ data: { title: `${burst} ${i}`, severity: "SEV2", systemId } });
    planned.push({ runbookId: runbook.id, incidentId: incident.id, confirmUncovered: true });
  }
  // Started a few at a time (the test's connection pool is small), as quickly as that allows.
  const runIds: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < planned.length) runIds.push((await startRun(t.db, bossSink(boss), commander, planned[next++]!)).id);
    }),
  );
  return runIds;
}

const over = async (runIds: string[]) =>
  (await t.db.recoveryRun.count({ where: { id: { in: runIds }, state: "running" } })) === 0;

/** Everything the rows and the target say about a burst: each step once, each run succeeded. */
async function checkExactlyOnce(burst: string, runIds: string[]) {
  const runs = await t.db.recoveryRun.findMany({ where: { id: { in: runIds } }, select: { state: true } });
  expect(runs.map((r) => r.state)).toEqual(Array(RUNS).fill("succeeded"));

  const steps = await t.db.stepRun.findMany({
    where: { runId: { in: runIds } },
    select: { state: true, attempts: true },
  });
  expect(steps).toHaveLength(RUNS * 5);
  expect(steps.filter((s) => s.state !== "succeeded" || s.attempts !== 1)).toEqual([]);

  // Every http step's own URL was called exactly once.
  for (let i = 0; i < RUNS; i++) for (const p of httpPaths(burst, i)) expect(hitsByPath.get(p), p).toBe(1);
  expect([...hitsByPath.keys()].filter((p) => p.startsWith(`/${burst}/`))).toHaveLength(RUNS * 4);

  // Every step announced "started" on its incident's timeline once, and succeeded once.
  const told = await t.db.$queryRaw<{ state: string; events: number; steps: number }[]>`
    SELECT data->>'state' AS state, count(*)::int AS events, count(DISTINCT data->>'stepId')::int AS steps FROM "TimelineEvent"
    WHERE kind = 'recovery_step' AND data->>'runId' = ANY(${runIds}) GROUP BY 1 ORDER BY 1`;
  expect(told).toEqual([
    { state: "running", events: RUNS * 5, steps: RUNS * 5 },
    { state: "succeeded", events: RUNS * 5, steps: RUNS * 5 },
  ]);

  // No advance job failed or was retried (a worker that threw, or a job lost to a stopped worker).
  const [jobs] = await t.db.$queryRaw<{ failed: number }[]>`
    SELECT count(*) FILTER (WHERE state IN ('failed', 'retry') OR retry_count > 0)::int AS failed
    FROM pgboss.job WHERE name = ${QUEUES.recovery} AND data->>'runId' = ANY(${runIds})`;
  expect(jobs!.failed).toBe(0);
}

describe("two recovery workers on one Postgres", () => {
  let a: Worker;
  let b: Worker;
  const logs = () => `worker A:\n${a?.log() ?? ""}\nworker B:\n${b?.log() ?? ""}`;
  const waitForWorkers = (check: () => Promise<boolean> | boolean, ms: number, label: string) =>
    waitFor(check, ms, label).catch((error: Error) => {
      throw new Error(`${error.message}\n${logs()}`);
    });
  const workerHits = () => ({ A: hitsByWorker.get("A") ?? 0, B: hitsByWorker.get("B") ?? 0 });

  it("share a burst of runs, and each step runs exactly once", async () => {
    [a, b] = await Promise.all([startWorkerProcess("A"), startWorkerProcess("B")]);
    const runIds = await startBurst("share");
    await waitForWorkers(() => over(runIds), 30_000, "every run to end");

    await checkExactlyOnce("share", runIds);
    // Both did work: each worker's calls land on its own port only.
    const hits = workerHits();
    expect(hits.A + hits.B).toBe(RUNS * 4);
    expect(hits.A, logs()).toBeGreaterThan(0);
    expect(hits.B, logs()).toBeGreaterThan(0);
  }, 60_000);

  it("when one is stopped mid-burst, the other finishes every run, still each step once", async () => {
    // Slower steps: the burst takes a few seconds, so there is work left when A stops.
    stepDelayMs = 250;
    const before = workerHits();
    const runIds = await startBurst("takeover");
    // Both are at work on this burst; then A is stopped the way a deploy stops it (SIGTERM: it finishes the
    // runs it holds, takes no new ones, exits).
    await waitForWorkers(
      () => workerHits().A > before.A && workerHits().B > before.B,
      15_000,
      "both workers to take runs",
    );
    await signalWorker(a.child, "SIGTERM");
    expect(a.child.exitCode, logs()).toBe(0);
    const atStop = workerHits();
    await waitForWorkers(() => over(runIds), 30_000, "every run to end");

    await checkExactlyOnce("takeover", runIds);
    const after = workerHits();
    expect(after.A).toBe(atStop.A);
    // B did what was left: the burst was not over when A stopped.
    expect(after.B, logs()).toBeGreaterThan(atStop.B);
    expect(after.A - before.A + after.B - before.B).toBe(RUNS * 4);
    await signalWorker(b.child, "SIGTERM");
  }, 60_000);
});
