// On-call escalation on a real Postgres: a level that targets a schedule is resolved when its page fires (an
// override placed after the incident opened decides who is paged), the contact's own rules give pages at +0
// and +2 min, acknowledging cancels the rest, a schedule with nobody on call is a named failure, and a handoff
// notice goes out once even with two workers racing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { startReceiver } from "@/test/http-receiver";
import { bossSink, createBoss, startBoss } from "@/lib/jobs/boss";
import { createOverride, createSchedule } from "@/lib/oncall/schedules";
import { overrideFieldsSchema, scheduleFieldsSchema } from "@/lib/oncall/schemas";
import { acknowledgeIncident, declareIncident } from "./incidents";
import { findEscalationState, fireDueEscalations } from "./escalation";
import { sendHandoffNotices } from "./handoff-notices";

let t: TestDatabase;
let boss: PgBoss;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const ids = { payments: "", reports: "", ana: "", ben: "", primary: "", handoffs: "" };
const actor = { id: "u1", email: "ic@example.com" };
const config = { smtpFrom: "x@example.com", timeoutMs: 2000, backoffMs: [] };
const minutes = (from: Date, m: number) => new Date(from.getTime() + m * 60_000);
const sentTo = (since: number) => receiver.received.slice(since).map((r) => `${r.path} ${JSON.parse(r.body).to}`);

const layer = (memberIds: string[], extra: object = {}) => ({
  timeZone: "Europe/Berlin",
  startDate: "2026-01-01",
  handoffTime: "00:00",
  shiftLength: 1,
  shiftUnit: "days",
  memberIds,
  ...extra,
});

beforeAll(async () => {
  t = await createTestDatabase();
  boss = await startBoss(createBoss(t.url));
  receiver = await startReceiver();
  await t.db.user.create({
    data: { id: "u1", email: "ic@example.com", name: "IC", passwordHash: "x", role: "commander" },
  });
  const [payments, reports] = await Promise.all([
    t.db.system.create({ data: { name: "Payments" } }),
    t.db.system.create({ data: { name: "Reports" } }),
  ]);
  ids.payments = payments.id;
  ids.reports = reports.id;
  const [sms, voice, smsBackup] = await Promise.all([
    t.db.notificationChannel.create({ data: { name: "SMS", type: "sms", url: `${receiver.url}/sms` } }),
    t.db.notificationChannel.create({ data: { name: "Voice", type: "voice", url: `${receiver.url}/voice` } }),
    t.db.notificationChannel.create({ data: { name: "SMS backup", type: "sms", url: `${receiver.url}/sms-backup` } }),
  ]);
  const ana = await t.db.contact.create({
    data: {
      name: "Ana Ruiz",
      phone: "+14155550101",
      notificationRules: {
        create: [
          { position: 0, channelId: sms.id, afterMinutes: 0 },
          { position: 1, channelId: voice.id, afterMinutes: 2 },
          { position: 2, channelId: smsBackup.id, afterMinutes: 5 },
        ],
      },
    },
  });
  const ben = await t.db.contact.create({ data: { name: "Ben Okafor", phone: "+14155550102" } });
  ids.ana = ana.id;
  ids.ben = ben.id;
  const system = { system: "test" };
  // Ben alone is always on call for "Payments primary"; "Reports rota" starts in 2099 (nobody on call yet).
  const primary = await createSchedule(
    t.db,
    system,
    scheduleFieldsSchema.parse({ name: "Payments primary", timeZone: "Europe/Berlin", layers: [layer([ben.id])] }),
  );
  const future = await createSchedule(
    t.db,
    system,
    scheduleFieldsSchema.parse({
      name: "Reports rota",
      timeZone: "Europe/Berlin",
      layers: [layer([ben.id], { startDate: "2099-01-01" })],
    }),
  );
  ids.primary = primary!.id;
  const level = (scheduleId: string) => ({
    create: [
      {
        position: 1,
        afterMinutes: 0,
        channels: { create: [{ channelId: sms.id }] },
        schedules: { create: [{ scheduleId }] },
      },
    ],
  });
  await t.db.escalationPolicy.create({
    data: { name: "Payments", systemId: payments.id, repeatTimes: 0, levels: level(primary!.id) },
  });
  await t.db.escalationPolicy.create({
    data: { name: "Reports", systemId: reports.id, repeatTimes: 0, levels: level(future!.id) },
  });
});

afterAll(async () => {
  await boss.stop({ graceful: false });
  await receiver.close();
});

const declare = (title: string, systemId: string) =>
  declareIncident(t.db, bossSink(boss), actor, {
    title,
    severity: "SEV1",
    systemId,
    serviceIds: [],
    commanderId: undefined,
    note: "",
  });

