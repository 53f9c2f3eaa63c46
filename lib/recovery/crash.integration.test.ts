// The crash test: the real worker (scripts/worker.mts) runs as its own process and is killed with SIGKILL
// mid-step. A new worker must finish what is safe to repeat, never re-run what is not, and leave a timeline
// without gaps. The worker's lease is 2 s here, so a dead worker is noticed quickly.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { bossSink, createBoss, startBoss } from "@/lib/jobs/boss";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { startTestService, healthyAfter, type TestService } from "@/test/http-service";
import { waitFor } from "@/test/http-receiver";
import { startRun } from "./runs";

const root = path.resolve(__dirname, "../..");
let t: TestDatabase;
let boss: PgBoss;
let service: TestService;
let systemId = "";
let serviceId = "";
const workers = new Set<ChildProcess>();
const commander = { system: "crash test" };

type Worker = { child: ChildProcess; log: () => string };

/** Starts `tsx scripts/worker.mts` on the test database and resolves once it is polling. */
async function startWorkerProcess(): Promise<Worker> {
  // Its own process group: tsx runs the worker in a child process, and a SIGKILL of tsx alone would leave
  // that child running. Killing the group is what `kill -9` of the whole worker means.
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/worker.mts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: t.url,
      NEXTAUTH_SECRET: "crash-test-secret-0123456789abcdef0123",
      RECOVERY_LEASE_SECONDS: "2",
      LOG_LEVEL: "warn",
    },
  });
  workers.add(child);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  child.on("exit", () => workers.delete(child));
  await waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`The worker exited (${child.exitCode}):\n${output}`);
      return output.includes("worker running");
    },
    20_000,
    "the worker to start",
  );
  return { child, log: () => output };
}

// Detached workers do not die with this process: if it goes down before afterAll, take them along.
process.once("exit", () => {
  for (const child of workers) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
});

/** kill -9 of the worker (its process group), waiting until it is gone. */
async function killWorker(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
  await exited;
}

beforeAll(async () => {
  t = await createTestDatabase();
  boss = await startBoss(createBoss(t.url));
  service = await startTestService();
  systemId = (await t.db.system.create({ data: { name: "Payments" } })).id;
  serviceId = (await t.db.service.create({ data: { systemId, name: "ledger", tier: 1 } })).id;
});

afterAll(async () => {
  await Promise.all([...workers].map(killWorker));
  await boss?.stop({ graceful: false });
  await service?.close();
});

async function startIncidentRun(
  name: string,
  steps: {
    title: string;
    kind: "http" | "wait" | "healthcheck";
    config: object;
    safeToRepeat: boolean;
    timeoutSeconds?: number;
    serviceIds?: string[];
  }[],
) {
  const runbook = await t.db.runbook.create({
    data: { systemId, name, steps: { create: steps.map((s, i) => ({ position: i + 1, timeoutSeconds: 30, ...s })) } },
  });
  const incident = await t.db.incident.create({
    data: { title: name, severity: "SEV1", systemId, services: { create: [{ serviceId }] } },
  });
  const { id: runId } = await startRun(t.db, bossSink(boss), commander, {
    runbookId: runbook.id,
    incidentId: incident.id,
    confirmUncovered: true,
  });
  return { runId, incidentId: incident.id };
}

const stepsOf = (runId: string) => t.db.stepRun.findMany({ where: { runId }, orderBy: { position: "asc" } });
const runState = async (runId: string) => (await t.db.recoveryRun.findUniqueOrThrow({ where: { id: runId } })).state;
const timelineOf = async (incidentId: string) =>
  (await t.db.timelineEvent.findMany({ where: { incidentId }, orderBy: { id: "asc" } })).map((e) => e.message);

