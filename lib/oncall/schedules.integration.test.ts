// Schedule writes and feeds on a real Postgres: a stale save is refused, bad overrides store nothing, a schedule an
// escalation level pages cannot be deleted, and the iCal feeds answer only to the current token.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { contactFeed, scheduleFeed } from "./feed";
import { findOnCallNow } from "./queries";
import { createOverride, createSchedule, deleteSchedule, newFeedToken, updateSchedule } from "./schedules";
import { overrideFieldsSchema, scheduleFieldsSchema, updateScheduleSchema } from "./schemas";

let t: TestDatabase;
const alice = { system: "alice" };
const bob = { system: "bob" };
let ana = "",
  ben = "",
  cho = "";

beforeAll(async () => {
  t = await createTestDatabase();
  const create = (name: string) => t.db.contact.create({ data: { name }, select: { id: true } }).then((c) => c.id);
  [ana, ben, cho] = await Promise.all([create("Ana"), create("Ben"), create("Cho")]);
});

const fields = (name: string) =>
  scheduleFieldsSchema.parse({
    name,
    timeZone: "Europe/Berlin",
    layers: [
      {
        timeZone: "Europe/Berlin",
        startDate: "2027-03-01",
        handoffTime: "09:00",
        shiftLength: 1,
        shiftUnit: "weeks",
        memberIds: [ana, ben],
      },
    ],
  });

describe("on-call schedules on Postgres", () => {
  it("a save based on an older version is refused, naming who changed what, and the layers stay as the winner saved", async () => {
    const created = (await createSchedule(t.db, alice, fields("Primary")))!;
    const aliceEdit = updateScheduleSchema.parse({ ...fields("Primary"), id: created.id, version: created.version });
    aliceEdit.layers[0]!.memberIds = [cho];
    const saved = (await updateSchedule(t.db, alice, aliceEdit))!;
    expect(saved.version).toBe(created.version + 1);
    const bobEdit = updateScheduleSchema.parse({
      ...fields("Primary renamed"),
      id: created.id,
      version: created.version,
    });
    await expect(updateSchedule(t.db, bob, bobEdit)).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringMatching(/Someone else changed this schedule/),
    });
    const layers = await t.db.scheduleLayer.findMany({ where: { scheduleId: created.id }, include: { members: true } });
    expect(layers.map((l) => l.members.map((m) => m.contactId))).toEqual([[cho]]);
    expect((await t.db.onCallSchedule.findUnique({ where: { id: created.id } }))!.name).toBe("Primary");
    const audit = await t.db.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["schedule.create", "schedule.update"]);
  });

  it("an override that ends before it starts is refused by name and stores nothing; a good one is stored and wins", async () => {
    const { id } = (await createSchedule(t.db, alice, fields("Overrides")))!;
    const bad = overrideFieldsSchema.safeParse({
      scheduleId: id,
      contactId: cho,
      startsAt: "2027-05-03T12:00:00Z",
      endsAt: "2027-05-03T10:00:00Z",
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe("The override ends before it starts");
    expect(await t.db.scheduleOverride.count({ where: { scheduleId: id } })).toBe(0);

    const window = { startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) };
    const first = await createOverride(
      t.db,
      alice,
      overrideFieldsSchema.parse({ scheduleId: id, contactId: cho, replacesContactId: ana, ...window }),
    );
    expect(first.overlaps).toEqual([]);
    // The same covered person over the same time again: stored (the later wins), and the overlap is named.
    const second = await createOverride(
      t.db,
      alice,
      overrideFieldsSchema.parse({ scheduleId: id, contactId: ben, replacesContactId: ana, ...window }),
    );
    expect(second.overlaps).toEqual(["Cho"]);
    expect((await findOnCallNow(t.db, new Date(), [id])).get(id)).toBe(ben);
  });

  it("a schedule an escalation level pages cannot be deleted: the refusal names the policy", async () => {
    const created = (await createSchedule(t.db, alice, fields("Paged")))!;
    const policy = await t.db.escalationPolicy.create({
      data: { name: "Shop escalation", levels: { create: [{ position: 1, afterMinutes: 0 }] } },
      include: { levels: true },
    });
    await t.db.escalationLevelSchedule.create({ data: { levelId: policy.levels[0]!.id, scheduleId: created.id } });
    await expect(deleteSchedule(t.db, alice, created)).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("Shop escalation (level 1)"),
    });
    expect(await t.db.onCallSchedule.count({ where: { id: created.id } })).toBe(1);
    await t.db.escalationLevelSchedule.deleteMany({ where: { scheduleId: created.id } });
    await deleteSchedule(t.db, alice, created);
    expect(await t.db.onCallSchedule.count({ where: { id: created.id } })).toBe(0);
  });

  it("feeds answer only to the current token, with shifts at 09:00 in the schedule's zone; a new link revokes the old", async () => {
    const { id } = (await createSchedule(t.db, alice, fields("Feed")))!;
    const { feedToken: old } = await newFeedToken(t.db, alice, { kind: "schedule", id });
    expect(old).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const now = new Date("2027-03-20T12:00:00Z");
    const ics = (await scheduleFeed(t.db, old, now))!;
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toMatch(/SUMMARY:(Ana|Ben) on call/);
    // Every handoff is Monday 09:00 Berlin time, before and after the 2027-03-28 change.
    const starts = [...ics.matchAll(/DTSTART;TZID=Europe\/Berlin:(\d{8}T\d{6})/g)].map((m) => m[1]);
    expect(starts.length).toBeGreaterThan(7);
    expect(starts.slice(1).every((s) => s!.endsWith("T090000"))).toBe(true);
    expect(starts).toContain("20270329T090000");

    const { feedToken: renewed } = await newFeedToken(t.db, alice, { kind: "schedule", id });
    expect(await scheduleFeed(t.db, old, now)).toBeNull();
    expect(await scheduleFeed(t.db, renewed, now)).toContain("BEGIN:VEVENT");
    expect(await scheduleFeed(t.db, "not-a-token", now)).toBeNull();
    // The audit trail says a link was issued, never the secret.
    const audit = await t.db.auditEvent.findMany({ where: { entityId: id, action: "schedule.feed.renew" } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(renewed);

    const { feedToken: anaToken } = await newFeedToken(t.db, alice, { kind: "contact", id: ana });
    const mine = (await contactFeed(t.db, anaToken, now))!;
    expect(mine).toContain("SUMMARY:On call: Feed");
    expect(mine).not.toContain("Ben");
  });
});
