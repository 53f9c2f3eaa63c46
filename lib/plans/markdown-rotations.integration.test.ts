// A Markdown plan that states a rotation, imported into a real Postgres: the plan's contacts and the schedule
// they rotate through are stored (layer, zone, members in turn order); a rotation of strangers stores nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { importPlan } from "./import";
import { extractMarkdownPlan } from "./markdown/extract";

let t: TestDatabase;
const actor = { system: "test" };
const apply = { apply: true, canEditTiers: true };

beforeAll(async () => {
  t = await createTestDatabase();
});

const plan = (rotation: string) => `# Kestrel Ledger DR plan

## Contacts

- **DBA lead**: Alice Smith - alice@kestrel.test
- **SRE**: Bob Jones - bob@kestrel.test

## On-call

${rotation}
`;

describe("Markdown rotations imported", () => {
  it("a complete rotation of the plan's contacts becomes a stored schedule", async () => {
    const reading = extractMarkdownPlan(
      plan(
        "Database on-call rotates weekly (Monday 09:00 Europe/Berlin): Bob Jones, Alice Smith\n\n## Escalation\n\n1. **Level 1** (0-15 min): Database on-call",
      ),
      { today: "2027-03-24" },
    );
    expect(reading.problems).toEqual([]);
    const outcome = await importPlan(t.db, actor, reading.plan, apply);
    expect(outcome.problems).toEqual([]);
    const schedule = await t.db.onCallSchedule.findUnique({
      where: { name: "Database on-call" },
      include: { layers: { include: { members: { orderBy: { position: "asc" }, include: { contact: true } } } } },
    });
    expect(schedule?.timeZone).toBe("Europe/Berlin");
    expect(
      schedule?.layers.map((l) => [
        l.startDate,
        l.handoffTime,
        l.shiftLength,
        l.shiftUnit,
        l.members.map((m) => m.contact.name),
      ]),
    ).toEqual([["2027-03-29", "09:00", 1, "weeks", ["Bob Jones", "Alice Smith"]]]);
    // The escalation level that named the rotation pages the schedule.
    expect(await t.db.escalationLevelSchedule.count({ where: { scheduleId: schedule!.id } })).toBe(1);
  });

  it("a rotation naming people who are not the plan's contacts is a fact only: no schedule is stored", async () => {
    const reading = extractMarkdownPlan(
      plan("Network on-call rotates weekly (Friday 17:00 UTC): Dana Grey, Eve Stone"),
      { today: "2027-03-24" },
    );
    expect(reading.plan.schedules).toBeUndefined();
    expect(reading.facts.find((f) => f.kind === "schedule")).toMatchObject({
      why: "not contacts of this plan: Dana Grey, Eve Stone — no schedule made",
    });
    await importPlan(t.db, actor, reading.plan, apply);
    expect(await t.db.onCallSchedule.count({ where: { name: "Network on-call" } })).toBe(0);
  });
});
