// findOnCallNow reads its own lean rows (members as arrays, only the overrides covering the instant): on Postgres
// it must answer exactly what the full read + onCallAt answers, for every schedule, at instants around overrides.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { onCallAt } from "./on-call-now";
import { findOnCallNow, findScheduleRotations } from "./queries";

let t: TestDatabase;
const HOUR = 3_600_000;
const base = Date.UTC(2027, 9, 30, 12); // the weekend Europe falls back

beforeAll(async () => {
  t = await createTestDatabase();
  const people = await Promise.all(
    ["Ana", "Ben", "Cho", "Dev"].map((name) => t.db.contact.create({ data: { name }, select: { id: true } })),
  );
  const [ana, ben, cho, dev] = people.map((p) => p.id) as [string, string, string, string];
  const layer = (
    position: number,
    zone: string,
    unit: "hours" | "days" | "weeks",
    members: string[],
    office = false,
  ) => ({
    position,
    timeZone: zone,
    startDate: "2027-10-01",
    handoffTime: "02:30",
    shiftLength: unit === "hours" ? 8 : 1,
    shiftUnit: unit,
    restrictions: office ? [{ days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" }] : [],
    members: { create: members.map((contactId, i) => ({ position: i + 1, contactId })) },
  });
  await t.db.onCallSchedule.create({
    data: {
      name: "Layered",
      timeZone: "Europe/Berlin",
      layers: {
        create: [
          layer(1, "Europe/Berlin", "weeks", [ana, ben]),
          layer(2, "America/New_York", "hours", [cho, dev, ana]),
          layer(3, "Europe/Berlin", "days", [dev, cho], true),
        ],
      },
      overrides: {
        create: [
          { contactId: ben, startsAt: new Date(base - 2 * HOUR), endsAt: new Date(base + 30 * HOUR), reason: "older" },
          { contactId: cho, startsAt: new Date(base + 20 * HOUR), endsAt: new Date(base + 50 * HOUR), reason: "newer" },
        ],
      },
    },
  });
  await t.db.onCallSchedule.create({ data: { name: "Empty", timeZone: "UTC" } });
  await t.db.onCallSchedule.create({
    data: { name: "Nobody in it", timeZone: "UTC", layers: { create: [layer(1, "UTC", "days", [])] } },
  });
});

describe("findOnCallNow on Postgres", () => {
  it("answers what the full read and onCallAt answer, for every schedule, before, inside and between overrides", async () => {
    const instants = [-30, -1, 0, 19, 21, 29.5, 31, 49, 51, 80].map((h) => new Date(base + h * HOUR));
    for (const at of instants) {
      const lean = await findOnCallNow(t.db, at);
      const full = await findScheduleRotations(t.db, undefined, new Date(0));
      expect(lean.size, at.toISOString()).toBe(3);
      for (const r of full)
        expect(lean.get(r.id), `${r.name} at ${at.toISOString()}`).toBe(
          onCallAt(r.layers, r.overrides, at)?.contactId ?? null,
        );
    }
  });

  it("schedules without layers or members have nobody; ids narrow the answer", async () => {
    const all = await findScheduleRotations(t.db);
    const byName = new Map(all.map((r) => [r.name, r.id]));
    const some = await findOnCallNow(t.db, new Date(base), [byName.get("Empty")!, byName.get("Nobody in it")!]);
    expect([...some.entries()].sort()).toEqual(
      [
        [byName.get("Empty")!, null],
        [byName.get("Nobody in it")!, null],
      ].sort(),
    );
  });
});
