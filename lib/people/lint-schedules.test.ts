import { describe, expect, it } from "vitest";
import type { ScheduleRotation } from "@/lib/oncall/queries";
import { lintMatrix, type LintInput } from "./lint";
import { channels, contacts, NOW, policy, ready } from "./test-fixtures";

// NOW is Sat 21 Nov 2026 12:00 UTC. A daily rotation of Ana and Cleo, handing off at 09:00 Berlin.
const layer = {
  position: 1,
  name: "Primary",
  timeZone: "Europe/Berlin",
  startDate: "2026-11-01",
  handoffTime: "09:00",
  shiftLength: 1,
  shiftUnit: "days" as const,
  restrictions: [],
  memberIds: ["ana", "cio"],
};
const schedule = (extra: Partial<ScheduleRotation> = {}): ScheduleRotation => ({
  id: "primary",
  name: "Payments primary",
  timeZone: "Europe/Berlin",
  layers: [layer],
  overrides: [],
  ...extra,
});
const paging = (scheduleIds: string[], tier: number | null = 1, channelIds = ["sms"]) => ({
  ...policy,
  tier,
  repeatTimes: 0,
  levels: [{ position: 1, afterMinutes: 0, contactIds: [], roleTargets: [], channelIds, scheduleIds }],
});
const base: LintInput = { policies: [], contacts, channels, systems: [], readiness: ready, now: NOW };
const codes = (input: Partial<LintInput>) =>
  lintMatrix({ ...base, ...input })
    .filter((f) => "scheduleId" in f)
    .map((f) => `${f.severity} ${f.code}`);
const override = (id: string, contactId: string, from: string, to: string) => ({
  id,
  contactId,
  replacesContactId: null,
  startsAt: new Date(from),
  endsAt: new Date(to),
});

describe("matrix linter: on-call schedules", () => {
  it("finds nothing wrong with a covered schedule a Tier 1 policy pages and that reaches everyone", () => {
    expect(codes({ policies: [paging(["primary"])], schedules: [schedule()] })).toEqual([]);
  });

  it("notes a schedule no policy pages", () => {
    const [finding] = lintMatrix({ ...base, schedules: [schedule()] });
    expect(finding).toMatchObject({
      severity: "info",
      code: "schedule-unused",
      message: "Payments primary: no escalation policy pages this schedule.",
    });
  });

  it("flags a coverage gap in the next 14 days on a schedule a Tier 1 policy pages, naming its first local time", () => {
    const weekdays = { ...layer, restrictions: [{ days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" }] };
    const input = { policies: [paging(["primary"])], schedules: [schedule({ layers: [weekdays] })] };
    expect(codes(input)).toEqual(["error schedule-coverage-gap"]);
    expect(lintMatrix({ ...base, ...input })[0]!.message).toBe(
      "Payments primary: nobody is on call from Sat 21 Nov 13:00 to Mon 23 Nov 09:00 (Europe/Berlin) and 10 more gap(s) in the next 14 days, and the Tier 1 policy Tier 1 standard pages it.",
    );
    // The same gap under a Tier 2 policy is not flagged.
    expect(codes({ ...input, policies: [paging(["primary"], 2)] })).toEqual([]);
    // A Tier 2 policy that is the policy of a system with Tier 1 services is.
    const systemPolicy = { ...paging(["primary"], null), systemId: "shop" };
    expect(codes({ ...input, policies: [systemPolicy], systems: [{ id: "shop", name: "Shop", topTier: 1 }] })).toEqual([
      "error schedule-coverage-gap",
    ]);
  });

  it("flags an on-call person (member or override) no channel reaches", () => {
    // Ben has no phone and no rules; he covers by override, and the level pages by SMS.
    const covered = schedule({
      overrides: [override("o1", "ben", "2026-11-22T08:00:00Z", "2026-11-22T20:00:00Z")],
    });
    const findings = lintMatrix({ ...base, policies: [paging(["primary"])], schedules: [covered] });
    expect(findings.map((f) => f.code)).toEqual(["oncall-contact-unreachable"]);
    expect(findings[0]!.message).toBe(
      "Tier 1 standard: Ben Lead can be on call for Payments primary (level 1), but no channel reaches them (add an email or phone, or notification rules).",
    );
    // His own rule by email reaches him.
    const ruled = contacts.map((c) => (c.id === "ben" ? { ...c, rules: [{ channelId: "mail", afterMinutes: 0 }] } : c));
    expect(codes({ contacts: ruled, policies: [paging(["primary"])], schedules: [covered] })).toEqual([]);
  });

  it("flags overlapping overrides on one schedule, and not back-to-back ones", () => {
    const overlapping = schedule({
      overrides: [
        override("o1", "ana", "2026-11-22T08:00:00Z", "2026-11-22T20:00:00Z"),
        override("o2", "cio", "2026-11-22T18:00:00Z", "2026-11-23T08:00:00Z"),
        override("o3", "ana", "2026-11-23T08:00:00Z", "2026-11-23T10:00:00Z"),
      ],
    });
    const findings = lintMatrix({ ...base, policies: [paging(["primary"])], schedules: [overlapping] });
    expect(findings.map((f) => f.code)).toEqual(["overlapping-overrides"]);
    expect(findings[0]!.message).toBe(
      "Payments primary: overrides for Ana On-call and Cleo Management overlap from Sun 22 Nov 19:00 (Europe/Berlin); the later one wins.",
    );
  });

  it("flags a layer with nobody in its rotation", () => {
    const empty = schedule({ layers: [layer, { ...layer, position: 2, name: "Nights", memberIds: [] }] });
    expect(codes({ policies: [paging(["primary"], 2)], schedules: [empty] })).toEqual(["error layer-without-members"]);
  });
});
