// Escalation on a real database with a controllable clock: levels fire in order at their minute, each
// page goes out once, and acknowledging stops the rest. Then the same through pg-boss and the worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { startReceiver, waitFor } from "@/test/http-receiver";
import { bossSink, createBoss, QUEUES, startBoss } from "@/lib/jobs/boss";
import { startWorker } from "@/lib/worker/worker";
import { acknowledgeIncident, declareIncident } from "./incidents";
import { findEscalationState, fireDueEscalations } from "./escalation";

let t: TestDatabase;
let boss: PgBoss;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let systemId = "";
const actor = { id: "u1", email: "ic@example.com" };
const config = { smtpFrom: "x@example.com", timeoutMs: 2000, backoffMs: [] };
const minutes = (from: Date, m: number) => new Date(from.getTime() + m * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  boss = await startBoss(createBoss(t.url));
  receiver = await startReceiver();
  await t.db.user.create({
    data: { id: "u1", email: "ic@example.com", name: "IC", passwordHash: "x", role: "commander" },
  });
  const system = await t.db.system.create({ data: { name: "Payments" } });
  systemId = system.id;
  await t.db.service.create({ data: { systemId, name: "ledger", tier: 1 } });
  const [oncall, lead] = await Promise.all([
    t.db.contact.create({ data: { name: "Ana", phone: "+14155550101", roles: ["on-call"] } }),
    t.db.contact.create({ data: { name: "Ben", phone: "+14155550102" } }),
  ]);
  const sms = await t.db.notificationChannel.create({ data: { name: "SMS", type: "sms", url: `${receiver.url}/sms` } });
  const chat = await t.db.notificationChannel.create({
    data: { name: "Chat", type: "webhook", url: `${receiver.url}/chat` },
  });
  await t.db.escalationPolicy.create({
    data: {
      name: "Payments on-call",
      systemId,
      repeatTimes: 1,
      repeatAfterMinutes: 10,
      levels: {
        create: [
          {
            position: 1,
            afterMinutes: 0,
            roleTargets: ["on-call"],
            channels: { create: [{ channelId: sms.id }, { channelId: chat.id }] },
          },
          {
            position: 2,
            afterMinutes: 5,
            contacts: { create: [{ contactId: lead.id }] },
            channels: { create: [{ channelId: sms.id }] },
          },
        ],
      },
    },
  });
  expect(oncall.id).toBeTruthy();
});

afterAll(async () => {
  await boss.stop({ graceful: false });
  await receiver.close();
});

const declare = (title: string) =>
  declareIncident(t.db, bossSink(boss), actor, {
    title,
    severity: "SEV1",
    systemId,
    serviceIds: [],
    commanderId: undefined,
    note: "",
  });

