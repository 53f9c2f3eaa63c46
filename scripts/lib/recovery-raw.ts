// Raw baselines for bench-recovery: what starting and advancing a recovery run costs Postgres alone. The
// statements Lifeboat sends (the session's user read, startRun's transaction, the engine's claim and record
// per step, appendTimeline's), through plain pg: no Next, Prisma or pg-boss client in between.
import pg from "pg";
import { UTC_SESSION, type Db } from "@/lib/db/client";
import { TIMELINE_CHANNEL, TIMELINE_LOCK } from "@/lib/incidents/timeline";
import { QUEUES } from "@/lib/jobs/boss";
import { inPool, percentiles } from "./measure";

export type RawPlan = {
  user: { id: string; email: string };
  /** Runbook of the start-latency runs; the no-op runbook (of `noopSteps` steps) is the one advanced. */
  quickRunbookId: string;
  noopRunbookId: string;
  noopSteps: number;
  /** Creates `count` incidents to start runs for. */
  incidents: (label: string, count: number) => Promise<string[]>;
  /** Starts timed one at a time, then `starts` with `concurrency` in flight; `runs` advanced on `workers` connections. */
  single: number;
  starts: number;
  concurrency: number;
  runs: number;
  workers: number;
};

async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/**
 * appendTimeline's statements: key-share the incident, the commit-order lock, insert, NOTIFY. Without
 * `ordered`, the same minus the lock: what the lock (held from the insert to the commit) costs.
 */
async function rawTimeline(
  c: pg.PoolClient,
  ordered: boolean,
  incidentId: string,
  kind: string,
  message: string,
  data: object,
) {
  await c.query(`SELECT 1 FROM "Incident" WHERE id = ANY($1) FOR KEY SHARE`, [[incidentId]]);
  if (ordered) await c.query("SELECT pg_advisory_xact_lock($1)", [TIMELINE_LOCK]);
  const { rows } = await c.query<{ id: string }>(
    `INSERT INTO "TimelineEvent" ("incidentId", kind, "actorName", message, data) VALUES ($1, $2, 'bench', $3, $4::jsonb) RETURNING id::text`,
    [incidentId, kind, message, JSON.stringify(data)],
  );
  await c.query("SELECT pg_notify($1, $2)", [TIMELINE_CHANNEL, rows[0]!.id]);
}

type StepRow = {
  position: number;
  group: number | null;
  title: string;
  kind: string;
  config: unknown;
  timeoutSeconds: number;
  retries: number;
  safeToRepeat: boolean;
  serviceIds: string[];
};

/** What one start costs the database: the session's user read, then startRun's transaction statement by statement. */
async function rawStart(pool: pg.Pool, ordered: boolean, user: RawPlan["user"], runbookId: string, incidentId: string) {
  await pool.query(`SELECT id, email, name, role, active, "passwordHash" FROM "User" WHERE id = $1`, [user.id]);
  return inTransaction(pool, async (c) => {
    const runbook = (
      await c.query<{ id: string; name: string; version: number }>(
        `SELECT id, name, version FROM "Runbook" WHERE id = $1`,
        [runbookId],
      )
    ).rows[0]!;
    const steps = (
      await c.query<StepRow>(
        `SELECT position, "group", title, kind::text, config, "timeoutSeconds", retries, "safeToRepeat", "serviceIds" FROM "RunbookStep" WHERE "runbookId" = $1 ORDER BY position`,
        [runbookId],
      )
    ).rows;
    await c.query(`SELECT status FROM "Incident" WHERE id = $1`, [incidentId]);
    await c.query(`SELECT id FROM "RecoveryRun" WHERE "runbookId" = $1 AND "incidentId" = $2 LIMIT 1`, [
      runbookId,
      incidentId,
    ]);
    const runId = (
      await c.query<{ id: string }>(
        `INSERT INTO "RecoveryRun" (id, "runbookId", "incidentId", drill, "runbookVersion", "runbookName", "startedById", "startedBy")
         VALUES (gen_random_uuid()::text, $1, $2, false, $3, $4, $5, $6) ON CONFLICT ("runbookId", "incidentId") DO NOTHING RETURNING id`,
        [runbookId, incidentId, runbook.version, runbook.name, user.id, user.email],
      )
    ).rows[0]!.id;
    const params: unknown[] = [runId];
    const values = steps.map((s) => {
      const at =
        params.push(
          s.position,
          s.group,
          s.title,
          s.kind,
          JSON.stringify(s.config),
          s.timeoutSeconds,
          s.retries,
          s.safeToRepeat,
          s.serviceIds,
        ) - 9;
      const p = (i: number) => `$${at + i}`;
      return `(gen_random_uuid()::text, $1, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}::"StepKind", ${p(5)}::jsonb, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}::text[])`;
    });
    await c.query(
      `INSERT INTO "StepRun" (id, "runId", position, "group", title, kind, config, "timeoutSeconds", retries, "safeToRepeat", "serviceIds") VALUES ${values.join(", ")}`,
      params,
    );
    await c.query(
      `INSERT INTO "AuditEvent" ("actorId", "actorEmail", action, "entityType", "entityId", after) VALUES ($1, $2, 'recovery.start', 'RecoveryRun', $3, $4::jsonb)`,
      [
        user.id,
        user.email,
        runId,
        JSON.stringify({ runbookId, runbookVersion: runbook.version, incidentId, drill: false }),
      ],
    );
    await c.query(`INSERT INTO pgboss.job (name, data) VALUES ($1, $2::jsonb)`, [
      QUEUES.recovery,
      JSON.stringify({ runId }),
    ]);
    await c.query(`INSERT INTO pgboss.job (name, data) VALUES ($1, $2::jsonb)`, [
      QUEUES.notify,
      JSON.stringify({ incidentId, event: "recovery_started" }),
    ]);
    await rawTimeline(c, ordered, incidentId, "recovery_run", `Recovery started: runbook "${runbook.name}"`, {
      runId,
      state: "running",
    });
    return runId;
  });
}

