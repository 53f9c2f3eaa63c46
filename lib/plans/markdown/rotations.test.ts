// Rotations stated in Markdown plans: sentences, labels, week lists and tables become schedule facts, and a
// schedule of the plan only when the rotation is complete and its members are the plan's contacts.
import { describe, expect, it } from "vitest";
import { factLine } from "../fact-text";
import type { PlanFact } from "../format";
import { extractMarkdownPlan } from "./extract";

const CONTACTS = `# Ledger DR plan

## Contacts

- **DBA lead**: Alice Smith - alice@ledger.test
- **SRE**: Bob Jones - bob@ledger.test
- **SRE**: Carol White - carol@ledger.test
`;

const read = (body: string) => extractMarkdownPlan(`${CONTACTS}\n## On-call\n\n${body}\n`, { today: "2026-12-09" });
const schedules = (body: string) =>
  read(body).facts.filter((f): f is Extract<PlanFact, { kind: "schedule" }> => f.kind === "schedule");

describe("rotations in Markdown plans", () => {
  it("a weekly rotation with an IANA zone and the plan's contacts becomes a schedule, first handoff noted", () => {
    const r = read("Primary on-call rotates weekly (Monday 09:00 Europe/Berlin): Alice Smith, Bob Jones, Carol White");
    expect(r.problems).toEqual([]);
    expect(r.plan.schedules).toEqual([
      {
        name: "Primary on-call",
        timeZone: "Europe/Berlin",
        layers: [{ start: "2026-12-14 09:00", every: "1 week", members: ["Alice Smith", "Bob Jones", "Carol White"] }],
      },
    ]);
    expect(r.notes.map((n) => n.message)).toContain(
      'Rotation "Primary on-call": the plan dates no first handoff; it is set to 2026-12-14 09:00 with Alice Smith — check it',
    );
    const [fact] = r.facts.filter((f) => f.kind === "schedule");
    expect(factLine(fact!)).toMatch(/On-call rotation Primary on-call \(1 week, handoff Mon 09:00, Europe\/Berlin\)/);
  });

  it("an escalation level naming a rotation that became a schedule pages the schedule", () => {
    const r = extractMarkdownPlan(
      `${CONTACTS}\n## On-call\n\nPrimary on-call rotates weekly (Monday 09:00 UTC): Alice Smith, Bob Jones\n\n## Escalation\n\n1. **Level 1** (0-15 min): Primary on-call\n2. **Level 2** (15 min): Carol White\n`,
      { today: "2026-12-09" },
    );
    expect(r.plan.systems[0]!.escalation).toEqual([
      { level: 1, afterMinutes: 0, targets: [], schedules: ["Primary on-call"] },
      { level: 2, afterMinutes: 15, targets: ["Carol White"] },
    ]);
  });

  it("CET maps to one zone; a rotation without named members is a fact only, saying why", () => {
    expect(schedules("On-call: weekly rotation, handoff Mondays at 10:00 CET")).toMatchObject([
      {
        every: "1 week",
        handoff: "Mon 10:00",
        timeZone: "Europe/Brussels",
        why: "members not named: no schedule made",
      },
    ]);
    expect(schedules("24/7 on-call rotation of the DBA team, one week each.")).toMatchObject([
      { name: "DBA team", every: "1 week", members: [], why: "members not named: no schedule made" },
    ]);
  });

  it("IST is ambiguous: the fact says the zone is unclear and no schedule is made", () => {
    const r = read("Secondary on-call rotates every 12 hours at 08:00 IST: Bob Jones, Carol White");
    expect(r.plan.schedules).toBeUndefined();
    expect(r.facts.find((f) => f.kind === "schedule")).toMatchObject({
      every: "12 hours",
      handoff: "08:00",
      members: ["Bob Jones", "Carol White"],
      why: "zone unclear (IST is India, Ireland or Israel): no schedule made",
    });
  });

  it("a Week | Primary | Secondary table: one rotation per column, dated by its first row; strangers named", () => {
    const facts = schedules(
      [
        "| Week | Primary | Secondary |",
        "| ---- | ------- | --------- |",
        "| 2027-01-04 | Alice Smith | Bob Jones |",
        "| 2027-01-11 | Bob Jones | Dana Grey |",
        "| 2027-01-18 | Carol White | [TBD] |",
      ].join("\n"),
    );
    expect(facts.map((f) => [f.name, f.every, f.handoff, f.members, f.why])).toEqual([
      [
        "Primary",
        "1 week",
        "Mon",
        ["Alice Smith", "Bob Jones", "Carol White"],
        "no time zone stated: no schedule made",
      ],
      [
        "Secondary",
        "1 week",
        "Mon",
        ["Bob Jones", "Dana Grey"],
        "not contacts of this plan: Dana Grey — no schedule made",
      ],
    ]);
  });

  it("advice, examples and everyday 'daily' lines are no rotation", () => {
    expect(schedules("**Recommended:** 1-week rotations, handoff Monday mornings")).toEqual([]);
    expect(
      schedules("Check the dashboards daily.\n\n### Example rotation\n\n- Week 1: Alice Smith\n- Week 2: Bob Jones"),
    ).toEqual([]);
    expect(
      extractMarkdownPlan(`${CONTACTS}\n## Backups\n\nThe database is backed up daily at 02:00 UTC.\n`).facts.filter(
        (f) => f.kind === "schedule",
      ),
    ).toEqual([]);
  });

  it("12-hour shifts in US Pacific time with a 12-hour clock handoff", () => {
    const r = read("- Follow-up rotation: 12-hour shifts, handing off at 7pm PT: Carol White and Alice Smith");
    expect(r.plan.schedules?.[0]).toEqual({
      name: "Follow-up rotation",
      timeZone: "America/Los_Angeles",
      layers: [{ start: "2026-12-09 19:00", every: "12 hours", members: ["Carol White", "Alice Smith"] }],
    });
  });
});
