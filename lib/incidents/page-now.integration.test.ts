// Page now / add responders on real Postgres: a contact's own rules become level-0 pages due now with the
// message, audited and on the timeline; a schedule pages whoever is on call now (nobody → refused, nothing
// stored); the next level moves the policy's next level to now and ignores hand-sent pages; an acknowledged
// incident gets one page per added responder and no "next level"; a resolved one is refused.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createSchedule } from "@/lib/oncall/schedules";
import { scheduleFieldsSchema } from "@/lib/oncall/schemas";
import { MANUAL_LEVEL, pageNow } from "./page-now";

let t: TestDatabase;
const enqueued: { incidentId: string }[] = [];
const jobs = { enqueue: async (_tx: unknown, _queue: string, data: object) => void enqueued.push(data as never) };
const ic = { id: "u-ic", email: "ic@example.com" };
let sms = "";
let cleo = "";
let dan = "";

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.user.create({ data: { ...ic, name: "IC", passwordHash: "x", role: "commander" } });
  sms = (await t.db.notificationChannel.create({ data: { name: "SMS", type: "sms", url: "http://127.0.0.1:9/sms" } }))
    .id;
  cleo = (
    await t.db.contact.create({
      data: {
        name: "Cleo Park",
        phone: "+14155550103",
        notificationRules: {
          create: [
            { position: 1, channelId: sms, afterMinutes: 0 },
            { position: 2, channelId: sms, afterMinutes: 5 },
          ],
        },
      },
    })
  ).id;
  dan = (await t.db.contact.create({ data: { name: "Dan Wu", phone: "+14155550104", preferredChannels: ["sms"] } })).id;
});

async function openIncident(data: { acknowledged?: boolean } = {}) {
  return t.db.incident.create({
    data: {
      title: "Ledger down",
      severity: "SEV2",
      ...(data.acknowledged && { acknowledgedAt: new Date(), acknowledgedBy: "Ana" }),
    },
  });
}
const pagesOf = (incidentId: string) =>
  t.db.escalationPage.findMany({
    where: { incidentId },
    orderBy: { dueAt: "asc" },
    select: { level: true, contactId: true, channelId: true, message: true, dueAt: true, state: true },
  });

