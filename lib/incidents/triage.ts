// The command board's triage rule, pure so it can be tested on its own: which incidents need a person now
// (not acknowledged, or an RTO clock near breach), how urgent each is (RTO clock share, severity, tier),
// the words that say why, and which alert-opened incidents are one alert storm and share a card.
import type { Severity } from "@/lib/generated/prisma/enums";

/** From this share of the tightest RTO the clock turns amber (as rtoClock does): near breach. */
export const NEAR_BREACH_SHARE = 0.75;
/** Alert-opened incidents of one system and alert family, each within this long of the previous: one storm. */
export const STORM_GAP_MINUTES = 10;
/** Fewer incidents than this are not a storm: two cards are still readable on their own. */
export const STORM_MIN_SIZE = 3;

// Points: a clock at 100% outweighs one severity step plus one tier step, so a SEV2 about to breach
// comes before a fresh SEV1; severity outweighs tier. The clock share is capped at 1 (breached is breached).
const SEVERITY_POINTS: Record<Severity, number> = { SEV1: 30, SEV2: 20, SEV3: 10, SEV4: 0 };
const TIER_POINTS: Record<number, number> = { 1: 15, 2: 10, 3: 5 };
const CLOCK_POINTS = 40;

type TriageService = { name: string; tier: number; rtoMinutes: number | null; verifiedAt: Date | null };

export type TriageIncident = {
  number: number;
  severity: Severity;
  declaredAt: Date;
  acknowledgedAt: Date | null;
  services: TriageService[];
};

export type Triage = {
  /** Not acknowledged, or a running clock at or past NEAR_BREACH_SHARE: the top part of the board. */
  attention: boolean;
  score: number;
  /** The running clock with the tightest RTO (verified services' clocks have stopped), if any. */
  clock: { service: string; rtoMinutes: number; share: number } | null;
  /** Why the card is where it is, most telling first ("82% of RTO used (Payments DB, 15 min)"). */
  reasons: string[];
};

export function triage(incident: TriageIncident, now: Date): Triage {
  const elapsedMinutes = Math.max(0, (now.getTime() - new Date(incident.declaredAt).getTime()) / 60_000);
  let clock: Triage["clock"] = null;
  for (const service of incident.services) {
    if (service.verifiedAt || service.rtoMinutes === null || service.rtoMinutes <= 0) continue;
    if (!clock || service.rtoMinutes < clock.rtoMinutes)
      clock = { service: service.name, rtoMinutes: service.rtoMinutes, share: elapsedMinutes / service.rtoMinutes };
  }
  const tier = incident.services.length ? Math.min(...incident.services.map((s) => s.tier)) : null;
  const unacknowledged = !incident.acknowledgedAt;
  const nearBreach = clock !== null && clock.share >= NEAR_BREACH_SHARE;
  const score =
    SEVERITY_POINTS[incident.severity] +
    (tier === null ? 0 : (TIER_POINTS[tier] ?? 0)) +
    (clock ? Math.min(clock.share, 1) * CLOCK_POINTS : 0);
  const reasons: string[] = [];
  if (unacknowledged) reasons.push("not acknowledged");
  if (clock) {
    const percent = Math.floor(clock.share * 100);
    reasons.push(
      `${clock.share >= 1 ? `RTO breached, ${percent}%` : `${percent}% of RTO`} used (${clock.service}, ${clock.rtoMinutes} min)`,
    );
  }
  reasons.push(incident.severity);
  if (tier !== null) reasons.push(`Tier ${tier}`);
  return { attention: unacknowledged || nearBreach, score, clock, reasons };
}

/** Negative when a comes first: attention first, then the higher score, then the longer wait, then the number. */
export function compareTriage(
  a: { triage: Triage; declaredAt: Date; number: number },
  b: { triage: Triage; declaredAt: Date; number: number },
): number {
  if (a.triage.attention !== b.triage.attention) return a.triage.attention ? -1 : 1;
  if (a.triage.score !== b.triage.score) return b.triage.score - a.triage.score;
  const waited = new Date(a.declaredAt).getTime() - new Date(b.declaredAt).getTime();
  return waited !== 0 ? waited : a.number - b.number;
}

/** Ranks incidents for the board, each with its triage computed once against the same `now`. */
export function rankIncidents<T extends TriageIncident>(incidents: T[], now: Date): (T & { triage: Triage })[] {
  return incidents.map((incident) => ({ ...incident, triage: triage(incident, now) })).sort(compareTriage);
}

export type StormCandidate = {
  id: string;
  declaredAt: Date;
  /** Only incidents opened by alerts can be part of a storm. */
  source: string;
  systemId: string | null;
  /** The alert family of the incident's first alert (Alertmanager `alertname`, Events API class/group). */
  family: string | null;
};

export type BoardEntry<T> =
  | { kind: "incident"; incident: T }
  | { kind: "storm"; key: string; family: string; first: Date; last: Date; incidents: T[] };

/**
 * Storms: alert-opened incidents of one system and one alert family, each declared within STORM_GAP_MINUTES
 * of the one before, at least STORM_MIN_SIZE of them. The ranked list keeps its order; a storm's card takes
 * the place of its highest-ranked incident and lists its incidents in rank order.
 */
export function collapseStorms<T extends StormCandidate>(ranked: T[]): BoardEntry<T>[] {
  const families = new Map<string, T[]>();
  for (const incident of ranked) {
    if (incident.source === "manual" || !incident.systemId || !incident.family) continue;
    const key = `${incident.systemId}\u0000${incident.family}`;
    families.set(key, [...(families.get(key) ?? []), incident]);
  }
  const stormOf = new Map<string, string>();
  for (const [familyKey, members] of families) {
    const byTime = [...members].sort((a, b) => new Date(a.declaredAt).getTime() - new Date(b.declaredAt).getTime());
    let run: T[] = [];
    const close = () => {
      if (run.length >= STORM_MIN_SIZE) for (const m of run) stormOf.set(m.id, `${familyKey}\u0000${run[0]!.id}`);
      run = [];
    };
    for (const incident of byTime) {
      const previous = run.at(-1);
      const gap = previous ? new Date(incident.declaredAt).getTime() - new Date(previous.declaredAt).getTime() : 0;
      if (previous && gap > STORM_GAP_MINUTES * 60_000) close();
      run.push(incident);
    }
    close();
  }
  const entries: BoardEntry<T>[] = [];
  const storms = new Map<string, Extract<BoardEntry<T>, { kind: "storm" }>>();
  for (const incident of ranked) {
    const key = stormOf.get(incident.id);
    if (!key) {
      entries.push({ kind: "incident", incident });
      continue;
    }
    const declared = new Date(incident.declaredAt);
    const storm = storms.get(key);
    if (storm) {
      storm.incidents.push(incident);
      if (declared < storm.first) storm.first = declared;
      if (declared > storm.last) storm.last = declared;
      continue;
    }
    const created = {
      kind: "storm" as const,
      key,
      family: incident.family!,
      first: declared,
      last: declared,
      incidents: [incident],
    };
    storms.set(key, created);
    entries.push(created);
  }
  return entries;
}
