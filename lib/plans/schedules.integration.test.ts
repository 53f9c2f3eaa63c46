// Plans that carry on-call: schedules (layers, restrictions, overrides), levels paging a schedule, contacts'
// notification rules — imported into a real Postgres, exported back the same, and bad ones refused at the
// plan's own field with nothing stored.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import type { Plan } from "./format";
import { exportPlan } from "./export";
import { importPlan } from "./import";

let t: TestDatabase;
const actor = { system: "test" };
const apply = { apply: true, canEditTiers: true };
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const onCall: Plan = {
  version: 1,
  channels: [
    { name: "ops-sms", type: "sms" },
    { name: "ops-email", type: "email" },
  ],
  contacts: [
    {
      name: "Alice Smith",
      email: "alice@dba.test",
      notify: [
        { channel: "ops-sms", after: 0 },
        { channel: "ops-email", after: "5m" },
      ],
    },
    { name: "Bob Jones", email: "bob@dba.test" },
    { name: "Carol White", email: "carol@dba.test" },
  ],
  schedules: [
    {
      name: "DBA primary",
      timeZone: "Europe/Berlin",
      description: "Databases, round the clock",
      layers: [
        { name: "Weekly", start: "2026-12-07 09:00", every: "1 week", members: ["Alice Smith", "Bob Jones"] },
        {
          name: "Office hours",
          timeZone: "America/New_York",
          startDate: "2026-12-07",
          handoffTime: "08:00",
          shiftLength: 12,
          shiftUnit: "hours",
          restrictions: [
            { days: "weekdays", from: "09:00", to: "17:00" },
            { days: ["Sat"], from: "10:00", to: "12:00" },
          ],
          members: ["carol@dba.test"],
        },
      ],
      overrides: [
        { contact: "Carol White", replaces: "Alice Smith", from: future(1), to: future(2), reason: "dentist" },
      ],
    },
  ],
  systems: [
    {
      name: "Ledger",
      escalation: [
        { level: 1, afterMinutes: 0, targets: [], schedules: ["DBA primary"], channels: ["ops-sms"] },
        { level: 2, afterMinutes: 10, targets: ["DBA lead"] },
      ],
    },
  ],
};

beforeAll(async () => {
  t = await createTestDatabase();
});

