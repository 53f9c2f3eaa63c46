import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import { DEMO_SYSTEMS, DEMO_USERS } from "./demo-plans";
import { isDatabaseEmpty, seedDemo } from "./seed-demo";
import { DEMO_FLEET, DEMO_SYSTEM } from "@/lib/demo-fleet/fleet";
import { onCallAt } from "@/lib/oncall/on-call-now";
import { findScheduleRotations } from "@/lib/oncall/queries";

describe("demo seed", () => {
  it("loads the users and the systems of the seed plans once, and never again", async () => {
    const { db } = await createTestDatabase();
    expect(await isDatabaseEmpty(db)).toBe(true);
    const [first, second] = await Promise.all([seedDemo(db), seedDemo(db)]);
    expect([first.seeded, second.seeded].sort()).toEqual([false, true]);

    expect((await db.user.findMany({ orderBy: { email: "asc" } })).map((u) => [u.email, u.role])).toEqual(
      [...DEMO_USERS].sort((a, b) => a.email.localeCompare(b.email)).map((u) => [u.email, u.role]),
    );
    // The systems of the seed plans, plus the simulated "Demo Shop" the demo recovers for real.
    expect(await db.system.count()).toBe(DEMO_SYSTEMS.length + 1);
    expect(await db.service.count()).toBe(DEMO_SYSTEMS.reduce((n, s) => n + s.services.length, 0) + DEMO_FLEET.length);
    expect(await db.runbook.count({ where: { system: { name: DEMO_SYSTEM } } })).toBe(2);
    expect(await db.demoService.count()).toBe(DEMO_FLEET.length);

    const mlService = await db.service.findFirstOrThrow({
      where: { name: "ML Service" },
      include: { dependsOn: { include: { dependsOn: true } } },
    });
    expect(mlService).toMatchObject({ tier: 1, rtoMinutes: 15 });
    expect(mlService.dependsOn.map((d) => d.dependsOn.name)).toEqual(["PostgreSQL"]);
    const livekit = await db.service.findFirstOrThrow({ where: { name: "LiveKit Server" } });
    expect(livekit).toMatchObject({ rtoMinutes: 10, rpoMinutes: 1, tier: 1 });
    expect(await db.auditEvent.count({ where: { actorEmail: "system:demo-seed" } })).toBeGreaterThan(DEMO_USERS.length);

    // The demo schedule: weekly Monday 09:00 Berlin through three people, a weekday 09:00–17:00 layer on top.
    const [schedule] = await findScheduleRotations(db);
    expect(schedule).toMatchObject({ name: "Platform primary", timeZone: "Europe/Berlin" });
    expect(schedule!.layers.map((l) => [l.shiftUnit, l.memberIds.length, l.restrictions.length])).toEqual([
      ["weeks", 3, 0],
      ["days", 2, 1],
    ]);
    const names = new Map((await db.contact.findMany()).map((c) => [c.id, c.name]));
    // Saturday 2027-01-09 12:00 Berlin: the weekend belongs to the weekly layer (the week from Monday 2027-01-04 is week 52 from 2026-01-05: turn 52 % 3 = 1).
    const saturday = onCallAt(schedule!.layers, [], new Date("2027-01-09T11:00:00Z"));
    expect(names.get(saturday!.contactId)).toBe("Tom Becker");
    // Monday 2027-01-11 10:00 Berlin: business hours, the day rota wins.
    const monday = onCallAt(schedule!.layers, [], new Date("2027-01-11T09:00:00Z"));
    expect(monday!.source).toBe(2);
  });
});
