// Property tests of the rotation engine over random layers, zones and overrides across DST changes in both
// directions, checked against a plain reference (who covers each instant, by the stated priority rules), plus
// named examples a person can read: a weekly Berlin handoff, 12-hour New York shifts, a business-hours window.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { localInstant } from "./local-time";
import { onCallAt } from "./on-call-now";
import {
  coverageGaps,
  finalShifts,
  layerPieces,
  nowAndNext,
  type Restriction,
  type RotationLayer,
  type RotationOverride,
  type Shift,
} from "./rotation";

const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Australia/Sydney",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "UTC",
] as const;
const PEOPLE = ["ana", "ben", "cho", "dev", "eli"];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Windows start near the 2027 DST changes of these zones (March/April and September–November, both hemispheres).
const SPRING = Date.UTC(2027, 2, 1);
const AUTUMN = Date.UTC(2027, 8, 15);
const windowStart = fc.oneof(
  fc.integer({ min: SPRING, max: SPRING + 45 * DAY }),
  fc.integer({ min: AUTUMN, max: AUTUMN + 60 * DAY }),
);

const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
// Handoffs at 02:00–03:00 often: that is where the clocks jump.
const handoffTime = fc.oneof(hhmm, fc.constantFrom("02:00", "02:30", "03:00", "09:00", "00:00"));

const restriction: fc.Arbitrary<Restriction> = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }).map((d) => d.sort()),
    from: handoffTime,
    to: handoffTime,
  })
  .filter((r) => r.from !== r.to);

function layerArb(windowFrom: number, restricted: boolean | undefined = undefined) {
  return fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      // The first handoff lands up to 40 days before the window or 5 days into it.
      startOffsetDays: fc.integer({ min: -40, max: 5 }),
      handoffTime,
      unit: fc.constantFrom("hours" as const, "days" as const, "weeks" as const),
      hours: fc.integer({ min: 1, max: 24 }),
      length: fc.integer({ min: 1, max: 3 }),
      restrictions:
        restricted === false ? fc.constant([]) : fc.array(restriction, { minLength: restricted ? 1 : 0, maxLength: 2 }),
      memberIds: fc.array(fc.constantFrom(...PEOPLE), { minLength: 1, maxLength: 4 }),
    })
    .map((r): RotationLayer => ({
      position: 0,
      timeZone: r.timeZone,
      startDate: DateTime.fromMillis(windowFrom + r.startOffsetDays * DAY, { zone: r.timeZone }).toISODate()!,
      handoffTime: r.handoffTime,
      shiftLength: r.unit === "hours" ? r.hours : r.length,
      shiftUnit: r.unit,
      restrictions: [...r.restrictions],
      memberIds: r.memberIds,
    }));
}

type World = { from: number; to: number; layers: RotationLayer[]; overrides: RotationOverride[] };

const world: fc.Arbitrary<World> = fc.tuple(windowStart, fc.integer({ min: 2, max: 16 })).chain(([from, days]) => {
  const to = from + days * DAY;
  const override = fc
    .record({
      start: fc.integer({ min: from - 2 * DAY, max: to }),
      hours: fc.integer({ min: 1, max: 96 }),
      contactId: fc.constantFrom(...PEOPLE),
    })
    .map((o) => ({ ...o, end: o.start + o.hours * HOUR }));
  return fc.record({
    from: fc.constant(from),
    to: fc.constant(to),
    layers: fc
      .array(layerArb(from), { minLength: 1, maxLength: 3 })
      // Distinct positions in a shuffled order: nothing may rely on the order layers come in.
      .chain((layers) =>
        fc
          .shuffledSubarray(
            layers.map((_, i) => i + 1),
            { minLength: layers.length, maxLength: layers.length },
          )
          .map((positions) => layers.map((l, i) => ({ ...l, position: positions[i]! }))),
      ),
    overrides: fc.array(override, { maxLength: 3 }).map((list) =>
      list.map((o, i): RotationOverride => ({
        id: `o${i}`,
        contactId: o.contactId,
        replacesContactId: null,
        startsAt: new Date(o.start),
        endsAt: new Date(o.end),
      })),
    ),
  });
});

