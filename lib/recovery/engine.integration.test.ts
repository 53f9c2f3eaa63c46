// The recovery engine against real local HTTP services, real shell commands and a real database: runs are
// started with startRun and driven with advanceRun, as the worker does, and every outcome is read back from
// the rows (StepRun, RecoveryRun, RecoveryMeasurement, TimelineEvent) people and pages rely on.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import type { StepKind } from "@/lib/generated/prisma/enums";
import { bossSink, createBoss, QUEUES, startBoss } from "@/lib/jobs/boss";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { closedPort, failFirst, healthyAfter, startTestService, type TestService } from "@/test/http-service";
import { waitFor } from "@/test/http-receiver";
import { advanceRun, type Engine } from "./engine";
import { abortRun, completeStep, retryStep, skipStep, startRun } from "./runs";

let t: TestDatabase;
let boss: PgBoss;
let service: TestService;
let engine: Engine;
let systemId = "";
let serviceIds: string[] = [];
const commander = { id: "u1", email: "ic@example.com" };
const system = { system: "tests" };

beforeAll(async () => {
  t = await createTestDatabase();
  boss = await startBoss(createBoss(t.url));
  service = await startTestService();
  engine = { db: t.db, jobs: bossSink(boss), options: { commandsEnabled: false, leaseSeconds: 30 } };
  await t.db.user.create({
    data: { id: commander.id, email: commander.email, name: "IC", passwordHash: "x", role: "commander" },
  });
  systemId = (await t.db.system.create({ data: { name: "Payments" } })).id;
  serviceIds = await Promise.all(
    ["ledger", "gateway"].map(async (name) => (await t.db.service.create({ data: { systemId, name, tier: 1 } })).id),
  );
});

afterAll(async () => {
  await boss?.stop({ graceful: false });
  await service?.close();
});

type StepInput = {
  kind: StepKind;
  title?: string;
  config?: object;
  timeoutSeconds?: number;
  retries?: number;
  safeToRepeat?: boolean;
  group?: number;
  serviceIds?: string[];
};

let runbooks = 0;
async function createRunbook(steps: StepInput[]) {
  return t.db.runbook.create({
    data: {
      systemId,
      name: `Runbook ${++runbooks}`,
      steps: {
        create: steps.map((s, i) => ({
          position: i + 1,
          title: s.title ?? `${s.kind} ${i + 1}`,
          kind: s.kind,
          config: s.config ?? {},
          timeoutSeconds: s.timeoutSeconds ?? 10,
          retries: s.retries ?? 0,
          safeToRepeat: s.safeToRepeat ?? false,
          group: s.group ?? null,
          serviceIds: s.serviceIds ?? [],
        })),
      },
    },
  });
}

async function createIncident(options: { declaredAt?: Date; serviceIds?: string[] } = {}) {
  return t.db.incident.create({
    data: {
      title: "Ledger down",
      severity: "SEV1",
      systemId,
      declaredAt: options.declaredAt,
      services: { create: (options.serviceIds ?? []).map((serviceId) => ({ serviceId })) },
    },
  });
}

const http = (path: string, extra: object = {}): StepInput => ({
  kind: "http",
  title: `call ${path}`,
  config: { url: `${service.url}${path}`, ...extra },
});
const stepsOf = (runId: string) => t.db.stepRun.findMany({ where: { runId }, orderBy: { position: "asc" } });
const runOf = (runId: string) => t.db.recoveryRun.findUniqueOrThrow({ where: { id: runId } });
const timelineOf = (incidentId: string) =>
  t.db.timelineEvent.findMany({ where: { incidentId }, orderBy: { id: "asc" } });