// Each scenario takes ~10 s; the longer limits are for a loaded machine (worker start-up is the slow part).
describe("a worker killed mid-run", () => {
  // The first scenario leaves its second worker running; the second scenario starts its run on it.
  let worker: Worker;
  /** waitFor, with the worker's own output in the failure (why did it not get there?). */
  const waitForWorker = (check: () => Promise<boolean> | boolean, ms: number, label: string) =>
    waitFor(check, ms, label).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${worker.log()}`);
    });

  it("repeats the interrupted step that is safe to repeat, never the one before it, and finishes", async () => {
    service.on("/a-failover", { status: 200, body: "promoted replica" });
    service.on("/a-health", healthyAfter(0));
    worker = await startWorkerProcess();
    const { runId, incidentId } = await startIncidentRun("Crash A", [
      { title: "Promote replica", kind: "http", config: { url: `${service.url}/a-failover` }, safeToRepeat: false },
      { title: "Let replication settle", kind: "wait", config: { seconds: 4 }, safeToRepeat: true },
      {
        title: "Ledger healthy",
        kind: "healthcheck",
        config: { url: `${service.url}/a-health`, intervalSeconds: 0.2 },
        safeToRepeat: true,
        serviceIds: [serviceId],
      },
    ]);

    await waitForWorker(async () => (await stepsOf(runId))[1]!.state === "running", 15_000, "the wait step to run");
    await killWorker(worker.child);
    worker = await startWorkerProcess();
    await waitForWorker(
      async () => ["succeeded", "paused", "failed", "cancelled"].includes(await runState(runId)),
      20_000,
      "the run to finish",
    );

    expect(await runState(runId)).toBe("succeeded");
    expect(service.count("/a-failover")).toBe(1);
    const steps = await stepsOf(runId);
    expect(steps.map((s) => [s.state, s.attempts])).toEqual([
      ["succeeded", 1],
      ["succeeded", 2],
      ["succeeded", 1],
    ]);
    expect(await t.db.recoveryMeasurement.count({ where: { runId, serviceId } })).toBe(1);

    const lines = await timelineOf(incidentId);
    const at = (text: string) => {
      const index = lines.indexOf(text);
      expect(index, `timeline line: ${text}\n${lines.join("\n")}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    const wait = 'Step 2 (Wait) "Let replication settle"';
    const order = [
      at('Recovery started: runbook "Crash A" (version 1, 3 steps).'),
      at('Step 1 (HTTP call) "Promote replica" started.'),
      lines.findIndex((l) => l.startsWith('Step 1 (HTTP call) "Promote replica" succeeded: POST')),
      at(`${wait} started.`),
      at(`${wait} was interrupted (its worker stopped). It is safe to repeat: running it again.`),
      at(`${wait} started (attempt 2).`),
      at(`${wait} succeeded: Waited 4 s`),
      at('Step 3 (Health check) "Ledger healthy" started.'),
      lines.findIndex((l) => l.startsWith('Step 3 (Health check) "Ledger healthy" succeeded:')),
      lines.findIndex((l) => l.startsWith("ledger is healthy again: measured recovery")),
      at("Recovery run finished: every step succeeded or was skipped."),
    ];
    expect(
      order.every((index, i) => index > (order[i - 1] ?? -1)),
      lines.join("\n"),
    ).toBe(true);
    // Nothing else happened: no failure, no second run of step 1.
    expect(lines).toHaveLength(order.length);
  }, 45_000);

  it("does not re-run an interrupted step that is not safe to repeat: the run pauses for the commander", async () => {
    service.on("/b-restore", { status: 200, delayMs: 5000 });
    const { runId, incidentId } = await startIncidentRun("Crash B", [
      { title: "Restore database", kind: "http", config: { url: `${service.url}/b-restore` }, safeToRepeat: false },
      { title: "Settle", kind: "wait", config: { seconds: 0 }, safeToRepeat: true },
    ]);

    await waitForWorker(() => service.count("/b-restore") === 1, 15_000, "the restore call to arrive");
    await killWorker(worker.child);
    worker = await startWorkerProcess();
    await waitForWorker(async () => (await runState(runId)) !== "running", 15_000, "the run to stop running");

    expect(await runState(runId)).toBe("paused");
    const [restore, settle] = await stepsOf(runId);
    expect(restore).toMatchObject({ state: "failed", attempts: 1 });
    expect(restore!.error).toMatch(
      /^Interrupted: the worker stopped during this step\. It is not marked safe to repeat, so it was not run again/,
    );
    expect(settle!.state).toBe("pending");
    expect((await timelineOf(incidentId)).slice(-2)).toEqual([
      'Step 1 (HTTP call) "Restore database" started.',
      'Step 1 (HTTP call) "Restore database" was interrupted (its worker stopped) and is not safe to repeat: the run is paused for the commander.',
    ]);
    // The new worker's sweeps and the dead worker's job must not call it again either.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(service.count("/b-restore")).toBe(1);
    expect(await runState(runId)).toBe("paused");
    await killWorker(worker.child);
  }, 45_000);
});