/** The reference answer: the latest override over t, else the highest layer whose own pieces cover t. */
function reference(w: World): (t: number) => { contactId: string; source: Shift["source"] } | null {
  const layers = [...w.layers]
    .sort((a, b) => b.position - a.position)
    .map((layer) => ({ position: layer.position, pieces: layerPieces(layer, w.from, w.to) }));
  return (t) => {
    const override = [...w.overrides].reverse().find((o) => o.startsAt.getTime() <= t && t < o.endsAt.getTime());
    if (override) return { contactId: override.contactId, source: "override" };
    for (const layer of layers) {
      const piece = layer.pieces.find((p) => p.start <= t && t < p.end);
      if (piece) return { contactId: piece.contactId, source: layer.position };
    }
    return null;
  };
}

/** Instants worth checking: every edge of every shift and piece (and just before it), plus random ones. */
function probes(w: World, shifts: Shift[], extra: number[]): number[] {
  const edges = [
    ...shifts.flatMap((s) => [s.start.getTime(), s.end.getTime()]),
    ...w.layers.flatMap((l) => layerPieces(l, w.from, w.to).flatMap((p) => [p.start, p.end])),
    ...w.overrides.flatMap((o) => [o.startsAt.getTime(), o.endsAt.getTime()]),
  ];
  // At most 200 edges, spread over the window: an hourly rotation has hundreds.
  const step = Math.max(1, Math.ceil(edges.length / 100));
  const some = edges.filter((_, i) => i % step === 0);
  return [...new Set([...some, ...some.map((e) => e - 1), ...extra])].filter((t) => t >= w.from && t < w.to);
}

const RUNS = { numRuns: 150 };
// Zone arithmetic through Intl costs: the properties get time to run all their cases.
const SLOW = 60_000;

