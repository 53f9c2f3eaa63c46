// Readiness: may this process take traffic? The database answers, every migration in prisma/migrations is
// applied (the runner's "_prisma_migrations" table, lib/db/migrate.ts), and a job worker runs: the inline
// one in this process (WORKER=inline), or, with WORKER=off, some worker has beaten recently. A missing
// separate worker is a warning, not "not ready": it is not this process's fault, and failing every app
// replica's readiness over it would take the UI down with it (alert on lifeboat_workers_alive instead).
// Answers carry check names and short reasons only: it is public, like /api/health.
import { MIGRATIONS_DIR, migrationNames } from "@/lib/db/migrate";
import type { Db, Reader } from "@/lib/db/client";
import { checkDatabase } from "@/lib/db/health";
import { logger } from "@/lib/log";
import { HEARTBEAT_STALE_SECONDS, localWorkerRunning, workerLiveness } from "@/lib/observability/heartbeat";

type CheckResult = { status: "ok" | "warning" | "failing" | "skipped"; detail: string };
export type Readiness = {
  status: "ready" | "not_ready";
  /** Names of the checks that failed (empty when ready). */
  failing: string[];
  checks: {
    database: CheckResult & { latencyMs?: number };
    migrations: CheckResult & { pending?: string[] };
    worker: CheckResult;
  };
};

export type ReadinessOptions = { workerMode: "inline" | "off"; migrationsDir?: string; timeoutMs?: number };

const MAX_NAMED = 5;

async function checkMigrations(db: Reader, dir: string): Promise<Readiness["checks"]["migrations"]> {
  let shipped: string[];
  try {
    shipped = migrationNames(dir);
  } catch {
    return { status: "failing", detail: "the migrations folder cannot be read" };
  }
  const [table] = await db.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('"_prisma_migrations"')::text AS t`;
  const rows = table?.t
    ? await db.$queryRaw<{ name: string; finished: boolean }[]>`
        SELECT migration_name AS name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`
    : [];
  const done = new Set(rows.filter((r) => r.finished).map((r) => r.name));
  const unfinished = rows.filter((r) => !r.finished).map((r) => r.name);
  if (unfinished.length > 0)
    return { status: "failing", detail: `migration ${unfinished[0]} started and did not finish` };
  const pending = shipped.filter((name) => !done.has(name));
  if (pending.length > 0) {
    const named =
      pending.slice(0, MAX_NAMED).join(", ") +
      (pending.length > MAX_NAMED ? `, … (${pending.length - MAX_NAMED} more)` : "");
    return { status: "failing", detail: `${pending.length} pending: ${named}`, pending: pending.slice(0, MAX_NAMED) };
  }
  return { status: "ok", detail: `${shipped.length} applied` };
}

async function checkWorker(db: Reader, mode: "inline" | "off"): Promise<CheckResult> {
  if (mode === "inline") {
    return localWorkerRunning()
      ? { status: "ok", detail: "inline worker running" }
      : { status: "failing", detail: "inline worker not started (retrying)" };
  }
  const { alive, newestAgeSeconds } = await workerLiveness(db);
  if (newestAgeSeconds === null)
    return { status: "warning", detail: "WORKER=off and no worker has reported (start `npm run worker`)" };
  const age = Math.floor(newestAgeSeconds);
  if (alive === 0)
    return {
      status: "warning",
      detail: `WORKER=off and no worker heartbeat for ${age} s (stale after ${HEARTBEAT_STALE_SECONDS} s)`,
    };
  return { status: "ok", detail: `last seen ${age} s ago (${alive} worker${alive === 1 ? "" : "s"})` };
}

/** A check that threw: a short public reason; the real one goes to the log. */
function broken(name: string) {
  return (error: unknown): CheckResult => {
    logger.warn(
      { check: name, reason: ((error as Error)?.message ?? String(error)).split("\n")[0] },
      "readiness check could not run",
    );
    return { status: "failing", detail: "could not be checked (see the log)" };
  };
}

/** "no answer within 2000 ms" is worth saying; addresses and driver messages stay in /api/health and the log. */
const databaseDetail = (reason: string) => /no answer within \d+ ms/.exec(reason)?.[0] ?? "unreachable";

export async function checkReadiness(db: Db, options: ReadinessOptions): Promise<Readiness> {
  const database = await checkDatabase(db, options.timeoutMs);
  const skipped: CheckResult = { status: "skipped", detail: "database unreachable" };
  const checks: Readiness["checks"] = database.ok
    ? {
        database: { status: "ok", detail: `answered in ${database.latencyMs} ms`, latencyMs: database.latencyMs },
        migrations: await checkMigrations(db, options.migrationsDir ?? MIGRATIONS_DIR).catch(broken("migrations")),
        worker: await checkWorker(db, options.workerMode).catch(broken("worker")),
      }
    : {
        database: { status: "failing", detail: databaseDetail(database.reason) },
        migrations: skipped,
        worker: skipped,
      };
  const all = Object.entries(checks);
  return {
    status: all.every(([, check]) => check.status === "ok" || check.status === "warning") ? "ready" : "not_ready",
    failing: all.filter(([, check]) => check.status === "failing").map(([name]) => name),
    checks,
  };
}