const recoveryJobs = async (runId: string) =>
  (
    await t.db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.recovery} AND data->>'runId' = ${runId}`
  )[0]!.n;

/** Starts a runbook of these steps (for a fresh incident unless drill), advances it once, and times the advance. */
async function run(steps: StepInput[], options: { drill?: boolean; engine?: Engine } = {}) {
  const runbook = await createRunbook(steps);
  const incidentId = options.drill ? undefined : (await createIncident()).id;
  const { id: runId } = await startRun(t.db, engine.jobs, commander, {
    runbookId: runbook.id,
    incidentId,
    confirmUncovered: true,
  });
  const started = performance.now();
  await advanceRun(options.engine ?? engine, runId);
  return { runId, incidentId: incidentId ?? "", runbook, ms: performance.now() - started };
}

/** The AppError's message a person would see, from a call that must be refused. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: { userMessage?: string; message: string }) => error.userMessage ?? error.message,
  );

describe("http steps", () => {
  it("succeeds on the expected status and moves on", async () => {
    service.on("/restart", { status: 201, body: "restarting" });
    const { runId } = await run([http("/restart", { expectStatus: [201], body: '{"force":true}' }), http("/after")]);
    const [restart, after] = await stepsOf(runId);
    expect(restart).toMatchObject({ state: "succeeded", attempts: 1, error: null });
    expect(restart!.output).toMatch(new RegExp(`^POST ${service.url}/restart → HTTP 201 in \\d+ ms\\nrestarting$`));
    expect(after!.state).toBe("succeeded");
    expect((await runOf(runId)).state).toBe("succeeded");
    expect(service.calls.find((c) => c.path === "/restart")).toMatchObject({ method: "POST", body: '{"force":true}' });
  });

  it("a wrong status fails the step with what was expected and what came, and pauses the run", async () => {
    service.on("/wrong", { status: 500, body: "boom" });
    const { runId } = await run([http("/wrong"), http("/never")]);
    const [wrong, next] = await stepsOf(runId);
    expect(wrong).toMatchObject({ state: "failed", attempts: 1, error: "Expected a 2xx status, got HTTP 500" });
    expect(wrong!.output).toContain("HTTP 500");
    expect(wrong!.finishedAt).not.toBeNull();
    expect(next!.state).toBe("pending");
    expect((await runOf(runId)).state).toBe("paused");
    expect(service.count("/never")).toBe(0);

    service.on("/wrong-expected", { status: 200 });
    const { runId: second } = await run([http("/wrong-expected", { expectStatus: [202, 204] })]);
    expect((await stepsOf(second))[0]!.error).toBe("Expected 202 or 204, got HTTP 200");
  });

  it("an unreachable URL fails with the connection error", async () => {
    const port = await closedPort();
    const { runId } = await run([{ kind: "http", config: { url: `http://127.0.0.1:${port}/down`, method: "GET" } }]);
    const [step] = await stepsOf(runId);
    expect(step).toMatchObject({ state: "failed", error: `GET http://127.0.0.1:${port}/down: ECONNREFUSED` });
    expect((await runOf(runId)).state).toBe("paused");
  });

  it("no answer within timeoutSeconds fails with the timeout, without waiting for the slow server", async () => {
    service.on("/slow", { status: 200, delayMs: 4000 });
    const { runId, ms } = await run([{ ...http("/slow"), timeoutSeconds: 1 }]);
    const [step] = await stepsOf(runId);
    expect(step).toMatchObject({
      state: "failed",
      error: `POST ${service.url}/slow: no answer within the 1 s timeout`,
    });
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(3000);
  });

  it("retries: fails twice then succeeds with retries=2 (3 attempts); with retries=1 it fails after 2", async () => {
    service.on("/flaky-a", failFirst(2));
    const { runId, incidentId } = await run([{ ...http("/flaky-a"), retries: 2 }]);
    expect((await stepsOf(runId))[0]).toMatchObject({ state: "succeeded", attempts: 3, error: null });
    expect((await runOf(runId)).state).toBe("succeeded");
    expect(service.count("/flaky-a")).toBe(3);
    const lines = (await timelineOf(incidentId)).map((e) => e.message);
    expect(lines.filter((m) => m.includes("attempt"))).toEqual([
      'Step 1 (HTTP call) "call /flaky-a" attempt 1 of 3 failed: Expected a 2xx status, got HTTP 500. Trying again.',
      'Step 1 (HTTP call) "call /flaky-a" started (attempt 2).',
      'Step 1 (HTTP call) "call /flaky-a" attempt 2 of 3 failed: Expected a 2xx status, got HTTP 500. Trying again.',
      'Step 1 (HTTP call) "call /flaky-a" started (attempt 3).',
    ]);

    service.on("/flaky-b", failFirst(2));
    const { runId: second } = await run([{ ...http("/flaky-b"), retries: 1 }]);
    expect((await stepsOf(second))[0]).toMatchObject({
      state: "failed",
      attempts: 2,
      error: "Expected a 2xx status, got HTTP 500",
    });
    expect((await runOf(second)).state).toBe("paused");
    expect(service.count("/flaky-b")).toBe(2);
  });
});

