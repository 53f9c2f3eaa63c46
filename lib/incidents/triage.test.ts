// The board's triage rule, as properties over generated incidents: attention first, never demoted by a
// worse clock, severity or tier; storms hold every incident once and only alike incidents together.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEVERITIES } from "./model";
import {
  collapseStorms,
  compareTriage,
  NEAR_BREACH_SHARE,
  rankIncidents,
  STORM_GAP_MINUTES,
  STORM_MIN_SIZE,
  triage,
  type TriageIncident,
} from "./triage";

const NOW = new Date("2026-03-01T03:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

const service = fc.record({
  name: fc.constantFrom("Payments DB", "Checkout API", "Search"),
  tier: fc.integer({ min: 1, max: 4 }),
  rtoMinutes: fc.option(fc.integer({ min: 1, max: 1440 }), { nil: null }),
  verifiedAt: fc.option(fc.constant(minutesAgo(1)), { nil: null }),
});

const incident: fc.Arbitrary<TriageIncident> = fc.record({
  number: fc.integer({ min: 1, max: 100_000 }),
  severity: fc.constantFrom(...SEVERITIES),
  declaredAt: fc.integer({ min: 0, max: 3000 }).map(minutesAgo),
  acknowledgedAt: fc.option(fc.constant(minutesAgo(0)), { nil: null }),
  services: fc.array(service, { maxLength: 4 }),
});

const ranked = (i: TriageIncident) => ({ ...i, triage: triage(i, NOW) });

describe("triage", () => {
  it("puts every unacknowledged or near-breach incident above every other one", () => {
    fc.assert(
      fc.property(fc.array(incident, { maxLength: 30 }), (incidents) => {
        const order = rankIncidents(incidents, NOW).map((i) => i.triage.attention);
        // attention is a prefix: no `true` after the first `false`
        expect(order.indexOf(false) === -1 || !order.slice(order.indexOf(false)).includes(true)).toBe(true);
      }),
    );
  });

  it("attention means exactly: not acknowledged, or the tightest running clock at 75% or more", () => {
    fc.assert(
      fc.property(incident, (i) => {
        const t = triage(i, NOW);
        expect(t.attention).toBe(!i.acknowledgedAt || (t.clock !== null && t.clock.share >= NEAR_BREACH_SHARE));
      }),
    );
  });

  it("never ranks an incident lower for a longer-running clock, a worse severity or a more critical tier", () => {
    fc.assert(
      fc.property(incident, fc.integer({ min: 1, max: 600 }), (i, extra) => {
        const base = ranked(i);
        const older = ranked({
          ...i,
          declaredAt: minutesAgo((NOW.getTime() - i.declaredAt.getTime()) / 60_000 + extra),
        });
        expect(older.triage.score).toBeGreaterThanOrEqual(base.triage.score);
        expect(older.triage.attention || !base.triage.attention).toBe(true);
        const worse = ranked({ ...i, severity: "SEV1" });
        expect(worse.triage.score).toBeGreaterThanOrEqual(base.triage.score);
        const critical = ranked({ ...i, services: i.services.map((s) => ({ ...s, tier: 1 })) });
        expect(critical.triage.score).toBeGreaterThanOrEqual(base.triage.score);
      }),
    );
  });

  it("is a total order: antisymmetric, and equal only for the same incident", () => {
    fc.assert(
      fc.property(incident, incident, (a, b) => {
        const [ra, rb] = [ranked(a), ranked(b)];
        expect(Math.sign(compareTriage(ra, rb))).toBe(-Math.sign(compareTriage(rb, ra)));
        if (a.number !== b.number) expect(compareTriage(ra, rb)).not.toBe(0);
      }),
    );
  });

  it("uses the tightest RTO of the services still down, and says how much of it is used", () => {
    const t = triage(
      {
        number: 1,
        severity: "SEV2",
        declaredAt: minutesAgo(12.3),
        acknowledgedAt: null,
        services: [
          { name: "Search", tier: 3, rtoMinutes: 240, verifiedAt: null },
          { name: "Payments DB", tier: 1, rtoMinutes: 15, verifiedAt: null },
          { name: "Cache", tier: 2, rtoMinutes: 5, verifiedAt: minutesAgo(2) },
        ],
      },
      NOW,
    );
    expect(t.clock).toMatchObject({ service: "Payments DB", rtoMinutes: 15 });
    expect(t.reasons).toEqual(["not acknowledged", "82% of RTO used (Payments DB, 15 min)", "SEV2", "Tier 1"]);
    expect(t.attention).toBe(true);
  });

  it.each([
    // [what, a, b]: a comes before b
    [
      "a new unacknowledged Tier 1 SEV1 before an unacknowledged Tier 3 SEV3 storm incident",
      { severity: "SEV1", tier: 1, rto: 15, ago: 0, ack: false },
      { severity: "SEV3", tier: 3, rto: 240, ago: 8, ack: false },
    ],
    [
      "an acknowledged incident at 90% of its RTO before an acknowledged SEV1 at 10%",
      { severity: "SEV3", tier: 3, rto: 100, ago: 90, ack: true },
      { severity: "SEV1", tier: 1, rto: 100, ago: 10, ack: true },
    ],
    [
      "an unacknowledged SEV4 before an acknowledged SEV1 with time left",
      { severity: "SEV4", tier: 4, rto: 1000, ago: 1, ack: false },
      { severity: "SEV1", tier: 1, rto: 100, ago: 10, ack: true },
    ],
    [
      "a SEV2 about to breach before a fresh SEV1, both unacknowledged",
      { severity: "SEV2", tier: 2, rto: 60, ago: 55, ack: false },
      { severity: "SEV1", tier: 2, rto: 60, ago: 1, ack: false },
    ],
  ] as const)("%s", (_what, a, b) => {
    const make = (x: typeof a | typeof b, number: number): TriageIncident => ({
      number,
      severity: x.severity,
      declaredAt: minutesAgo(x.ago),
      acknowledgedAt: x.ack ? NOW : null,
      services: [{ name: "S", tier: x.tier, rtoMinutes: x.rto, verifiedAt: null }],
    });
    expect(rankIncidents([make(b, 2), make(a, 1)], NOW).map((i) => i.number)).toEqual([1, 2]);
  });
});

describe("collapseStorms", () => {
  const candidate = fc.record({
    id: fc.uuid(),
    declaredAt: fc.integer({ min: 0, max: 120 }).map(minutesAgo),
    source: fc.constantFrom("alertmanager", "events_api", "manual"),
    systemId: fc.constantFrom("checkout", "payments", null),
    family: fc.constantFrom("HighLatency", "DiskFull", null),
  });

  it("keeps every incident exactly once, in rank order inside a storm, and storms only alike incidents", () => {
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 40 }), (incidents) => {
        const entries = collapseStorms(incidents);
        const ids = entries.flatMap((e) => (e.kind === "storm" ? e.incidents : [e.incident]).map((i) => i.id));
        expect([...ids].sort()).toEqual(incidents.map((i) => i.id).sort());
        const position = new Map(incidents.map((i, index) => [i.id, index]));
        for (const entry of entries) {
          if (entry.kind !== "storm") continue;
          expect(entry.incidents.length).toBeGreaterThanOrEqual(STORM_MIN_SIZE);
          expect(new Set(entry.incidents.map((i) => `${i.systemId}/${i.family}`)).size).toBe(1);
          expect(entry.incidents.every((i) => i.source !== "manual" && i.systemId && i.family)).toBe(true);
          const order = entry.incidents.map((i) => position.get(i.id)!);
          expect(order).toEqual([...order].sort((x, y) => x - y));
          const times = entry.incidents.map((i) => i.declaredAt.getTime()).sort((x, y) => x - y);
          for (let k = 1; k < times.length; k++)
            expect(times[k]! - times[k - 1]!).toBeLessThanOrEqual(STORM_GAP_MINUTES * 60_000);
        }
        // The storm card sits where its best-ranked incident was: entries keep the ranked order of their heads.
        const heads = entries.map((e) => position.get((e.kind === "storm" ? e.incidents[0]! : e.incident).id)!);
        expect(heads).toEqual([...heads].sort((x, y) => x - y));
      }),
    );
  });

  it("collapses 30 alerts of one system and family within minutes into one storm, but not a gap of more than 10 minutes", () => {
    const storm = Array.from({ length: 30 }, (_, i) => ({
      id: `s${i}`,
      declaredAt: minutesAgo(60 - i * 0.2),
      source: "alertmanager",
      systemId: "checkout",
      family: "CheckoutLatencyHigh",
    }));
    const later = { ...storm[0]!, id: "later", declaredAt: minutesAgo(60 - 29 * 0.2 - 11) };
    const other = { ...storm[0]!, id: "payments", systemId: "payments", family: "PaymentsDown" };
    const entries = collapseStorms([other, ...storm, later]);
    expect(entries.map((e) => (e.kind === "storm" ? `storm:${e.incidents.length}` : e.incident.id))).toEqual([
      "payments",
      "storm:30",
      "later",
    ]);
  });
});
