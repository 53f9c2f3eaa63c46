// The fast local-time path (day numbers, luxon's offset asked once per zone and day) must give exactly the
// instant luxon gives for every local date and time, in zones with odd offsets and odd daylight-saving rules.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { anchorOf, handoffAt, zonedMillis } from "./local-time";

const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "America/Sao_Paulo",
  "Australia/Lord_Howe", // 30-minute summer time
  "Pacific/Chatham", // +12:45 / +13:45
  "Asia/Kathmandu", // +05:45
  "Africa/Casablanca", // clocks go back for Ramadan
  "America/Santiago",
  "Pacific/Apia", // skipped 2011-12-30 entirely
  "UTC",
];
const DAY = 86_400_000;

/** The local days (±1) on which each zone's offset changes, 2015–2030 (found through luxon, a day at a time). */
const nearChanges = ZONES.flatMap((zone) => {
  const days: number[] = [];
  let last = DateTime.fromMillis(Date.UTC(2015, 0, 1), { zone }).offset;
  for (let day = Date.UTC(2015, 0, 1) / DAY; day < Date.UTC(2030, 0, 1) / DAY; day++) {
    const offset = DateTime.fromMillis(day * DAY, { zone }).offset;
    if (offset !== last) days.push(day - 2, day - 1, day, day + 1);
    last = offset;
  }
  return days.map((day) => ({ zone, day }));
});

describe("zonedMillis", () => {
  it("agrees with luxon for every local date and time (gaps moved forward, repeats as luxon picks)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({
            zone: fc.constantFrom(...ZONES),
            day: fc.integer({ min: Date.UTC(2010, 0, 1) / DAY, max: Date.UTC(2035, 0, 1) / DAY }),
          }),
          // Most cases on and around the days the clocks change: that is where the fast path could go wrong.
          fc.constantFrom(...nearChanges),
          fc.constantFrom(...nearChanges),
        ),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        ({ zone, day }, minutes) => {
          const d = new Date(day * DAY);
          const expected = DateTime.fromObject(
            {
              year: d.getUTCFullYear(),
              month: d.getUTCMonth() + 1,
              day: d.getUTCDate(),
              hour: Math.floor(minutes / 60),
              minute: minutes % 60,
            },
            { zone },
          ).toMillis();
          expect(zonedMillis(day, minutes, zone)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("a weekly 02:30 Berlin handoff stays 02:30 across both 2027 changes; 02:30 on the spring-forward day reads 03:30", () => {
    const start = anchorOf("2027-03-01", "02:30", "Europe/Berlin")!;
    const local = (k: number) =>
      DateTime.fromMillis(handoffAt(start, k, 1, "weeks"), { zone: "Europe/Berlin" }).toFormat("yyyy-MM-dd HH:mm");
    // The Mondays either side of 2027-03-28 and 2027-10-31 (the changes happen on Sundays at 02:00 / 03:00).
    expect([3, 4, 34, 35].map(local)).toEqual([
      "2027-03-22 02:30",
      "2027-03-29 02:30",
      "2027-10-25 02:30",
      "2027-11-01 02:30",
    ]);
    expect(local(0)).toBe("2027-03-01 02:30");
    expect(
      DateTime.fromMillis(zonedMillis(Date.UTC(2027, 2, 28) / DAY, 150, "Europe/Berlin"), {
        zone: "Europe/Berlin",
      }).toFormat("HH:mm"),
    ).toBe("03:30");
  });
});
