// Jobs start when the transaction that queued them commits, not at the workers' next poll: a status change
// and a public note reach their webhook well inside a poll interval set long on purpose, with no action
// waking anything; a rolled-back transaction wakes nobody.
import pg from "pg";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addNote, changeStatus, declareIncident } from "@/lib/incidents/incidents";
import { bossSink, createBoss, QUEUES, startBoss } from "@/lib/jobs/boss";
import { WAKE_CHANNEL } from "@/lib/jobs/wake";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { startReceiver, waitFor } from "@/test/http-receiver";
import { startWorker } from "./worker";

/** Far longer than any wake may take: a job that waits for the poll shows. */
const POLL_SECONDS = 10;

let t: TestDatabase;
let boss: PgBoss;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let stopWorker: () => Promise<void>;
let systemId = "";
const actor = { id: "u1", email: "ic@example.com" };

beforeAll(async () => {
  t = await createTestDatabase();
  boss = await startBoss(createBoss(t.url));
  receiver = await startReceiver();
  await t.db.user.create({
    data: { id: "u1", email: "ic@example.com", name: "IC", passwordHash: "x", role: "commander" },
  });
  systemId = (await t.db.system.create({ data: { name: "Payments" } })).id;
  const chat = await t.db.notificationChannel.create({
    data: { name: "Chat", type: "webhook", url: `${receiver.url}/chat` },
  });
  await t.db.notificationMatrix.create({
    data: {
      id: systemId,
      systemId,
      rules: {
        create: (["dr_activated", "progress_update"] as const).map((event, position) => ({
          position,
          event,
          audience: "internal",
          channelId: chat.id,
          timing: "immediate",
        })),
      },
    },
  });
  stopWorker = await startWorker(t.db, boss, { pollingIntervalSeconds: POLL_SECONDS });
  // Let every worker's first fetch (at start) go by: from here on only a poll or a wake fetches.
  await new Promise((r) => setTimeout(r, 1000));
});

afterAll(async () => {
  await stopWorker?.();
  await boss?.stop({ graceful: false });
  await receiver?.close();
});

/** Milliseconds from `write` resolving (its transaction committed) until the webhook got a message. */
async function deliveredAfter(write: () => Promise<unknown>): Promise<number> {
  const seen = receiver.received.length;
  await write();
  const committed = performance.now();
  await waitFor(() => receiver.received.length > seen, 3_000, "the notification");
  return performance.now() - committed;
}

describe("the job sink wakes workers after commit", () => {
  it("delivers a status change's and a public note's notifications well before the next poll", async () => {
    const jobs = bossSink(boss);
    const incident = await declareIncident(t.db, jobs, actor, {
      title: "Ledger down",
      severity: "SEV1",
      systemId,
      serviceIds: [],
      commanderId: undefined,
      note: "",
    });
    const statusMs = await deliveredAfter(() =>
      changeStatus(t.db, jobs, actor, {
        incidentId: incident.id,
        version: incident.version,
        status: "recovering",
        note: "",
      }),
    );
    const noteMs = await deliveredAfter(() =>
      addNote(t.db, jobs, actor, { incidentId: incident.id, text: "Restoring from last night", public: true }),
    );
    console.log(
      `status change → webhook ${statusMs.toFixed(0)} ms, public note → webhook ${noteMs.toFixed(0)} ms (worker poll interval ${POLL_SECONDS * 1000} ms)`,
    );
    expect(statusMs).toBeLessThan(2_000);
    expect(noteMs).toBeLessThan(2_000);
    expect(receiver.received.at(-1)!.body).toContain("Restoring from last night");
  });

  it("listens again after its connection is killed", async () => {
    const listening = async () =>
      (
        await t.db.$queryRaw<
          { pid: number }[]
        >`SELECT pid FROM pg_stat_activity WHERE application_name = 'lifeboat-job-wakes' AND datname = current_database()`
      ).map((r) => r.pid);
    const [pid] = await listening();
    expect(pid).toBeTruthy();
    await t.db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    await waitFor(async () => (await listening()).some((p) => p !== pid), 10_000, "a new wake connection");
    const jobs = bossSink(boss);
    const incident = await declareIncident(t.db, jobs, actor, {
      title: "Ledger slow",
      severity: "SEV2",
      systemId,
      serviceIds: [],
      commanderId: undefined,
      note: "",
    });
    const ms = await deliveredAfter(() =>
      addNote(t.db, jobs, actor, { incidentId: incident.id, text: "Still on it", public: true }),
    );
    console.log(`after a reconnect: public note → webhook ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2_000);
  });

  it("wakes nobody for a rolled-back transaction, and once for a committed one", async () => {
    const listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    const wakes: string[] = [];
    listener.on("notification", (m) => wakes.push(m.payload ?? ""));
    await listener.query(`LISTEN ${WAKE_CHANNEL}`);
    try {
      const jobs = bossSink(boss);
      const rollback = new Error("rolled back on purpose");
      const outcome = await t.db
        .$transaction(async (tx) => {
          await jobs.enqueue(tx, QUEUES.notify, { incidentId: "none", event: "progress_update" });
          throw rollback;
        })
        .catch((e: unknown) => e);
      expect(outcome).toBe(rollback);
      // A due job and one for later in the same transaction: one wake, for the due one's queue.
      await t.db.$transaction(async (tx) => {
        await jobs.enqueue(tx, QUEUES.notify, { incidentId: "none", event: "progress_update" });
        await jobs.enqueue(tx, QUEUES.notify, { incidentId: "none", event: "progress_update" });
        await jobs.enqueue(
          tx,
          QUEUES.escalation,
          { incidentId: "none" },
          { startAfter: new Date(Date.now() + 60_000) },
        );
      });
      await waitFor(() => wakes.length > 0, 3_000, "the committed wake");
      await new Promise((r) => setTimeout(r, 300));
      expect(wakes).toEqual([QUEUES.notify]);
    } finally {
      await listener.end();
    }
  });
});