describe("escalation through a schedule", () => {
  it("resolves who is on call when the page fires: an override placed after declaration decides, through the contact's rules", async () => {
    const incident = await declare("Card payments failing", ids.payments);
    const at = incident.declaredAt;
    // Planned at declaration: one row for the schedule, nobody chosen yet.
    const planned = await t.db.escalationPage.findMany({ where: { incidentId: incident.id } });
    expect(planned.map((p) => [p.scheduleId, p.contactId, p.channelId])).toEqual([[ids.primary, null, null]]);

    // Ben was on call when the incident opened; Ana takes over before the page goes out.
    await createOverride(
      t.db,
      { system: "test" },
      overrideFieldsSchema.parse({
        scheduleId: ids.primary,
        contactId: ids.ana,
        replacesContactId: ids.ben,
        startsAt: minutes(at, -60),
        endsAt: minutes(at, 60),
      }),
    );
    let seen = receiver.received.length;
    expect(await fireDueEscalations(t.db, incident.id, at, config)).toEqual({ sent: 1, failed: 0 });
    expect(sentTo(seen)).toEqual(["/sms +14155550101"]);
    const line = await t.db.timelineEvent.findFirstOrThrow({
      where: { incidentId: incident.id, message: { contains: "on call" } },
    });
    expect(line.message).toBe("Level 1: Payments primary → Ana Ruiz (on call).");

    // Ana's rules: voice at +2 min (nothing at +1), SMS backup at +5.
    seen = receiver.received.length;
    expect(await fireDueEscalations(t.db, incident.id, minutes(at, 1), config)).toEqual({ sent: 0, failed: 0 });
    expect(await fireDueEscalations(t.db, incident.id, minutes(at, 2), config)).toEqual({ sent: 1, failed: 0 });
    expect(sentTo(seen)).toEqual(["/voice +14155550101"]);

    // Acknowledging cancels the +5 page.
    await acknowledgeIncident(t.db, actor, { incidentId: incident.id });
    seen = receiver.received.length;
    expect(await fireDueEscalations(t.db, incident.id, minutes(at, 10), config)).toEqual({ sent: 0, failed: 0 });
    expect(receiver.received.length).toBe(seen);
    expect(await findEscalationState(t.db, incident.id)).toMatchObject({ sent: 3, cancelled: 1, failed: 0 });
    const pages = await t.db.escalationPage.findMany({ where: { incidentId: incident.id }, orderBy: { dueAt: "asc" } });
    expect(pages.map((p) => [p.contactId, (p.dueAt.getTime() - at.getTime()) / 60_000, p.state])).toEqual([
      [null, 0, "sent"],
      [ids.ana, 0, "sent"],
      [ids.ana, 2, "sent"],
      [ids.ana, 5, "cancelled"],
    ]);
  });

  it("a schedule with nobody on call fails by name on the timeline and pages no one", async () => {
    const incident = await declare("Reports stale", ids.reports);
    const seen = receiver.received.length;
    expect(await fireDueEscalations(t.db, incident.id, incident.declaredAt, config)).toEqual({ sent: 0, failed: 1 });
    expect(receiver.received.length).toBe(seen);
    const failed = await t.db.timelineEvent.findFirstOrThrow({
      where: { incidentId: incident.id, kind: "notification_failed" },
    });
    expect(failed.message).toBe("Level 1: Reports rota — nobody is on call; nothing sent.");
  });
});

describe("handoff notices", () => {
  it("tell the outgoing and incoming person once, naming the open incidents, with two workers racing", async () => {
    const hourly = await createSchedule(
      t.db,
      { system: "test" },
      scheduleFieldsSchema.parse({
        name: "Hourly",
        timeZone: "Europe/Berlin",
        layers: [layer([ids.ana, ids.ben], { shiftLength: 1, shiftUnit: "hours" })],
      }),
    );
    // Every schedule was told up to 09:59 UTC; the workers run at 10:00:30 (a handoff at 10:00 UTC = 12:00 Berlin).
    const now = new Date("2027-06-01T10:00:30Z");
    await t.db.onCallSchedule.updateMany({ data: { handoffsNotifiedUntil: new Date("2027-06-01T09:59:00Z") } });
    const seen = receiver.received.length;
    const results = await Promise.all([1, 2, 3].map(() => sendHandoffNotices(t.db, now, config)));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(2);
    expect(results.reduce((n, r) => n + r.failed, 0)).toBe(0);
    const notices = receiver.received.slice(seen).map((r) => JSON.parse(r.body) as { to: string; text: string });
    expect(notices.map((n) => n.to).sort()).toEqual(["+14155550101", "+14155550102"]);
    const incoming = notices.find((n) => n.text.includes("You are on call"))!;
    expect(incoming.text).toMatch(
      /^On-call handoff: Hourly: You are on call for Hourly from Tue 1 Jun 12:00 Europe\/Berlin until Tue 1 Jun 13:00, taking over from (Ana Ruiz|Ben Okafor); open: INC-\d+ Card payments failing, INC-\d+ Reports stale/,
    );
    expect(notices.find((n) => n.text.includes("ended at"))!.text).toMatch(/shift for Hourly ended at Tue 1 Jun 12:00/);
    expect(await t.db.notificationDelivery.count({ where: { kind: "handoff", status: "sent" } })).toBe(2);
    const after = await t.db.onCallSchedule.findUniqueOrThrow({ where: { id: hourly!.id } });
    expect(after.handoffsNotifiedUntil).toEqual(now);
    // The next run finds nothing new.
    expect(await sendHandoffNotices(t.db, minutes(now, 1), config)).toEqual({ sent: 0, failed: 0 });
  });
});