describe("health checks and measured recovery", () => {
  it("polls until healthy, then records declared → verified for each service of an incident run", async () => {
    service.on("/health-a", healthyAfter(1000));
    const declaredAt = new Date(Date.now() - 90_000);
    const incident = await createIncident({ declaredAt, serviceIds });
    const runbook = await createRunbook([
      {
        kind: "healthcheck",
        config: { url: `${service.url}/health-a`, intervalSeconds: 0.2 },
        timeoutSeconds: 10,
        serviceIds,
      },
    ]);
    const { id: runId } = await startRun(t.db, engine.jobs, commander, {
      runbookId: runbook.id,
      incidentId: incident.id,
      confirmUncovered: true,
    });
    await advanceRun(engine, runId);

    const [step] = await stepsOf(runId);
    expect(step!.state).toBe("succeeded");
    expect(step!.output).toMatch(
      new RegExp(`^${service.url}/health-a healthy \\(HTTP 200\\) after 1\\.\\d s and \\d+ check\\(s\\)$`),
    );
    expect(service.count("/health-a")).toBeGreaterThanOrEqual(3);
    const firstCheck = service.calls.find((c) => c.path === "/health-a")!.startedAt;

    const measurements = await t.db.recoveryMeasurement.findMany({ where: { runId }, orderBy: { serviceId: "asc" } });
    expect(measurements.map((m) => m.serviceId)).toEqual([...serviceIds].sort());
    const links = await t.db.incidentService.findMany({ where: { incidentId: incident.id } });
    for (const m of measurements) {
      expect(m).toMatchObject({ incidentId: incident.id, drill: false, startedAt: declaredAt });
      expect(m.verifiedAt.getTime()).toBeGreaterThanOrEqual(firstCheck + 1000);
      expect(m.seconds).toBe(Math.round((m.verifiedAt.getTime() - declaredAt.getTime()) / 1000));
      expect(m.seconds).toBeGreaterThanOrEqual(91);
      expect(m.seconds).toBeLessThan(100);
      expect(links.find((l) => l.serviceId === m.serviceId)!.verifiedAt).toEqual(m.verifiedAt);
    }
    const verified = (await timelineOf(incident.id)).filter((e) => e.kind === "service_verified");
    expect(verified.map((e) => e.message).sort()).toEqual(
      ["gateway", "ledger"].map(
        (name) =>
          `${name} is healthy again: measured recovery 1 min ${measurements[0]!.seconds - 60} s (declared → verified).`,
      ),
    );
  });

  it("a drill measures from the run's start and marks the measurement as a drill", async () => {
    service.on("/health-b", healthyAfter(1000));
    const { runId } = await run(
      [
        {
          kind: "healthcheck",
          config: { url: `${service.url}/health-b`, intervalSeconds: 0.2 },
          serviceIds: [serviceIds[0]!],
        },
      ],
      { drill: true },
    );
    const runRow = await runOf(runId);
    expect(runRow).toMatchObject({ state: "succeeded", drill: true, incidentId: null });
    const [m] = await t.db.recoveryMeasurement.findMany({ where: { runId } });
    expect(m).toMatchObject({ serviceId: serviceIds[0], drill: true, incidentId: null, startedAt: runRow.startedAt });
    expect(m!.seconds).toBe(Math.round((m!.verifiedAt.getTime() - runRow.startedAt.getTime()) / 1000));
    expect(m!.seconds).toBeGreaterThanOrEqual(1);
    expect(m!.seconds).toBeLessThanOrEqual(3);
  });

  it("never healthy fails after its timeout with the last answer, and measures nothing", async () => {
    service.on("/health-never", { status: 503 });
    const { runId, ms } = await run([
      {
        kind: "healthcheck",
        config: { url: `${service.url}/health-never`, intervalSeconds: 0.2 },
        timeoutSeconds: 1,
        serviceIds,
      },
    ]);
    const [step] = await stepsOf(runId);
    expect(step).toMatchObject({ state: "failed", error: "Not healthy within 1 s (last: HTTP 503)" });
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(3000);
    expect((await runOf(runId)).state).toBe("paused");
    expect(await t.db.recoveryMeasurement.count({ where: { runId } })).toBe(0);
  });
});