/** advanceRun's statements for a run of one-step batches: claim (run locked, step marked running), record. */
async function rawAdvance(pool: pg.Pool, ordered: boolean, runId: string) {
  for (;;) {
    const claimed = await inTransaction(pool, async (c) => {
      const run = (
        await c.query<{ id: string; incidentId: string }>(
          `SELECT id, "incidentId", "runbookName", drill, state::text FROM "RecoveryRun" WHERE id = $1 FOR UPDATE`,
          [runId],
        )
      ).rows[0]!;
      const steps = (
        await c.query<{ id: string; state: string }>(`SELECT * FROM "StepRun" WHERE "runId" = $1 ORDER BY position`, [
          runId,
        ])
      ).rows;
      const next = steps.find((s) => s.state !== "succeeded" && s.state !== "skipped");
      if (!next) {
        await c.query(
          `UPDATE "RecoveryRun" SET state = 'succeeded', "finishedAt" = now(), version = version + 1 WHERE id = $1`,
          [runId],
        );
        await rawTimeline(c, ordered, run.incidentId, "recovery_run", "Recovery run finished", {
          runId,
          state: "succeeded",
        });
        return null;
      }
      await c.query(
        `UPDATE "StepRun" SET state = 'running', attempts = attempts + 1, "startedAt" = now(), version = version + 1, "leaseUntil" = now() + 30 * interval '1 second' WHERE id = ANY($1)`,
        [[next.id]],
      );
      await rawTimeline(c, ordered, run.incidentId, "recovery_step", "Step started", {
        runId,
        stepId: next.id,
        state: "running",
      });
      return { incidentId: run.incidentId, stepId: next.id };
    });
    if (!claimed) return;
    await inTransaction(pool, async (c) => {
      await c.query(`SELECT state::text, attempts FROM "StepRun" WHERE id = $1 FOR UPDATE`, [claimed.stepId]);
      await c.query(
        `UPDATE "StepRun" SET state = 'succeeded', output = 'Waited 0 s', error = NULL, "finishedAt" = now(), "leaseUntil" = NULL, version = version + 1 WHERE id = $1`,
        [claimed.stepId],
      );
      await rawTimeline(c, ordered, claimed.incidentId, "recovery_step", "Step succeeded: Waited 0 s", {
        runId,
        stepId: claimed.stepId,
        state: "succeeded",
      });
    });
  }
}

/** Starts then advances runs through plain pg: start latency, one at a time and many at once, then steps/s. */
async function rawBaseline(pool: pg.Pool, db: Db, plan: RawPlan, ordered: boolean, created: string[]) {
  const label = ordered ? "raw" : "raw unordered";
  const incidents = async (what: string, count: number) => {
    const ids = await plan.incidents(`${label} ${what}`, count);
    created.push(...ids);
    return ids;
  };
  const [warmup, ...startIncidents] = await incidents("start", plan.starts + 1);
  const runIncidents = await incidents("run", plan.runs);
  const single = await incidents("single", plan.single);
  const start = (runbookId: string, incidentId: string) => rawStart(pool, ordered, plan.user, runbookId, incidentId);
  await start(plan.quickRunbookId, warmup!); // plans cached, pool connected
  const alone: number[] = [];
  for (const incidentId of single) {
    const started = performance.now();
    await start(plan.quickRunbookId, incidentId);
    alone.push(performance.now() - started);
  }
  const latencies: number[] = [];
  await inPool(startIncidents, plan.concurrency, async (incidentId) => {
    const started = performance.now();
    await start(plan.quickRunbookId, incidentId);
    latencies.push(performance.now() - started);
  });
  const runIds: string[] = [];
  await inPool(
    runIncidents,
    plan.concurrency,
    async (incidentId) => void runIds.push(await start(plan.noopRunbookId, incidentId)),
  );
  const started = performance.now();
  await inPool(runIds, plan.workers, (runId) => rawAdvance(pool, ordered, runId));
  const seconds = (performance.now() - started) / 1000;
  const done = await db.recoveryRun.count({ where: { id: { in: runIds }, state: "succeeded" } });
  if (done !== runIds.length) throw new Error(`${label} baseline: ${done} of ${runIds.length} runs finished`);
  return {
    single: percentiles(alone),
    start: percentiles(latencies),
    stepsPerSecond: (runIds.length * plan.noopSteps) / seconds,
  };
}

/**
 * Both baselines: with appendTimeline's commit-order lock, as Lifeboat does, and without it. Deletes its
 * incidents (and so its runs) and the jobs it queued afterwards: an app started next would run them.
 */
export async function rawRecoveryBaselines(url: string, db: Db, plan: RawPlan) {
  const pool = new pg.Pool({
    connectionString: url,
    max: Math.max(plan.concurrency, plan.workers),
    options: UTC_SESSION,
  });
  pool.on("error", () => {}); // a closing client must not crash the script when the database stops
  const created: string[] = [];
  try {
    return {
      ordered: await rawBaseline(pool, db, plan, true, created),
      unordered: await rawBaseline(pool, db, plan, false, created),
    };
  } finally {
    await pool.end();
    await db.incident.deleteMany({ where: { id: { in: created } } });
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ANY(${[QUEUES.recovery, QUEUES.notify]})`;
  }
}
