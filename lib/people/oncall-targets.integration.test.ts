// Notification rules and schedule targets as stored on Postgres: a rule whose channel cannot reach the contact is
// refused by field and stores nothing; good rules are stored in order and preferredChannels follows them; a level
// pages a schedule by id, audited by name, and a level naming an unknown schedule is refused.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createSchedule } from "@/lib/oncall/schedules";
import { scheduleFieldsSchema } from "@/lib/oncall/schemas";
import { createChannel } from "./channels";
import { createContact, updateContact } from "./contacts";
import { createPolicy } from "./policies";
import { contactFieldsSchema, policyFieldsSchema } from "./schemas";

let t: TestDatabase;
const alice = { system: "alice" };
const channels = { sms: "", voice: "", hook: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  const make = (name: string, type: "sms" | "voice" | "webhook") =>
    createChannel(t.db, alice, { name, type, url: "https://gateway.example/send", enabled: true }).then((c) => c.id);
  [channels.sms, channels.voice, channels.hook] = await Promise.all([
    make("SMS", "sms"),
    make("Voice", "voice"),
    make("Room", "webhook"),
  ]);
});

const rules = (...list: [string, number][]) => list.map(([channelId, afterMinutes]) => ({ channelId, afterMinutes }));

describe("notification rules", () => {
  it("refuses a rule whose channel cannot reach the contact, naming the rule, and stores nothing", async () => {
    const nia = await createContact(t.db, alice, contactFieldsSchema.parse({ name: "Nia", email: "nia@example.com" }));
    const save = (extra: object) =>
      updateContact(t.db, alice, {
        ...contactFieldsSchema.parse({ name: "Nia", email: "nia@example.com", ...extra }),
        id: nia.id,
        version: nia.version,
      });
    await expect(save({ rules: rules([channels.voice, 0]) })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "rules",
      userMessage: "Notification rule 1: Voice needs a phone number for Nia.",
    });
    await expect(
      save({ phone: "+14155550123", rules: rules([channels.sms, 0], [channels.hook, 1]) }),
    ).rejects.toMatchObject({
      field: "rules",
      userMessage: "Notification rule 2: Room is a webhook to a room; it cannot reach a person.",
    });
    expect(await t.db.contactNotificationRule.count({ where: { contactId: nia.id } })).toBe(0);
    expect((await t.db.contact.findUniqueOrThrow({ where: { id: nia.id } })).version).toBe(nia.version);

    const saved = await save({
      phone: "+14155550123",
      rules: rules([channels.sms, 0], [channels.voice, 2], [channels.sms, 5]),
    });
    expect(saved.notificationRules).toEqual(rules([channels.sms, 0], [channels.voice, 2], [channels.sms, 5]));
    expect(saved.preferredChannels).toEqual(["sms", "voice"]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: nia.id, action: "contact.update" } });
    expect(JSON.stringify(audit.after)).toContain(channels.voice);
  });
  it("a contact saved without rules keeps the preferences it came with (the break-glass pack prints them)", async () => {
    const seeded = await t.db.contact.create({
      data: { name: "Oli", phone: "+14155550177", preferredChannels: ["voice"] },
    });
    const saved = await updateContact(t.db, alice, {
      ...contactFieldsSchema.parse({ name: "Oli", phone: "+14155550177", rules: [] }),
      id: seeded.id,
      version: seeded.version,
    });
    expect(saved.preferredChannels).toEqual(["voice"]);
  });
});

describe("schedule targets", () => {
  it("a level pages a schedule (audited by name); a level naming an unknown schedule is refused", async () => {
    const ana = await createContact(t.db, alice, contactFieldsSchema.parse({ name: "Ana", phone: "+14155550101" }));
    const schedule = await createSchedule(
      t.db,
      alice,
      scheduleFieldsSchema.parse({
        name: "Payments primary",
        timeZone: "Europe/Berlin",
        layers: [
          {
            timeZone: "Europe/Berlin",
            startDate: "2026-01-01",
            handoffTime: "09:00",
            shiftLength: 1,
            shiftUnit: "weeks",
            memberIds: [ana.id],
          },
        ],
      }),
    );
    const fields = (scheduleIds: string[]) =>
      policyFieldsSchema.parse({
        name: `Schedules ${scheduleIds.length}`,
        repeatTimes: 0,
        repeatAfterMinutes: 10,
        tier: 2,
        levels: [{ afterMinutes: 0, scheduleIds, channelIds: [channels.sms] }],
      });
    await expect(createPolicy(t.db, alice, fields(["no-such-schedule", schedule!.id]))).rejects.toMatchObject({
      field: "levels",
      userMessage: "Level 1 names a schedule that does not exist (any more).",
    });
    const policy = await createPolicy(t.db, alice, fields([schedule!.id]));
    const rows = await t.db.escalationLevelSchedule.findMany({ where: { level: { policyId: policy!.id } } });
    expect(rows.map((r) => r.scheduleId)).toEqual([schedule!.id]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: policy!.id, action: "policy.create" } });
    expect(audit.after).toMatchObject({ levels: [{ level: 1, schedules: ["Payments primary"] }] });
    // A level with nobody: no contact, role or schedule.
    const empty = policyFieldsSchema.safeParse({
      name: "Empty",
      repeatTimes: 0,
      repeatAfterMinutes: 10,
      levels: [{ afterMinutes: 0, scheduleIds: [], channelIds: [channels.sms] }],
    });
    expect(empty.error?.issues[0]?.message).toBe("Level 1 has no one to page: add a contact, a role or a schedule");
  });
});
