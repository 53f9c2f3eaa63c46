import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/test/database";
import { DEMO_SYSTEMS, DEMO_USERS } from "./demo-plans";
import { isDatabaseEmpty, seedDemo } from "./seed-demo";
import { DEMO_FLEET, DEMO_SYSTEM } from "@/lib/demo-fleet/fleet";

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
  });
});
