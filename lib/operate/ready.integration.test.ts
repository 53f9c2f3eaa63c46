// GET /api/ready on a real database: ready with a fresh worker heartbeat; 503 naming the failing check for
// a pending migration, a missing or stale worker, and a database that does not answer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { localWorkerRunning, startHeartbeat } from "@/lib/observability/heartbeat";
import { migrationNames as shippedMigrations } from "@/lib/db/migrate";
import { checkReadiness, type Readiness } from "./ready";

let t: TestDatabase;
let GET: (request: Request) => Promise<Response>;

const call = async () => {
  const response = await GET(new Request("http://lifeboat.test/api/ready"));
  return { status: response.status, body: (await response.json()) as Readiness, response };
};

const beat = (secondsAgo: number, id = "test-host:1:abc") =>
  t.db.$executeRaw`INSERT INTO "WorkerHeartbeat" (id, host, pid, "startedAt", "seenAt")
    VALUES (${id}, 'test-host', 1, timezone('UTC', now()) - interval '1 hour', timezone('UTC', now()) - make_interval(secs => ${secondsAgo}))
    ON CONFLICT (id) DO UPDATE SET "seenAt" = EXCLUDED."seenAt"`;

beforeAll(async () => {
  t = await createTestDatabase();
  // Like production: the route reads its database and worker mode from the environment.
  vi.stubEnv("DATABASE_URL", t.url);
  vi.stubEnv("WORKER", "off");
  ({ GET } = await import("@/app/api/ready/route"));
});

beforeEach(async () => {
  await t.db.$executeRaw`DELETE FROM "WorkerHeartbeat"`;
});

describe("GET /api/ready (WORKER=off)", () => {
  it("is ready when the database answers, every migration is applied and a worker beat 3 s ago", async () => {
    await beat(3);
    const { status, body, response } = await call();
    expect(status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(body).toEqual({
      status: "ready",
      failing: [],
      checks: {
        database: {
          status: "ok",
          detail: expect.stringMatching(/^answered in \d+ ms$/),
          latencyMs: expect.any(Number),
        },
        migrations: { status: "ok", detail: `${shippedMigrations().length} applied` },
        // 3 s when the beat was written, a moment more by the time the route reads it.
        worker: { status: "ok", detail: expect.stringMatching(/^last seen [34] s ago \(1 worker\)$/) },
      },
    });
  });

  // A separate worker missing is a warning: failing every app replica over it would take the UI down too.
  it("stays ready but warns without any worker heartbeat, or with a stale one", async () => {
    const none = await call();
    expect(none.status).toBe(200);
    expect(none.body.failing).toEqual([]);
    expect(none.body.checks.worker).toMatchObject({
      status: "warning",
      detail: expect.stringMatching(/no worker has reported/),
    });

    await beat(45);
    const stale = await call();
    expect(stale.status).toBe(200);
    expect(stale.body.checks.worker.status).toBe("warning");
    expect(stale.body.checks.worker.detail).toMatch(
      /^WORKER=off and no worker heartbeat for 4[56] s \(stale after 30 s\)$/,
    );
  });

  it("names a migration the database has not applied", async () => {
    await beat(1);
    const latest = shippedMigrations().at(-1)!;
    const [row] = await t.db.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "_prisma_migrations" WHERE migration_name = ${latest}`;
    await t.db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = ${row!.id}`;
    try {
      const { status, body } = await call();
      expect(status).toBe(503);
      expect(body.failing).toEqual(["migrations"]);
      expect(body.checks.migrations).toEqual({ status: "failing", detail: `1 pending: ${latest}`, pending: [latest] });
    } finally {
      await t.db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = ${row!.id}`;
    }
    expect((await call()).status).toBe(200);
  });

  it("names a migration folder newer than the database (a deploy that skipped migrating)", async () => {
    await beat(1);
    const dir = mkdtempSync(path.join(os.tmpdir(), "lifeboat-migrations-"));
    try {
      for (const name of [...shippedMigrations(), "29990101000000_from_the_future"]) {
        mkdirSync(path.join(dir, name));
        writeFileSync(path.join(dir, name, "migration.sql"), "SELECT 1;");
      }
      mkdirSync(path.join(dir, "29990101000001_no_sql_yet"));
      const readiness = await checkReadiness(t.db, { workerMode: "off", migrationsDir: dir });
      expect(readiness.status).toBe("not_ready");
      expect(readiness.failing).toEqual(["migrations"]);
      expect(readiness.checks.migrations.detail).toBe("1 pending: 29990101000000_from_the_future");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says when a migration started and did not finish", async () => {
    await beat(1);
    await t.db
      .$executeRaw`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('half', 'x', '29990101000000_half')`;
    try {
      const readiness = await checkReadiness(t.db, { workerMode: "off" });
      expect(readiness.failing).toEqual(["migrations"]);
      expect(readiness.checks.migrations.detail).toBe("migration 29990101000000_half started and did not finish");
    } finally {
      await t.db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE id = 'half'`;
    }
  });
});

describe("the worker check with WORKER=inline", () => {
  it("is ok only while a worker runs in this process, which beats while it runs", async () => {
    expect(localWorkerRunning()).toBe(false);
    const before = await checkReadiness(t.db, { workerMode: "inline" });
    expect(before.failing).toEqual(["worker"]);
    expect(before.checks.worker.detail).toBe("inline worker not started (retrying)");

    const stop = await startHeartbeat(t.db, 60_000);
    try {
      expect(localWorkerRunning()).toBe(true);
      const during = await checkReadiness(t.db, { workerMode: "inline" });
      expect(during.status).toBe("ready");
      expect(during.checks.worker).toEqual({ status: "ok", detail: "inline worker running" });
      // Its beat is what a WORKER=off app process sees.
      expect((await call()).body.checks.worker.detail).toMatch(/^last seen [01] s ago \(1 worker\)$/);
    } finally {
      await stop();
    }
    expect(localWorkerRunning()).toBe(false);
    expect(await t.db.$queryRaw`SELECT id FROM "WorkerHeartbeat"`).toEqual([]);
  });
});

describe("a database that does not answer", () => {
  const deadUrl = "postgresql://nobody@127.0.0.1:1/none";
  const dead = createPrismaClient(deadUrl);
  afterAll(() => dead.$disconnect());

  it("fails the database check and skips the others, without addresses in the answer", async () => {
    const readiness = await checkReadiness(dead, { workerMode: "off" });
    expect(readiness).toEqual({
      status: "not_ready",
      failing: ["database"],
      checks: {
        database: { status: "failing", detail: "unreachable" },
        migrations: { status: "skipped", detail: "database unreachable" },
        worker: { status: "skipped", detail: "database unreachable" },
      },
    });
  });

  it("answers 503 from the route", async () => {
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", deadUrl);
    const globalForDb = globalThis as unknown as { lifeboatDb?: unknown };
    const kept = globalForDb.lifeboatDb;
    globalForDb.lifeboatDb = undefined;
    try {
      const route = await import("@/app/api/ready/route");
      const response = await route.GET(new Request("http://lifeboat.test/api/ready"));
      expect(response.status).toBe(503);
      const body = (await response.json()) as Readiness;
      expect(body.failing).toEqual(["database"]);
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|nobody|ECONNREFUSED/);
      await (globalForDb.lifeboatDb as { $disconnect(): Promise<void> } | undefined)?.$disconnect();
    } finally {
      globalForDb.lifeboatDb = kept;
      vi.stubEnv("DATABASE_URL", t.url);
    }
  });
});