describe("finalShifts over random rotations, zones and DST changes", () => {
  it(
    "shifts are sorted, non-empty and never overlap",
    () => {
      fc.assert(
        fc.property(world, (w) => {
          const shifts = finalShifts(w.layers, w.overrides, new Date(w.from), new Date(w.to));
          for (const [i, s] of shifts.entries()) {
            expect(s.end.getTime()).toBeGreaterThan(s.start.getTime());
            expect(s.start.getTime()).toBeGreaterThanOrEqual(w.from);
            expect(s.end.getTime()).toBeLessThanOrEqual(w.to);
            if (i > 0) expect(s.start.getTime()).toBeGreaterThanOrEqual(shifts[i - 1]!.end.getTime());
          }
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    "at every instant a layer or an override covers, exactly one person is on call: the override, else the highest layer",
    () => {
      fc.assert(
        fc.property(world, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }), (w, fractions) => {
          const shifts = finalShifts(w.layers, w.overrides, new Date(w.from), new Date(w.to));
          const random = fractions.map((f) => Math.floor(w.from + f * (w.to - w.from)));
          const expectedAt = reference(w);
          for (const t of probes(w, shifts, random)) {
            const covering = shifts.filter((s) => s.start.getTime() <= t && t < s.end.getTime());
            const expected = expectedAt(t);
            expect(covering.length, new Date(t).toISOString()).toBe(expected ? 1 : 0);
            if (expected) {
              expect(covering[0]!.contactId).toBe(expected.contactId);
              expect(covering[0]!.source).toBe(expected.source);
            }
          }
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    "onCallAt (the fast path) agrees with finalShifts at random instants",
    () => {
      fc.assert(
        fc.property(
          world,
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
          (w, fractions) => {
            const shifts = finalShifts(w.layers, w.overrides, new Date(w.from), new Date(w.to));
            // Edges too: the held answer must end exactly at a handoff.
            const instants = probes(
              w,
              shifts,
              fractions.map((f) => Math.floor(w.from + f * (w.to - w.from))),
            );
            for (const t of instants) {
              // Only where the 36-hour look-around of onCallAt stays inside the window finalShifts saw.
              const covering = shifts.find((s) => s.start.getTime() <= t && t < s.end.getTime());
              expect(onCallAt(w.layers, w.overrides, new Date(t))?.contactId ?? null, new Date(t).toISOString()).toBe(
                covering?.contactId ?? null,
              );
            }
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    "a layer without restrictions covers everything after its first handoff: no gaps",
    () => {
      fc.assert(
        fc.property(
          windowStart.chain((from) =>
            fc.tuple(fc.constant(from), layerArb(from, false), fc.integer({ min: 1, max: 20 })),
          ),
          ([from, layer, days]) => {
            const to = from + days * DAY;
            const first = localInstant(layer.startDate, layer.handoffTime, layer.timeZone).at.toMillis();
            const pieces = layerPieces(layer, from, to);
            const start = Math.max(first, from);
            if (start >= to) {
              expect(pieces).toEqual([]);
              return;
            }
            expect(pieces[0]!.start).toBe(start);
            expect(pieces.at(-1)!.end).toBe(to);
            for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.start).toBe(pieces[i - 1]!.end);
            const shifts = finalShifts([layer], [], new Date(from), new Date(to));
            expect(coverageGaps(shifts, new Date(start), new Date(to))).toEqual([]);
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    "day and week handoffs keep their local wall-clock time, unless the clocks skip it that day",
    () => {
      const dayLayer = windowStart.chain((from) =>
        fc.tuple(
          fc.constant(from),
          layerArb(from, false).filter((l) => l.shiftUnit !== "hours"),
          fc.integer({ min: 3, max: 40 }),
        ),
      );
      fc.assert(
        fc.property(dayLayer, ([from, layer, days]) => {
          const to = from + days * DAY;
          const pieces = layerPieces(layer, from, to);
          const handoffs = pieces.slice(1).map((p) => p.start);
          for (const at of handoffs) {
            const local = DateTime.fromMillis(at, { zone: layer.timeZone });
            const time = local.toFormat("HH:mm");
            if (time === layer.handoffTime) continue;
            // Only on a day that skips the handoff time does it move (forward by the gap).
            expect(localInstant(local.toISODate()!, layer.handoffTime, layer.timeZone).exists, local.toISO()!).toBe(
              false,
            );
          }
        }),
        RUNS,
      );
    },
    SLOW,
  );
});

const layer = (fields: Partial<RotationLayer>): RotationLayer => ({
  position: 1,
  timeZone: "UTC",
  startDate: "2027-01-04",
  handoffTime: "09:00",
  shiftLength: 1,
  shiftUnit: "weeks",
  restrictions: [],
  memberIds: ["ana", "ben"],
  ...fields,
});
const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");

describe("named examples", () => {
  it("weekly 09:00 Europe/Berlin stays 09:00 across 2027-03-28 (spring forward) and 2027-10-31 (fall back)", () => {
    const zone = "Europe/Berlin";
    const berlin = layer({ timeZone: zone, startDate: "2027-03-01", memberIds: ["ana", "ben", "cho"] });
    const shifts = finalShifts([berlin], [], at("2027-03-15T00:00", zone), at("2027-11-15T00:00", zone));
    expect(
      shifts.slice(1).every((s) => local(s.start, zone).startsWith("Mon") && local(s.start, zone).endsWith("09:00")),
    ).toBe(true);
    const spring = shifts.find((s) => s.start.toISOString() === "2027-03-22T08:00:00.000Z")!;
    expect(spring.end.toISOString()).toBe("2027-03-29T07:00:00.000Z"); // 167 hours: the clocks lost one
    const autumn = shifts.find((s) => s.start.toISOString() === "2027-10-25T07:00:00.000Z")!;
    expect(autumn.end.toISOString()).toBe("2027-11-01T08:00:00.000Z"); // 169 hours
    expect(spring.contactId).toBe("ana"); // the fourth week from 2027-03-01: ana again
  });

  it("a first handoff the clocks skip moves forward that day only: later handoffs are back at 02:00", () => {
    const zone = "America/New_York";
    // 2027-03-14 02:00 does not exist in New York (02:00 EST → 03:00 EDT).
    const daily = layer({ timeZone: zone, startDate: "2027-03-14", handoffTime: "02:00", shiftUnit: "days" });
    const shifts = finalShifts([daily], [], at("2027-03-13T00:00", zone), at("2027-03-18T00:00", zone));
    expect(shifts.map((s) => local(s.start, zone))).toEqual([
      "Sun 2027-03-14 03:00",
      "Mon 2027-03-15 02:00",
      "Tue 2027-03-16 02:00",
      "Wed 2027-03-17 02:00",
    ]);
  });

  it("12-hour shifts across the New York change are 12 elapsed hours each (nobody works 11 or 13)", () => {
    const zone = "America/New_York";
    const twelve = layer({ timeZone: zone, startDate: "2027-03-10", shiftLength: 12, shiftUnit: "hours" });
    const shifts = finalShifts([twelve], [], at("2027-03-12T00:00", zone), at("2027-03-17T00:00", zone));
    const inner = shifts.slice(1, -1);
    expect(inner.length).toBeGreaterThan(6);
    for (const s of inner) expect(s.end.getTime() - s.start.getTime()).toBe(12 * HOUR);
    // Before 2027-03-14 the handoffs are 09:00/21:00 EST; after it, the same instants read 10:00/22:00 EDT.
    expect(local(inner[0]!.start, zone)).toMatch(/(09|21):00$/);
    expect(local(inner.at(-1)!.start, zone)).toMatch(/(10|22):00$/);
    // Turns alternate, whatever the clocks do.
    for (let i = 1; i < inner.length; i++) expect(inner[i]!.contactId).not.toBe(inner[i - 1]!.contactId);
  });

  it("a restriction window 09:00–17:00 on weekdays: on call only then, nobody at night or at the weekend", () => {
    const zone = "Europe/Berlin";
    const office = layer({
      timeZone: zone,
      startDate: "2027-03-22",
      shiftUnit: "days",
      restrictions: [{ days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" }],
    });
    // The week of the spring change: Monday 2027-03-22 to Monday 2027-03-29.
    const shifts = finalShifts([office], [], at("2027-03-22T00:00", zone), at("2027-03-29T00:00", zone));
    expect(
      shifts.map((s) => `${local(s.start, zone)}–${DateTime.fromJSDate(s.end, { zone }).toFormat("HH:mm")}`),
    ).toEqual([
      "Mon 2027-03-22 09:00–17:00",
      "Tue 2027-03-23 09:00–17:00",
      "Wed 2027-03-24 09:00–17:00",
      "Thu 2027-03-25 09:00–17:00",
      "Fri 2027-03-26 09:00–17:00",
    ]);
    expect(shifts.map((s) => s.contactId)).toEqual(["ana", "ben", "ana", "ben", "ana"]);
    expect(onCallAt([office], [], at("2027-03-27T12:00", zone))).toBeNull();
  });

  it("a higher layer wins where it has someone; an override wins over both; nowAndNext names who is next", () => {
    const zone = "UTC";
    const base = layer({ position: 1, memberIds: ["ana"], shiftUnit: "days" });
    const day = layer({
      position: 2,
      memberIds: ["ben"],
      shiftUnit: "days",
      restrictions: [{ days: [1, 2, 3, 4, 5, 6, 7], from: "09:00", to: "17:00" }],
    });
    const cover: RotationOverride = {
      id: "o1",
      contactId: "cho",
      replacesContactId: "ben",
      startsAt: at("2027-05-03T12:00", zone),
      endsAt: at("2027-05-03T13:00", zone),
    };
    const who = (iso: string) => onCallAt([base, day], [cover], at(iso, zone))?.contactId;
    expect([
      who("2027-05-03T08:00"),
      who("2027-05-03T10:00"),
      who("2027-05-03T12:30"),
      who("2027-05-03T18:00"),
    ]).toEqual(["ana", "ben", "cho", "ana"]);
    const { now, next } = nowAndNext([base, day], [cover], at("2027-05-03T10:00", zone));
    expect([now?.contactId, next?.contactId, next?.start.toISOString()]).toEqual([
      "ben",
      "cho",
      "2027-05-03T12:00:00.000Z",
    ]);
  });
});