describe("wait steps", () => {
  it("waits its seconds", async () => {
    const { runId, ms } = await run([{ kind: "wait", config: { seconds: 1.2 } }]);
    expect((await stepsOf(runId))[0]).toMatchObject({ state: "succeeded", output: "Waited 1.2 s" });
    expect(ms).toBeGreaterThanOrEqual(1200);
  });

  it("a wait longer than the step's timeout fails at the timeout", async () => {
    const { runId, ms } = await run([{ kind: "wait", config: { seconds: 30 }, timeoutSeconds: 1 }]);
    expect((await stepsOf(runId))[0]).toMatchObject({
      state: "failed",
      error: "The wait of 30 s is longer than the 1 s timeout",
    });
    expect(ms).toBeLessThan(3000);
  });
});

describe("command steps", () => {
  const enabled = () => ({ ...engine, options: { ...engine.options, commandsEnabled: true } });

  it("refuses to run while commands are disabled", async () => {
    const { runId } = await run([{ kind: "command", config: { command: "touch /tmp/should-not-exist" } }]);
    const [step] = await stepsOf(runId);
    expect(step!.state).toBe("failed");
    expect(step!.error).toMatch(/^Command steps are disabled on this installation/);
    expect((await runOf(runId)).state).toBe("paused");
  });

  it("an enabled command (said so, or by default) still fails, without running, while commands are off", async () => {
    const marker = join(tmpdir(), `lifeboat-enabled-off-${process.pid}`);
    rmSync(marker, { force: true });
    for (const config of [{ command: `touch ${marker}`, enabled: true }, { command: `touch ${marker}` }]) {
      const { runId } = await run([
        { kind: "command", config },
        { kind: "wait", config: { seconds: 0 } },
      ]);
      const [step, after] = await stepsOf(runId);
      expect(step).toMatchObject({ state: "failed", attempts: 1 });
      expect(step!.error).toMatch(/^Command steps are disabled on this installation/);
      expect(after!.state).toBe("pending");
      expect((await runOf(runId)).state).toBe("paused");
      // Not a person's step: it cannot be ticked, only retried or skipped.
      expect(
        await refusal(completeStep(t.db, engine.jobs, commander, { runId, stepId: step!.id, note: "" }, "manual")),
      ).toBe("That step is not a manual step.");
    }
    expect(existsSync(marker)).toBe(false);
  });

  it("a disabled command is never run: the run waits for a person, who runs it by hand and ticks it", async () => {
    const marker = join(tmpdir(), `lifeboat-disabled-${process.pid}`);
    rmSync(marker, { force: true });
    // Commands on: only the step's own switch keeps Lifeboat from running it.
    const { runId, incidentId } = await run(
      [
        { kind: "command", title: "Delete the pods", config: { command: `touch ${marker}`, enabled: false } },
        { kind: "wait", config: { seconds: 0 } },
      ],
      { engine: enabled() },
    );
    let [command, wait] = await stepsOf(runId);
    expect((await runOf(runId)).state).toBe("waiting");
    expect(command).toMatchObject({ state: "waiting", attempts: 0, output: "", error: null });
    expect(command!.startedAt).not.toBeNull();
    expect(wait!.state).toBe("pending");
    expect(existsSync(marker)).toBe(false);
    expect((await timelineOf(incidentId)).map((e) => e.message)).toContain(
      'Step 1 (Command) "Delete the pods" is waiting for a person to run the command by hand (it is disabled) and tick it.',
    );

    // Advancing again (another worker, a requeued job) changes nothing.
    await advanceRun(enabled(), runId);
    expect((await stepsOf(runId))[0]!.state).toBe("waiting");
    expect(existsSync(marker)).toBe(false);

    expect(
      await refusal(completeStep(t.db, engine.jobs, commander, { runId, stepId: command!.id, note: "" }, "approval")),
    ).toBe("That step is not an approval.");
    await completeStep(
      t.db,
      engine.jobs,
      commander,
      { runId, stepId: command!.id, note: "ran it from the bastion" },
      "manual",
    );
    expect((await runOf(runId)).state).toBe("running");
    await advanceRun(enabled(), runId);
    [command, wait] = await stepsOf(runId);
    expect(command).toMatchObject({
      state: "succeeded",
      attempts: 0,
      actedBy: commander.email,
      reason: "ran it from the bastion",
    });
    expect(wait!.state).toBe("succeeded");
    expect((await runOf(runId)).state).toBe("succeeded");
    expect(existsSync(marker)).toBe(false);
    expect((await timelineOf(incidentId)).map((e) => e.message)).toContain(
      `Step 1 (Command) "Delete the pods" done by ${commander.email}. ran it from the bastion`,
    );
  });

  it("runs the command and keeps its output when enabled", async () => {
    const { runId, incidentId } = await run(
      [{ kind: "command", config: { command: "echo restored $((40 + 2)) rows" } }],
      { engine: enabled() },
    );
    expect((await stepsOf(runId))[0]).toMatchObject({ state: "succeeded", output: "restored 42 rows\n" });
    expect((await timelineOf(incidentId)).map((e) => e.message)).toContain(
      'Step 1 (Command) "command 1" succeeded: restored 42 rows',
    );
  });

  it("a non-zero exit fails with the code and keeps stderr", async () => {
    const { runId } = await run([{ kind: "command", config: { command: "echo 'disk full' >&2; exit 3" } }], {
      engine: enabled(),
    });
    expect((await stepsOf(runId))[0]).toMatchObject({
      state: "failed",
      error: "Exited with code 3",
      output: "disk full\n",
    });
  });

  it("a command past its timeout is stopped, the process included", async () => {
    const marker = `31.${process.pid}`;
    const { runId, ms } = await run([{ kind: "command", config: { command: `sleep ${marker}` }, timeoutSeconds: 1 }], {
      engine: enabled(),
    });
    expect((await stepsOf(runId))[0]).toMatchObject({ state: "failed", error: "Stopped after the 1 s timeout" });
    expect(ms).toBeLessThan(4000);
    // The shell's child must not outlive the step: a retry would otherwise run beside it.
    const alive = () =>
      readdirSync("/proc").filter((p) => /^\d+$/.test(p) && readCmdline(p).includes(`sleep ${marker}`));
    await waitFor(() => alive().length === 0, 3000, "the sleep to be gone");
  });

  it("a command that ignores SIGTERM is killed shortly after", async () => {
    const marker = `32.${process.pid}`;
    const { runId, ms } = await run(
      [{ kind: "command", config: { command: `trap '' TERM; sleep ${marker}` }, timeoutSeconds: 1 }],
      { engine: enabled() },
    );
    expect((await stepsOf(runId))[0]).toMatchObject({ state: "failed", error: "Stopped after the 1 s timeout" });
    expect(ms).toBeLessThan(5000);
    expect(readdirSync("/proc").filter((p) => /^\d+$/.test(p) && readCmdline(p).includes(`sleep ${marker}`))).toEqual(
      [],
    );
  });

  it("huge output is truncated, saying how much was left out", async () => {
    // seq 1 100000 prints 588,895 characters.
    const { runId } = await run([{ kind: "command", config: { command: "seq 1 100000" } }], { engine: enabled() });
    const [step] = await stepsOf(runId);
    expect(step!.state).toBe("succeeded");
    expect(step!.output.startsWith("1\n2\n3\n")).toBe(true);
    expect(step!.output).toMatch(/… \(584895 more characters\)$/);
    expect(step!.output.length).toBeLessThan(4100);
  });
});