describe("escalation timers", () => {
  it("plans the policy at declaration and queues one durable job per due time", async () => {
    const incident = await declare("Ledger down");
    const pages = await t.db.escalationPage.findMany({
      where: { incidentId: incident.id },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    });
    // Two cycles (repeatTimes 1): level 1 = SMS Ana + chat; level 2 = SMS Ben; cycle length 5 + 10.
    expect(pages.map((p) => [p.cycle, p.level, (p.dueAt.getTime() - incident.declaredAt.getTime()) / 60_000])).toEqual([
      [0, 1, 0],
      [0, 1, 0],
      [0, 2, 5],
      [1, 1, 15],
      [1, 1, 15],
      [1, 2, 20],
    ]);
    const jobs = await t.db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.escalation} AND data->>'incidentId' = ${incident.id}`;
    expect(jobs[0]!.n).toBe(4);
  });

  it("fires level by level as the clock moves, and stops on acknowledge", async () => {
    const incident = await declare("Ledger slow");
    const at = incident.declaredAt;
    const pathsSince = (n: number) =>
      receiver.received
        .slice(n)
        .map((r) => r.path)
        .sort();
    let seen = receiver.received.length;

    expect(await fireDueEscalations(t.db, incident.id, at, config)).toEqual({ sent: 2, failed: 0 });
    expect(pathsSince(seen)).toEqual(["/chat", "/sms"]);
    expect(JSON.parse(receiver.received.find((r) => r.path === "/sms" && r.at >= 0)!.body)).toMatchObject({
      to: "+14155550101",
    });
    seen = receiver.received.length;

    // Firing again at the same minute, or before level 2 is due, sends nothing.
    expect(await fireDueEscalations(t.db, incident.id, minutes(at, 4), config)).toEqual({ sent: 0, failed: 0 });
    expect(await fireDueEscalations(t.db, incident.id, minutes(at, 5), config)).toEqual({ sent: 1, failed: 0 });
    expect(JSON.parse(receiver.received.at(-1)!.body)).toMatchObject({ to: "+14155550102" });
    expect(await findEscalationState(t.db, incident.id)).toMatchObject({ currentLevel: 2, sent: 3 });

    await acknowledgeIncident(t.db, actor, { incidentId: incident.id });
    seen = receiver.received.length;
    expect(await fireDueEscalations(t.db, incident.id, minutes(at, 60), config)).toEqual({ sent: 0, failed: 0 });
    expect(receiver.received.length).toBe(seen);
    expect(await findEscalationState(t.db, incident.id)).toMatchObject({ sent: 3, cancelled: 3 });

    const timeline = await t.db.timelineEvent.findMany({ where: { incidentId: incident.id }, orderBy: { id: "asc" } });
    expect(timeline.map((e) => e.kind)).toEqual([
      "declared",
      "status_page_changed",
      "escalation_fired", // declared (internal), "not on the status page" (not published), the plan
      "escalation_fired",
      "notification_sent",
      "notification_sent", // level 1
      "escalation_fired",
      "notification_sent", // level 2
      "acknowledged",
      "commander_changed", // nobody led: the commander who acknowledged takes the lead
    ]);
    expect(timeline.at(-2)!.message).toBe("Acknowledged by ic@example.com. Escalation stopped (3 page(s) not sent).");
  });

  it("two workers firing the same minute at once send each page once", async () => {
    const incident = await declare("Race");
    const seen = receiver.received.length;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => fireDueEscalations(t.db, incident.id, incident.declaredAt, config)),
    );
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(2);
    expect(receiver.received.length - seen).toBe(2);
  });

  it("records a failed page on the timeline", async () => {
    await t.db.contact.updateMany({ where: { name: "Ana" }, data: { phone: null } });
    const incident = await declare("No phone");
    expect(await fireDueEscalations(t.db, incident.id, incident.declaredAt, config)).toEqual({ sent: 1, failed: 1 });
    const failed = await t.db.timelineEvent.findFirstOrThrow({
      where: { incidentId: incident.id, kind: "notification_failed" },
    });
    expect(failed.message).toMatch(/Could not page Ana via SMS .*Ana has no phone/);
    await t.db.contact.updateMany({ where: { name: "Ana" }, data: { phone: "+14155550101" } });
  });
});

describe("the worker", () => {
  it("pages through pg-boss without anyone calling it", async () => {
    const stop = await startWorker(t.db, boss, { pollingIntervalSeconds: 0.5 });
    try {
      const seen = receiver.received.length;
      const incident = await declare("Through the queue");
      await waitFor(() => receiver.received.length - seen >= 2, 15_000, "level 1 pages");
      await waitFor(async () => (await findEscalationState(t.db, incident.id)).sent === 2, 5000, "pages marked sent");
    } finally {
      await stop();
    }
  });
});

describe("concurrent writers on one incident", () => {
  it("acknowledge, status changes, notes and pages at once: no deadlock, every event recorded", async () => {
    const { addNote, changeStatus } = await import("./incidents");
    const incident = await declare("Busy incident");
    const jobs = bossSink(boss);
    const work = [
      ...Array.from({ length: 15 }, (_, i) =>
        addNote(t.db, jobs, actor, { incidentId: incident.id, text: `note ${i}`, public: i % 2 === 0 }),
      ),
      acknowledgeIncident(t.db, actor, { incidentId: incident.id }),
      fireDueEscalations(t.db, incident.id, incident.declaredAt, config),
      changeStatus(t.db, jobs, actor, { incidentId: incident.id, version: 1, status: "assessing", note: "" }).catch(
        (e: Error) => e,
      ),
    ];
    const results = await Promise.allSettled(work);
    const rejected = results
      .filter((r) => r.status === "rejected")
      .map((r) => String((r as PromiseRejectedResult).reason));
    expect(rejected).toEqual([]);
    const notes = await t.db.timelineEvent.count({
      where: { incidentId: incident.id, kind: "note", message: { startsWith: "note " } },
    });
    expect(notes).toBe(15);
    expect(await t.db.timelineEvent.count({ where: { incidentId: incident.id, kind: "acknowledged" } })).toBe(1);
  });
});