describe("page now", () => {
  it("pages a contact by their own rules with the message: level 0, due now and +5 min, audited, on the timeline", async () => {
    const incident = await openIncident();
    enqueued.length = 0;
    const started = Date.now();
    const result = await pageNow(t.db, jobs, ic, {
      incidentId: incident.id,
      target: { kind: "contact", contactId: cleo },
      message: "need a DBA",
    });
    expect(result).toEqual({ paged: "Cleo Park" });
    const pages = await pagesOf(incident.id);
    expect(pages.map((p) => [p.level, p.contactId, p.channelId, p.message, p.state])).toEqual([
      [MANUAL_LEVEL, cleo, sms, "ic@example.com: “need a DBA”", "pending"],
      [MANUAL_LEVEL, cleo, sms, "ic@example.com: “need a DBA”", "pending"],
    ]);
    expect(pages[1]!.dueAt.getTime() - pages[0]!.dueAt.getTime()).toBe(5 * 60_000);
    expect(pages[0]!.dueAt.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(enqueued).toHaveLength(2);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: incident.id, action: "incident.page" } });
    expect(audit.actorEmail).toBe("ic@example.com");
    const line = await t.db.timelineEvent.findFirstOrThrow({ where: { incidentId: incident.id } });
    expect(line.message).toBe("ic@example.com paged Cleo Park: “need a DBA”");
  });

  it("adds one page per responder to an acknowledged incident, and refuses its next level", async () => {
    const incident = await openIncident({ acknowledged: true });
    await pageNow(t.db, jobs, ic, { incidentId: incident.id, target: { kind: "contact", contactId: cleo } });
    expect(await pagesOf(incident.id)).toHaveLength(1);
    await expect(
      pageNow(t.db, jobs, ic, { incidentId: incident.id, target: { kind: "next-level" } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      field: "target",
      userMessage: expect.stringContaining("acknowledged"),
    });
  });

  it("pages whoever a schedule has on call now; with nobody on call it is refused and stores nothing", async () => {
    const now = new Date();
    const startDate = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
    const layer = { timeZone: "UTC", startDate, handoffTime: "00:00", shiftLength: 1, shiftUnit: "weeks" };
    const primary = (await createSchedule(
      t.db,
      ic,
      scheduleFieldsSchema.parse({ name: "Primary", timeZone: "UTC", layers: [{ ...layer, memberIds: [dan] }] }),
    ))!;
    const incident = await openIncident();
    const result = await pageNow(t.db, jobs, ic, {
      incidentId: incident.id,
      target: { kind: "schedule", scheduleId: primary.id },
      message: "",
    });
    expect(result).toEqual({ paged: "Dan Wu" });
    expect((await pagesOf(incident.id)).map((p) => [p.contactId, p.channelId, p.message])).toEqual([
      [dan, sms, "ic@example.com"],
    ]);
    expect((await t.db.timelineEvent.findFirstOrThrow({ where: { incidentId: incident.id } })).message).toBe(
      "ic@example.com paged Dan Wu (on call for Primary)",
    );

    // A layer that starts next year has nobody on call today.
    const later = (await createSchedule(
      t.db,
      ic,
      scheduleFieldsSchema.parse({
        name: "Later",
        timeZone: "UTC",
        layers: [{ ...layer, startDate: `${now.getUTCFullYear() + 1}-01-01`, memberIds: [dan] }],
      }),
    ))!;
    const quiet = await openIncident();
    await expect(
      pageNow(t.db, jobs, ic, { incidentId: quiet.id, target: { kind: "schedule", scheduleId: later.id } }),
    ).rejects.toMatchObject({ userMessage: "Nobody is on call on Later now.", field: "target" });
    expect(await pagesOf(quiet.id)).toEqual([]);
  });

  it("the next level moves the policy's next level to now, and never picks pages sent by hand", async () => {
    const incident = await openIncident();
    await t.db.escalationPage.createMany({
      data: [
        {
          incidentId: incident.id,
          dueAt: new Date(),
          cycle: 0,
          level: 1,
          contactId: dan,
          channelId: sms,
          state: "sent",
        },
        {
          incidentId: incident.id,
          dueAt: new Date(Date.now() + 600_000),
          cycle: 0,
          level: 2,
          contactId: cleo,
          channelId: sms,
        },
      ],
    });
    // A hand-sent page still pending (a +5 min rule step) must not count as "the next level".
    await pageNow(t.db, jobs, ic, { incidentId: incident.id, target: { kind: "contact", contactId: cleo } });
    const result = await pageNow(t.db, jobs, ic, {
      incidentId: incident.id,
      target: { kind: "next-level" },
      message: "wake the leads",
    });
    expect(result).toEqual({ paged: "level 2" });
    const level2 = await t.db.escalationPage.findFirstOrThrow({ where: { incidentId: incident.id, level: 2 } });
    expect(level2.dueAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(level2.message).toBe("ic@example.com: “wake the leads”");
  });

  it("refuses a resolved incident and an unknown contact, storing nothing", async () => {
    const resolved = await t.db.incident.create({
      data: { title: "Done", severity: "SEV3", status: "resolved", resolvedAt: new Date() },
    });
    await expect(
      pageNow(t.db, jobs, ic, { incidentId: resolved.id, target: { kind: "contact", contactId: cleo } }),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: expect.stringContaining("is resolved") });
    const open = await openIncident();
    await expect(
      pageNow(t.db, jobs, ic, { incidentId: open.id, target: { kind: "contact", contactId: "nobody" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", field: "target" });
    expect([...(await pagesOf(resolved.id)), ...(await pagesOf(open.id))]).toEqual([]);
    expect(await t.db.timelineEvent.count({ where: { incidentId: { in: [resolved.id, open.id] } } })).toBe(0);
  });
});