function readCmdline(pid: string) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

describe("people: manual steps and approvals", () => {
  it("park the run as waiting; completing resumes it; completing twice is refused", async () => {
    const { runId } = await run([
      { kind: "manual", title: "Fail over DNS" },
      { kind: "approval", title: "Go live" },
      http("/after-people"),
    ]);
    let [manual, approval] = await stepsOf(runId);
    expect((await runOf(runId)).state).toBe("waiting");
    expect(manual).toMatchObject({ state: "waiting" });
    expect(manual!.startedAt).not.toBeNull();
    expect(approval!.state).toBe("pending");

    expect(
      await refusal(completeStep(t.db, engine.jobs, commander, { runId, stepId: approval!.id, note: "" }, "approval")),
    ).toBe('Step 2 (Approval) "Go live" is not waiting for anyone now.');
    expect(
      await refusal(completeStep(t.db, engine.jobs, commander, { runId, stepId: manual!.id, note: "" }, "approval")),
    ).toBe("That step is not an approval.");

    const jobsBefore = await recoveryJobs(runId);
    await completeStep(t.db, engine.jobs, commander, { runId, stepId: manual!.id, note: "TTL was 60 s" }, "manual");
    expect(await recoveryJobs(runId)).toBe(jobsBefore + 1);
    expect((await runOf(runId)).state).toBe("running");
    expect((await stepsOf(runId))[0]).toMatchObject({
      state: "succeeded",
      actedBy: commander.email,
      reason: "TTL was 60 s",
    });
    expect(
      await refusal(completeStep(t.db, engine.jobs, commander, { runId, stepId: manual!.id, note: "" }, "manual")),
    ).toBe(`Step 1 (Manual) "Fail over DNS" is already done (by ${commander.email}).`);

    await advanceRun(engine, runId);
    [manual, approval] = await stepsOf(runId);
    expect(approval!.state).toBe("waiting");
    expect((await runOf(runId)).state).toBe("waiting");
    expect(service.count("/after-people")).toBe(0);

    // Two commanders approve at once: one wins, the other is told it is done.
    const results = await Promise.allSettled([
      completeStep(t.db, engine.jobs, commander, { runId, stepId: approval!.id, note: "" }, "approval"),
      completeStep(t.db, engine.jobs, system, { runId, stepId: approval!.id, note: "" }, "approval"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect((rejected.reason as { userMessage: string }).userMessage).toMatch(
      /^Step 2 \(Approval\) "Go live" is already done \(by (ic@example\.com|tests)\)\.$/,
    );

    await advanceRun(engine, runId);
    expect((await runOf(runId)).state).toBe("succeeded");
    expect(service.count("/after-people")).toBe(1);
  });
});

describe("parallel groups", () => {
  it("runs the steps of one group at the same time, then continues after both", async () => {
    service.on("/par-a", { status: 200, delayMs: 800 });
    service.on("/par-b", { status: 200, delayMs: 800 });
    const { runId } = await run([{ ...http("/par-a"), group: 1 }, { ...http("/par-b"), group: 1 }, http("/par-after")]);
    expect((await runOf(runId)).state).toBe("succeeded");
    const [a, b, after] = ["/par-a", "/par-b", "/par-after"].map((p) => service.calls.find((c) => c.path === p)!);
    // Each request arrived before the other was answered: they overlapped.
    expect(a!.startedAt).toBeLessThan(b!.answeredAt!);
    expect(b!.startedAt).toBeLessThan(a!.answeredAt!);
    expect(after!.startedAt).toBeGreaterThanOrEqual(Math.max(a!.answeredAt!, b!.answeredAt!));
  });

  it("one failing step of a group lets the other finish, then pauses the run", async () => {
    service.on("/par-fail", { status: 500 });
    service.on("/par-ok", { status: 200, delayMs: 500 });
    const { runId } = await run([
      { ...http("/par-fail"), group: 7 },
      { ...http("/par-ok"), group: 7 },
      http("/par-never"),
    ]);
    expect((await stepsOf(runId)).map((s) => s.state)).toEqual(["failed", "succeeded", "pending"]);
    expect((await runOf(runId)).state).toBe("paused");
    expect(service.count("/par-never")).toBe(0);
  });
});

describe("the commander's controls", () => {
  it("retry runs a failed step again and the run goes on", async () => {
    service.on("/retry-me", { status: 502 });
    const { runId } = await run([http("/retry-me"), http("/after-retry")]);
    const [step] = await stepsOf(runId);
    expect(step!.state).toBe("failed");
    expect(
      await refusal(retryStep(t.db, engine.jobs, commander, { runId, stepId: (await stepsOf(runId))[1]!.id })),
    ).toBe('Step 2 (HTTP call) "call /after-retry" has not failed: nothing to retry.');

    service.on("/retry-me", { status: 200 });
    await retryStep(t.db, engine.jobs, commander, { runId, stepId: step!.id });
    expect((await runOf(runId)).state).toBe("running");
    expect((await stepsOf(runId))[0]).toMatchObject({ state: "pending", error: null, actedBy: commander.email });
    await advanceRun(engine, runId);
    expect((await stepsOf(runId)).map((s) => [s.state, s.attempts])).toEqual([
      ["succeeded", 2],
      ["succeeded", 1],
    ]);
    expect((await runOf(runId)).state).toBe("succeeded");
    expect(service.count("/retry-me")).toBe(2);
  });

  it("skip (with a reason) moves past a failed step", async () => {
    service.on("/skip-me", { status: 500 });
    const { runId, incidentId } = await run([http("/skip-me"), http("/after-skip")]);
    const [step] = await stepsOf(runId);
    await skipStep(t.db, engine.jobs, commander, {
      runId,
      stepId: step!.id,
      reason: "Restarted it by hand from the console",
    });
    await advanceRun(engine, runId);
    expect((await stepsOf(runId)).map((s) => s.state)).toEqual(["skipped", "succeeded"]);
    expect((await stepsOf(runId))[0]).toMatchObject({
      reason: "Restarted it by hand from the console",
      actedBy: commander.email,
    });
    expect((await runOf(runId)).state).toBe("succeeded");
    expect((await timelineOf(incidentId)).map((e) => e.message)).toContain(
      'Step 1 (HTTP call) "call /skip-me" skipped by ic@example.com: Restarted it by hand from the console',
    );
  });

  it("abort cancels every step not done, and nothing runs afterwards", async () => {
    const { runId, incidentId } = await run([
      http("/before-abort"),
      { kind: "manual" },
      http("/after-abort"),
      http("/after-abort"),
    ]);
    expect((await runOf(runId)).state).toBe("waiting");
    await abortRun(t.db, commander, { runId, reason: "Wrong runbook for this outage" });
    const runRow = await runOf(runId);
    expect(runRow.state).toBe("cancelled");
    expect(runRow.finishedAt).not.toBeNull();
    expect((await stepsOf(runId)).map((s) => s.state)).toEqual(["succeeded", "cancelled", "cancelled", "cancelled"]);
    await advanceRun(engine, runId);
    expect(service.count("/after-abort")).toBe(0);
    expect((await timelineOf(incidentId)).at(-1)!.message).toBe(
      "Recovery run aborted by ic@example.com: Wrong runbook for this outage",
    );
    expect(await refusal(abortRun(t.db, commander, { runId, reason: "again" }))).toBe("This run is already over.");
    const manual = (await stepsOf(runId))[1]!;
    expect(
      await refusal(completeStep(t.db, engine.jobs, commander, { runId, stepId: manual.id, note: "" }, "manual")),
    ).toMatch(/is not waiting for anyone now/);
  });

  it("an aborted run stays over: its failed step cannot be retried or skipped back to life", async () => {
    service.on("/abort-failed", { status: 500 });
    const { runId } = await run([http("/abort-failed"), http("/after-abort-failed")]);
    expect((await runOf(runId)).state).toBe("paused");
    await abortRun(t.db, commander, { runId, reason: "Handled outside the runbook" });
    const [failed] = await stepsOf(runId);
    expect(failed!.state).toBe("failed");
    expect(await refusal(retryStep(t.db, engine.jobs, commander, { runId, stepId: failed!.id }))).toBe(
      "This run is over.",
    );
    expect(
      await refusal(skipStep(t.db, engine.jobs, commander, { runId, stepId: failed!.id, reason: "not needed" })),
    ).toBe("This run is over.");
    await advanceRun(engine, runId);
    expect((await runOf(runId)).state).toBe("cancelled");
    expect(service.count("/abort-failed")).toBe(1);
    expect(service.count("/after-abort-failed")).toBe(0);
  });
});

describe("runbook edits during a run", () => {
  it("do not change the run in progress: it keeps the steps it started with", async () => {
    const { runId, runbook } = await run([{ kind: "manual" }, http("/original")]);
    expect((await runOf(runId)).state).toBe("waiting");
    const before = await stepsOf(runId);

    await t.db.$transaction([
      t.db.runbookStep.update({
        where: { runbookId_position: { runbookId: runbook.id, position: 2 } },
        data: { config: { url: `${service.url}/edited` }, title: "edited", retries: 3 },
      }),
      t.db.runbookStep.create({
        data: {
          runbookId: runbook.id,
          position: 3,
          title: "added",
          kind: "http",
          config: { url: `${service.url}/added` },
        },
      }),
      t.db.runbook.update({ where: { id: runbook.id }, data: { version: { increment: 1 } } }),
    ]);
    expect(await stepsOf(runId)).toEqual(before);

    await completeStep(t.db, engine.jobs, commander, { runId, stepId: before[0]!.id, note: "" }, "manual");
    await advanceRun(engine, runId);
    const after = await stepsOf(runId);
    expect(after).toHaveLength(2);
    expect(after[1]).toMatchObject({
      title: "call /original",
      config: { url: `${service.url}/original` },
      retries: 0,
      state: "succeeded",
    });
    expect(await runOf(runId)).toMatchObject({ state: "succeeded", runbookVersion: 1 });
    expect([service.count("/original"), service.count("/edited"), service.count("/added")]).toEqual([1, 0, 0]);
  });
});

describe("idempotent starts", () => {
  it("20 concurrent starts for one runbook and incident make one run, and all get its id", async () => {
    const runbook = await createRunbook([{ kind: "manual" }, { kind: "wait", config: { seconds: 0 } }]);
    const incident = await createIncident();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        startRun(t.db, engine.jobs, i % 2 ? commander : system, {
          runbookId: runbook.id,
          incidentId: incident.id,
          confirmUncovered: true,
        }),
      ),
    );
    const runs = await t.db.recoveryRun.findMany({ where: { runbookId: runbook.id } });
    expect(runs).toHaveLength(1);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([runs[0]!.id]));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await t.db.stepRun.count({ where: { runId: runs[0]!.id } })).toBe(2);
    expect(await recoveryJobs(runs[0]!.id)).toBe(1);
    expect((await timelineOf(incident.id)).filter((e) => e.message.startsWith("Recovery started"))).toHaveLength(1);
  });

  it("20 concurrent drill starts of one runbook make one active drill; a new one can start after it ends", async () => {
    const runbook = await createRunbook([{ kind: "wait", config: { seconds: 0 } }]);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => startRun(t.db, engine.jobs, commander, { runbookId: runbook.id })),
    );
    const runs = await t.db.recoveryRun.findMany({ where: { runbookId: runbook.id } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ drill: true, incidentId: null, state: "running" });
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([runs[0]!.id]));

    await advanceRun(engine, runs[0]!.id);
    expect((await runOf(runs[0]!.id)).state).toBe("succeeded");
    const next = await startRun(t.db, engine.jobs, commander, { runbookId: runbook.id });
    expect(next.created).toBe(true);
    expect(next.id).not.toBe(runs[0]!.id);
  });
});

