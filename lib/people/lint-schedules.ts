// The matrix linter's on-call checks: what would make a schedule target fail when it fires — a gap in coverage on a
// schedule a Tier 1 policy pages, an on-call person no channel reaches, overlapping overrides, a layer with nobody
// in it — and a schedule no policy pages (info).
import { DateTime } from "luxon";
import type { ScheduleRotation } from "@/lib/oncall/queries";
import { coverageGaps, finalShifts } from "@/lib/oncall/rotation";
import type { ChannelReadiness, PagingChannel, PagingContact, PagingPolicy } from "./model";
import { contactPages } from "./paging";

export type ScheduleFinding = {
  severity: "error" | "warning" | "info";
  code:
    | "schedule-coverage-gap"
    | "oncall-contact-unreachable"
    | "overlapping-overrides"
    | "layer-without-members"
    | "schedule-unused";
  message: string;
  scheduleId: string;
  policyId?: string;
  level?: number;
};

type Input = {
  schedules: readonly ScheduleRotation[];
  policies: readonly PagingPolicy[];
  contacts: readonly PagingContact[];
  channels: readonly PagingChannel[];
  readiness: ChannelReadiness;
  /** Policies that page Tier 1 (by tier, or as the policy of a system with Tier 1 services). */
  tier1PolicyIds: ReadonlySet<string>;
  now: Date;
};

const LOOK_AHEAD_MS = 14 * 86_400_000;
const when = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat("ccc d LLL HH:mm");

/** Everyone who may be on call in the look-ahead: the layers' members and the overrides' people. */
function onCallPeople(schedule: ScheduleRotation, now: Date): string[] {
  const ids = [
    ...schedule.layers.flatMap((l) => l.memberIds),
    ...schedule.overrides.filter((o) => o.endsAt > now).map((o) => o.contactId),
  ];
  return [...new Set(ids)];
}

export function lintSchedules(input: Input): ScheduleFinding[] {
  const findings: ScheduleFinding[] = [];
  const contacts = new Map(input.contacts.map((c) => [c.id, c]));
  const channels = new Map(input.channels.map((c) => [c.id, c]));
  const to = new Date(input.now.getTime() + LOOK_AHEAD_MS);
  for (const schedule of input.schedules) {
    const s = { scheduleId: schedule.id };
    const users = input.policies.flatMap((policy) =>
      policy.levels.filter((l) => l.scheduleIds?.includes(schedule.id)).map((level) => ({ policy, level })),
    );
    if (users.length === 0)
      findings.push({
        severity: "info",
        code: "schedule-unused",
        ...s,
        message: `${schedule.name}: no escalation policy pages this schedule.`,
      });
    schedule.layers.forEach((layer, i) => {
      if (layer.memberIds.length === 0)
        findings.push({
          severity: "error",
          code: "layer-without-members",
          ...s,
          message: `${schedule.name}: layer ${layer.name || i + 1} has nobody in its rotation.`,
        });
    });
    const live = schedule.overrides.filter((o) => o.endsAt > input.now);
    for (let i = 0; i < live.length; i++) {
      for (let j = i + 1; j < live.length; j++) {
        const [a, b] = [live[i]!, live[j]!];
        if (a.startsAt < b.endsAt && b.startsAt < a.endsAt) {
          const start = a.startsAt > b.startsAt ? a.startsAt : b.startsAt;
          findings.push({
            severity: "warning",
            code: "overlapping-overrides",
            ...s,
            message: `${schedule.name}: overrides for ${contacts.get(a.contactId)?.name ?? "someone"} and ${contacts.get(b.contactId)?.name ?? "someone"} overlap from ${when(start, schedule.timeZone)} (${schedule.timeZone}); the later one wins.`,
          });
        }
      }
    }
    const tier1 = users.find((u) => input.tier1PolicyIds.has(u.policy.id));
    if (tier1) {
      const shifts = finalShifts(schedule.layers, schedule.overrides, input.now, to);
      const gaps = coverageGaps(shifts, input.now, to);
      if (gaps.length > 0)
        findings.push({
          severity: "error",
          code: "schedule-coverage-gap",
          ...s,
          policyId: tier1.policy.id,
          level: tier1.level.position,
          message: `${schedule.name}: nobody is on call from ${when(gaps[0]!.start, schedule.timeZone)} to ${when(gaps[0]!.end, schedule.timeZone)} (${schedule.timeZone})${gaps.length > 1 ? ` and ${gaps.length - 1} more gap(s) in the next 14 days` : ""}, and the Tier 1 policy ${tier1.policy.name} pages it.`,
        });
    }
    for (const { policy, level } of users) {
      for (const contactId of onCallPeople(schedule, input.now)) {
        const contact = contacts.get(contactId);
        if (!contact) continue;
        const pages = contactPages(
          { at: 0, cycle: 0, level: level.position },
          contact,
          level.channelIds,
          channels,
          input.readiness,
        );
        if (!pages.some((p) => p.reachable))
          findings.push({
            severity: "error",
            code: "oncall-contact-unreachable",
            ...s,
            policyId: policy.id,
            level: level.position,
            message: `${policy.name}: ${contact.name} can be on call for ${schedule.name} (level ${level.position}), but no channel reaches them${contact.rules?.length ? " (check their notification rules)" : " (add an email or phone, or notification rules)"}.`,
          });
      }
    }
  }
  return findings;
}
