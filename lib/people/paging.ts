// "Who is paged at T+N?" The schedule an escalation policy produces from the moment an incident opens,
// until someone acknowledges. The incidents issue drives real escalation from this same schedule.
import type { ChannelReadiness, PagingChannel, PagingContact, PagingLevel, PagingPolicy } from "./model";
import { maskUrl } from "./model";

export type Page = {
  /** Minutes after the incident opened. */
  at: number;
  /** 0 for the first pass through the levels, 1 for the first repeat… */
  cycle: number;
  level: number;
  channel: { id: string; name: string; type: PagingChannel["type"] };
  contact: { id: string; name: string } | null;
  /** Phone, email or masked URL; null when the contact has none for this channel. */
  address: string | null;
  reachable: boolean;
  problem?: string;
};

/** The contacts a level pages: those named, plus everyone who fills a named role. */
export function levelContacts(level: PagingLevel, contacts: readonly PagingContact[]): PagingContact[] {
  const roles = new Set(level.roleTargets.map((r) => r.trim().toLowerCase()));
  const named = new Set(level.contactIds);
  return contacts
    .filter((c) => named.has(c.id) || c.roles.some((r) => roles.has(r.trim().toLowerCase())))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Levels in the order they fire (by time; position breaks ties). */
export function firingOrder(levels: readonly PagingLevel[]): PagingLevel[] {
  return [...levels].sort((a, b) => a.afterMinutes - b.afterMinutes || a.position - b.position);
}

function pagesForLevel(
  level: PagingLevel,
  at: number,
  cycle: number,
  contacts: readonly PagingContact[],
  channels: ReadonlyMap<string, PagingChannel>,
  readiness: ChannelReadiness,
): Page[] {
  const targets = levelContacts(level, contacts);
  const pages: Page[] = [];
  for (const channelId of level.channelIds) {
    const channel = channels.get(channelId);
    if (!channel) continue;
    const ready = readiness(channel);
    const base = {
      at,
      cycle,
      level: level.position,
      channel: { id: channel.id, name: channel.name, type: channel.type },
    };
    if (channel.type === "webhook") {
      pages.push({
        ...base,
        contact: null,
        address: maskUrl(channel.url),
        reachable: ready.ready,
        problem: ready.reason,
      });
      continue;
    }
    for (const contact of targets) {
      const address = channel.type === "email" ? contact.email : contact.phone;
      const problem =
        ready.reason ??
        (address ? undefined : `${contact.name} has no ${channel.type === "email" ? "email" : "phone"}`);
      pages.push({ ...base, contact: { id: contact.id, name: contact.name }, address, reachable: !problem, problem });
    }
  }
  return pages;
}

/** Every page the policy sends, all cycles included, in time order. */
export function pagingSchedule(
  policy: Pick<PagingPolicy, "levels" | "repeatTimes" | "repeatAfterMinutes">,
  contacts: readonly PagingContact[],
  channels: readonly PagingChannel[],
  readiness: ChannelReadiness,
): Page[] {
  const ordered = firingOrder(policy.levels);
  if (ordered.length === 0) return [];
  const byId = new Map(channels.map((c) => [c.id, c]));
  const cycleLength = ordered[ordered.length - 1]!.afterMinutes + Math.max(1, policy.repeatAfterMinutes);
  const pages: Page[] = [];
  for (let cycle = 0; cycle <= policy.repeatTimes; cycle++) {
    for (const level of ordered) {
      pages.push(...pagesForLevel(level, cycle * cycleLength + level.afterMinutes, cycle, contacts, byId, readiness));
    }
  }
  return pages;
}

export type PagingAt = { minute: number; fired: Page[]; upcoming: Page[]; currentLevel: number | null };

/** What has been sent by T+minute (nobody acknowledged), and what comes next. */
export function whoIsPagedAt(schedule: readonly Page[], minute: number): PagingAt {
  const fired = schedule.filter((p) => p.at <= minute);
  const upcoming = schedule.filter((p) => p.at > minute);
  return { minute, fired, upcoming, currentLevel: fired.length ? fired[fired.length - 1]!.level : null };
}

/** The policy that applies: the system's own, else the policy of its most critical tier. */
export function resolvePolicy<P extends Pick<PagingPolicy, "systemId" | "tier">>(
  policies: readonly P[],
  scope: { systemId: string | null; tier: number | null },
): P | null {
  return (
    (scope.systemId ? policies.find((p) => p.systemId === scope.systemId) : undefined) ??
    (scope.tier !== null ? policies.find((p) => p.tier === scope.tier) : undefined) ??
    null
  );
}
