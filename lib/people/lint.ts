// The matrix linter: problems that would make paging fail when it matters, shown where people edit.
import { isStale, type ChannelReadiness, type PagingChannel, type PagingContact, type PagingPolicy } from "./model";
import { firingOrder, levelContacts, pagingSchedule, resolvePolicy } from "./paging";
import type { ScheduleRotation } from "@/lib/oncall/queries";
import { lintSchedules, type ScheduleFinding } from "./lint-schedules";

export type LintFinding =
  | ScheduleFinding
  | {
      severity: "error" | "warning";
      code:
        | "tier1-system-without-policy"
        | "level-unreachable"
        | "same-people-as-previous-level"
        | "phone-channel-without-phone"
        | "levels-out-of-time-order"
        | "stale-contact-on-tier1-path"
        | "channel-not-ready";
      message: string;
      policyId?: string;
      systemId?: string;
      level?: number;
    };

export type LintInput = {
  policies: PagingPolicy[];
  contacts: PagingContact[];
  channels: PagingChannel[];
  /** Each system with its most critical service tier (null when it has no services). */
  systems: { id: string; name: string; topTier: number | null }[];
  readiness: ChannelReadiness;
  now: Date;
  /** On-call schedules with their rotations (levels may page them). */
  schedules?: ScheduleRotation[];
};

export function lintMatrix(input: LintInput): LintFinding[] {
  const findings: LintFinding[] = [];
  const channels = new Map(input.channels.map((c) => [c.id, c]));

  for (const system of input.systems) {
    if (system.topTier === 1 && !resolvePolicy(input.policies, { systemId: system.id, tier: 1 })) {
      findings.push({
        severity: "error",
        code: "tier1-system-without-policy",
        systemId: system.id,
        message: `${system.name} has Tier 1 services but no escalation policy (its own or the Tier 1 policy).`,
      });
    }
  }

  const tier1Policies = new Set(
    input.systems
      .filter((s) => s.topTier === 1)
      .map((s) => resolvePolicy(input.policies, { systemId: s.id, tier: 1 })?.id)
      .filter((id): id is string => Boolean(id)),
  );

  for (const policy of input.policies) {
    const at = (level: number) => ({ policyId: policy.id, level });
    const byPosition = [...policy.levels].sort((a, b) => a.position - b.position);
    for (let i = 1; i < byPosition.length; i++) {
      if (byPosition[i]!.afterMinutes <= byPosition[i - 1]!.afterMinutes) {
        findings.push({
          severity: "warning",
          code: "levels-out-of-time-order",
          ...at(byPosition[i]!.position),
          message: `${policy.name}: level ${byPosition[i]!.position} fires at ${byPosition[i]!.afterMinutes} min, not after level ${byPosition[i - 1]!.position} (${byPosition[i - 1]!.afterMinutes} min).`,
        });
      }
    }

    const ordered = firingOrder(policy.levels);
    let previous: string | null = null;
    for (const level of ordered) {
      const pages = pagingSchedule(
        { levels: [level], repeatTimes: 0, repeatAfterMinutes: 1 },
        input.contacts,
        input.channels,
        input.readiness,
      );
      if (!pages.some((p) => p.reachable)) {
        findings.push({
          severity: "error",
          code: "level-unreachable",
          ...at(level.position),
          message: `${policy.name}: no one can receive level ${level.position} (no target with a working channel).`,
        });
      }
      for (const channelId of level.channelIds) {
        const channel = channels.get(channelId);
        const ready = channel ? input.readiness(channel) : { ready: false, reason: "unknown channel" };
        if (!ready.ready)
          findings.push({
            severity: "error",
            code: "channel-not-ready",
            ...at(level.position),
            message: `${policy.name}: level ${level.position} uses ${ready.reason}.`,
          });
      }
      const people = levelContacts(level, input.contacts);
      for (const channelId of level.channelIds) {
        const channel = channels.get(channelId);
        if (channel && (channel.type === "sms" || channel.type === "voice")) {
          for (const person of people.filter((p) => !p.phone)) {
            findings.push({
              severity: "warning",
              code: "phone-channel-without-phone",
              ...at(level.position),
              message: `${policy.name}: ${person.name} has no phone number but level ${level.position} pages them by ${channel.type}.`,
            });
          }
        }
      }
      const key = people.map((p) => p.id).join(",");
      if (previous !== null && key !== "" && key === previous) {
        findings.push({
          severity: "warning",
          code: "same-people-as-previous-level",
          ...at(level.position),
          message: `${policy.name}: level ${level.position} pages the same people as the level before it, so it does not escalate.`,
        });
      }
      previous = key;
      if (tier1Policies.has(policy.id)) {
        for (const person of people.filter((p) => isStale(p.confirmedAt, input.now))) {
          findings.push({
            severity: "warning",
            code: "stale-contact-on-tier1-path",
            ...at(level.position),
            message: `${policy.name}: ${person.name}'s details were not confirmed in the last 90 days, and they are on a Tier 1 path.`,
          });
        }
      }
    }
  }
  const tier1PolicyIds = new Set([...input.policies.filter((p) => p.tier === 1).map((p) => p.id), ...tier1Policies]);
  findings.push(...lintSchedules({ ...input, schedules: input.schedules ?? [], tier1PolicyIds }));
  return findings;
}