describe("plans with on-call schedules", () => {
  it("creates the schedule, its layers, override, level target and notification rules", async () => {
    const outcome = await importPlan(t.db, actor, onCall, apply);
    expect(outcome.problems).toEqual([]);
    expect(outcome.applied).toBe(true);
    const schedule = await t.db.onCallSchedule.findUniqueOrThrow({
      where: { name: "DBA primary" },
      include: {
        layers: { orderBy: { position: "asc" }, include: { members: { include: { contact: true } } } },
        overrides: true,
        levelTargets: true,
      },
    });
    expect(schedule.layers.map((l) => [l.timeZone, l.startDate, l.handoffTime, l.shiftLength, l.shiftUnit])).toEqual([
      ["Europe/Berlin", "2026-12-07", "09:00", 1, "weeks"],
      ["America/New_York", "2026-12-07", "08:00", 12, "hours"],
    ]);
    expect(schedule.layers[1]!.restrictions).toEqual([
      { days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" },
      { days: [6], from: "10:00", to: "12:00" },
    ]);
    expect(schedule.layers[0]!.members.map((m) => m.contact.name)).toEqual(["Alice Smith", "Bob Jones"]);
    expect(schedule.overrides).toHaveLength(1);
    expect(schedule.levelTargets).toHaveLength(1);
    const alice = await t.db.contact.findFirstOrThrow({
      where: { name: "Alice Smith" },
      include: { notificationRules: { orderBy: { position: "asc" }, include: { channel: true } } },
    });
    expect(alice.notificationRules.map((r) => [r.channel.name, r.afterMinutes])).toEqual([
      ["ops-sms", 0],
      ["ops-email", 5],
    ]);
    expect(await t.db.auditEvent.count({ where: { action: "plan.import.schedule.create" } })).toBe(1);
  });

  it("export → import → export is identical, and a second import changes nothing", async () => {
    const first = await exportPlan(t.db);
    expect(first.schedules?.[0]).toMatchObject({
      name: "DBA primary",
      layers: [
        { start: "2026-12-07 09:00", every: "1 week", members: ["Alice Smith", "Bob Jones"] },
        {
          timeZone: "America/New_York",
          start: "2026-12-07 08:00",
          every: "12 hours",
          restrictions: [{ days: "weekdays" }, { days: ["Sat"] }],
          members: ["Carol White"],
        },
      ],
    });
    expect(first.systems[0]!.escalation![0]).toMatchObject({ schedules: ["DBA primary"] });
    const outcome = await importPlan(t.db, actor, first, apply);
    expect(outcome.problems).toEqual([]);
    expect(outcome.changes.filter((c) => c.action === "create" || c.action === "update")).toEqual([]);
    expect(await exportPlan(t.db)).toEqual(first);
  });

  it("two people sharing one phone (a team's on-call handset) come back as themselves: the round trip changes nothing", async () => {
    await t.db.contact.createMany({
      data: [
        { name: "Handset Ana", phone: "+14155550199" },
        { name: "Handset Ben", phone: "+14155550199" },
      ],
    });
    const plan = await exportPlan(t.db);
    const outcome = await importPlan(t.db, actor, plan, apply);
    expect(outcome.problems).toEqual([]);
    expect(outcome.changes.filter((c) => c.action === "create" || c.action === "update")).toEqual([]);
    const names = await t.db.contact.findMany({ where: { phone: "+14155550199" }, orderBy: { name: "asc" } });
    expect(names.map((c) => c.name)).toEqual(["Handset Ana", "Handset Ben"]);
  });

  it("replaces a schedule's layers when the plan changes them, and leaves out overrides that have ended", async () => {
    const schedule = await t.db.onCallSchedule.findUniqueOrThrow({ where: { name: "DBA primary" } });
    const carol = await t.db.contact.findFirstOrThrow({ where: { name: "Carol White" } });
    await t.db.scheduleOverride.create({
      data: {
        scheduleId: schedule.id,
        contactId: carol.id,
        startsAt: new Date(Date.now() - 3 * 86_400_000),
        endsAt: new Date(Date.now() - 2 * 86_400_000),
      },
    });
    const changed = structuredClone(onCall);
    changed.schedules![0]!.layers = [
      { start: "2026-12-07 10:00", every: "3 days", members: ["Bob Jones", "Carol White", "Alice Smith"] },
    ];
    const outcome = await importPlan(t.db, actor, changed, apply);
    expect(outcome.problems).toEqual([]);
    expect(outcome.changes.find((c) => c.entity === "schedule")).toMatchObject({ action: "update" });
    const after = await t.db.onCallSchedule.findUniqueOrThrow({
      where: { name: "DBA primary" },
      include: { layers: true },
    });
    expect(after.version).toBe(schedule.version + 1);
    expect(after.layers.map((l) => [l.shiftLength, l.shiftUnit, l.handoffTime])).toEqual([[3, "days", "10:00"]]);
    const exported = await exportPlan(t.db);
    expect(exported.schedules![0]!.overrides).toHaveLength(1); // the ended one is not exported
  });

  it.each([
    [
      "a handoff the clocks skip",
      (p: Plan) => (p.schedules![0]!.layers[0]!.start = "2027-03-28 02:30"),
      "schedules[0].layers[0].start",
      /does not exist on 2027-03-28 in Europe\/Berlin/,
    ],
    [
      "an unknown zone",
      (p: Plan) => (p.schedules![0]!.timeZone = "Europe/Atlantis"),
      "schedules[0].timeZone",
      /IANA zone/,
    ],
    [
      "a rotation of nobody",
      (p: Plan) => (p.schedules![0]!.layers[0]!.members = []),
      "schedules[0].layers[0].members",
      /at least one person/,
    ],
    [
      "an unknown contact",
      (p: Plan) => (p.schedules![0]!.layers[0]!.members = ["Alice Smith", "Dave Nobody"]),
      "schedules[0].layers[0].members[1]",
      /no contact "Dave Nobody"/,
    ],
    [
      "an override that ends before it starts",
      (p: Plan) => Object.assign(p.schedules![0]!.overrides![0]!, { from: future(3), to: future(2) }),
      "schedules[0].overrides[0].to",
      /ends before it starts/,
    ],
    [
      "a level paging an unknown schedule",
      (p: Plan) => (p.systems[0]!.escalation![0]!.schedules = ["Nobody's"]),
      "systems[0].escalation[0].schedules[0]",
      /no schedule "Nobody's"/,
    ],
    [
      "a notification rule on an unknown channel",
      (p: Plan) => (p.contacts![0]!.notify = [{ channel: "pager", after: 0 }]),
      "contacts[0].notify[0].channel",
      /no channel "pager"/,
    ],
  ])("refuses %s at the plan's field path and stores nothing", async (_, spoil, path, message) => {
    const bad = structuredClone(onCall);
    bad.schedules![0]!.name = "Fresh schedule";
    spoil(bad);
    const counts = async () => [
      await t.db.onCallSchedule.count(),
      await t.db.scheduleLayer.count(),
      await t.db.scheduleOverride.count(),
      await t.db.contactNotificationRule.count(),
    ];
    const before = await counts();
    const outcome = await importPlan(t.db, actor, bad, apply);
    expect(outcome.applied).toBe(false);
    expect(outcome.problems).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await counts()).toEqual(before);
  });
});
