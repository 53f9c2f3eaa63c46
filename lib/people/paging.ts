// "Who is paged at T+N?" The schedule an escalation policy produces from the moment an incident opens,
// until someone acknowledges. The incidents issue drives real escalation from this same schedule.
import type { ChannelReadiness, PagingChannel, PagingContact, PagingLevel, PagingPolicy } from "./model";
import { addressFor, maskUrl } from "./model";

export type Page = {
  /** Minutes after the incident opened. */
  at: number;
  /** 0 for the first pass through the levels, 1 for the first repeat… */
  cycle: number;
  level: number;
  /** Null on a schedule page not resolved yet: it becomes the on-call contact's pages when it fires. */
  channel: { id: string; name: string; type: PagingChannel["type"] } | null;
  contact: { id: string; name: string } | null;
  /** The schedule that put the contact on this page (or the unresolved schedule target); `onCallAt`: the minute asked. */
  schedule?: { id: string; name: string; onCallAt?: number };
  /** Phone, email or masked URL; null when the contact has none for this channel. */
  address: string | null;
  reachable: boolean;
  problem?: string;
};

/** Who is on call on a schedule at T+minute (contact id, or null for a gap). */
type OnCallResolver = (scheduleId: string, minute: number) => string | null;

export type ScheduleOptions = {
  /** Schedule names for display. */
  schedules?: readonly { id: string; name: string }[];
  /** Without it schedule targets stay unresolved pages (real escalation resolves them when they fire). */
  onCall?: OnCallResolver;
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

type Base = { at: number; cycle: number; level: number };

/**
 * The pages one contact gets when a level reaches them at `base.at`: their own rules (each channel at
 * +afterMinutes), else the level's person channels. Webhook channels are never per person.
 */
export function contactPages(
  base: Base,
  contact: PagingContact,
  levelChannelIds: readonly string[],
  channels: ReadonlyMap<string, PagingChannel>,
  readiness: ChannelReadiness,
): Page[] {
  const plan = contact.rules?.length
    ? contact.rules.map((r) => ({ channelId: r.channelId, after: r.afterMinutes }))
    : levelChannelIds.map((channelId) => ({ channelId, after: 0 }));
  const pages: Page[] = [];
  for (const step of plan) {
    const channel = channels.get(step.channelId);
    if (!channel || channel.type === "webhook") continue;
    const address = addressFor(channel.type, contact);
    const problem =
      readiness(channel).reason ??
      (address ? undefined : `${contact.name} has no ${channel.type === "email" ? "email" : "phone"}`);
    pages.push({
      ...base,
      at: base.at + step.after,
      channel: { id: channel.id, name: channel.name, type: channel.type },
      contact: { id: contact.id, name: contact.name },
      address,
      reachable: !problem,
      problem,
    });
  }
  return pages;
}

function pagesForLevel(
  level: PagingLevel,
  base: Base,
  contacts: readonly PagingContact[],
  channels: ReadonlyMap<string, PagingChannel>,
  readiness: ChannelReadiness,
  options: ScheduleOptions,
): Page[] {
  const pages: Page[] = [];
  const paged = new Set<string>();
  for (const contact of levelContacts(level, contacts)) {
    paged.add(contact.id);
    pages.push(...contactPages(base, contact, level.channelIds, channels, readiness));
  }
  const byId = new Map(contacts.map((c) => [c.id, c]));
  for (const scheduleId of level.scheduleIds ?? []) {
    const schedule = {
      id: scheduleId,
      name: options.schedules?.find((s) => s.id === scheduleId)?.name ?? "(removed schedule)",
    };
    if (!options.onCall) {
      pages.push({ ...base, channel: null, contact: null, schedule, address: null, reachable: true });
      continue;
    }
    const contact = byId.get(options.onCall(scheduleId, base.at) ?? "");
    if (!contact) {
      pages.push({
        ...base,
        channel: null,
        contact: null,
        schedule,
        address: null,
        reachable: false,
        problem: `nobody is on call for ${schedule.name}`,
      });
      continue;
    }
    if (paged.has(contact.id)) continue;
    paged.add(contact.id);
    const own = contactPages(base, contact, level.channelIds, channels, readiness);
    pages.push(...own.map((p) => ({ ...p, schedule: { ...schedule, onCallAt: base.at } })));
  }
  // The level's webhooks post once (to a room, not a person), after the people's pages.
  for (const channelId of level.channelIds) {
    const channel = channels.get(channelId);
    if (channel?.type !== "webhook") continue;
    const ready = readiness(channel);
    pages.push({
      ...base,
      channel: { id: channel.id, name: channel.name, type: channel.type },
      contact: null,
      address: maskUrl(channel.url),
      reachable: ready.ready,
      problem: ready.reason,
    });
  }
  return pages;
}

/** Every page the policy sends, all cycles included, in time order. */
export function pagingSchedule(
  policy: Pick<PagingPolicy, "levels" | "repeatTimes" | "repeatAfterMinutes">,
  contacts: readonly PagingContact[],
  channels: readonly PagingChannel[],
  readiness: ChannelReadiness,
  options: ScheduleOptions = {},
): Page[] {
  const ordered = firingOrder(policy.levels);
  if (ordered.length === 0) return [];
  const byId = new Map(channels.map((c) => [c.id, c]));
  const cycleLength = ordered[ordered.length - 1]!.afterMinutes + Math.max(1, policy.repeatAfterMinutes);
  const pages: Page[] = [];
  for (let cycle = 0; cycle <= policy.repeatTimes; cycle++) {
    for (const level of ordered) {
      const base = { at: cycle * cycleLength + level.afterMinutes, cycle, level: level.position };
      pages.push(...pagesForLevel(level, base, contacts, byId, readiness, options));
    }
  }
  // Rule pages at +N minutes fall between levels: keep the whole list in time order (stable).
  return pages
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.at - b.p.at || a.i - b.i)
    .map(({ p }) => p);
}

export type PagingAt = { minute: number; fired: Page[]; upcoming: Page[]; currentLevel: number | null };

/** What has been sent by T+minute (nobody acknowledged), and what comes next. */
export function whoIsPagedAt(schedule: readonly Page[], minute: number): PagingAt {
  const fired = schedule.filter((p) => p.at <= minute);
  const upcoming = schedule.filter((p) => p.at > minute);
  // A rule page at +N of an earlier level can come after a later level fired: the furthest level counts.
  const last = fired.reduce<Page | null>(
    (best, p) => (!best || p.cycle > best.cycle || (p.cycle === best.cycle && p.level > best.level) ? p : best),
    null,
  );
  return { minute, fired, upcoming, currentLevel: last?.level ?? null };
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