describe("the timeline", () => {
  it("tells every transition of a run, in order", async () => {
    service.on("/tl", { status: 200, body: "restarted" });
    const runbook = await createRunbook([
      { ...http("/tl"), title: "Restart API" },
      { kind: "manual", title: "Check dashboards" },
      { kind: "wait", title: "Let caches warm", config: { seconds: 0.2 } },
    ]);
    const incident = await createIncident();
    const { id: runId } = await startRun(t.db, engine.jobs, commander, {
      runbookId: runbook.id,
      incidentId: incident.id,
      confirmUncovered: true,
    });
    await advanceRun(engine, runId);
    const manual = (await stepsOf(runId))[1]!;
    await completeStep(t.db, engine.jobs, commander, { runId, stepId: manual.id, note: "All green." }, "manual");
    await advanceRun(engine, runId);

    const events = await timelineOf(incident.id);
    expect(events.map((e) => [e.kind, e.actorName, e.message])).toEqual([
      ["recovery_run", commander.email, `Recovery started: runbook "${runbook.name}" (version 1, 3 steps).`],
      ["recovery_step", "recovery worker", 'Step 1 (HTTP call) "Restart API" started.'],
      [
        "recovery_step",
        "recovery worker",
        expect.stringMatching(
          new RegExp(`^Step 1 \\(HTTP call\\) "Restart API" succeeded: POST ${service.url}/tl → HTTP 200 in \\d+ ms$`),
        ),
      ],
      [
        "recovery_step",
        "recovery worker",
        'Step 2 (Manual) "Check dashboards" is waiting for a person to do it and tick it.',
      ],
      ["recovery_step", commander.email, 'Step 2 (Manual) "Check dashboards" done by ic@example.com. All green.'],
      ["recovery_step", "recovery worker", 'Step 3 (Wait) "Let caches warm" started.'],
      ["recovery_step", "recovery worker", 'Step 3 (Wait) "Let caches warm" succeeded: Waited 0.2 s'],
      ["recovery_run", "recovery worker", "Recovery run finished: every step succeeded or was skipped."],
    ]);
    expect(events.map((e) => (e.data as { state: string }).state)).toEqual([
      "running",
      "running",
      "succeeded",
      "waiting",
      "succeeded",
      "running",
      "succeeded",
      "succeeded",
    ]);
    expect(events.every((e) => (e.data as { runId: string }).runId === runId)).toBe(true);
    expect(events.filter((e) => e.public).map((e) => e.kind)).toEqual(["recovery_run", "recovery_run"]);
  });
});
