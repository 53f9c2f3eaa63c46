import { describe, expect, it } from "vitest";
import { durationNote, findDuration, objective, parseDuration } from "./durations";
import { drillPeriodDays, parseFrequency } from "./schedule";

describe("parseDuration", () => {
  it.each([
    ["15 minutes", { kind: "exact", min: 15, max: 15 }],
    ["15 min", { kind: "exact", min: 15, max: 15 }],
    ["15 mins", { kind: "exact", min: 15, max: 15 }],
    ["15m", { kind: "exact", min: 15, max: 15 }],
    ["1 minute", { kind: "exact", min: 1, max: 1 }],
    ["1 hour", { kind: "exact", min: 60, max: 60 }],
    ["24 hours", { kind: "exact", min: 1440, max: 1440 }],
    ["0 hours", { kind: "exact", min: 0, max: 0 }],
    ["2 hrs", { kind: "exact", min: 120, max: 120 }],
    ["1.5 hours", { kind: "exact", min: 90, max: 90 }],
    ["2 days", { kind: "exact", min: 2880, max: 2880 }],
    ["1 week", { kind: "exact", min: 10_080, max: 10_080 }],
    ["**30 Minutes**", { kind: "exact", min: 30, max: 30 }],
    ["~20 min", { kind: "exact", min: 20, max: 20 }],
    ["15 minutes (target)", { kind: "exact", min: 15, max: 15 }],
    ["< 5 min", { kind: "at_most", max: 5 }],
    ["<5 min", { kind: "at_most", max: 5 }],
    ["≤ 1 hour", { kind: "at_most", max: 60 }],
    ["Within 10 minutes", { kind: "at_most", max: 10 }],
    ["up to 2 hours", { kind: "at_most", max: 120 }],
    ["30+ min", { kind: "at_least", min: 30 }],
    ["30 min+", { kind: "at_least", min: 30 }],
    ["> 4 hours", { kind: "at_least", min: 240 }],
    ["at least 1 day", { kind: "at_least", min: 1440 }],
    ["1-4 hours", { kind: "range", min: 60, max: 240 }],
    ["1 - 4 hours", { kind: "range", min: 60, max: 240 }],
    ["1–4 hours", { kind: "range", min: 60, max: 240 }],
    ["1 to 4 hours", { kind: "range", min: 60, max: 240 }],
    ["15-30 min", { kind: "range", min: 15, max: 30 }],
    ["2-5 minutes", { kind: "range", min: 2, max: 5 }],
    ["30 minutes - 2 hours", { kind: "range", min: 30, max: 120 }],
    ["30 minutes to 1 hour", { kind: "range", min: 30, max: 60 }],
    ["1 hour - 1 day", { kind: "range", min: 60, max: 1440 }],
    ["60-60 min", { kind: "exact", min: 60, max: 60 }],
  ])("%s", (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each([
    "Immediate",
    "Real-time",
    "Variable",
    "-",
    "",
    "N/A",
    "TBD",
    "15",
    "four hours",
    "30 seconds",
    "0.5 min",
    "4-1 hours",
    "< 1-4 hours",
    "2 years",
    "500 days",
    "hours",
    "1-4",
    "15 minutes or so, maybe",
    "5 mo",
  ])("%s is no duration", (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe("findDuration", () => {
  it("finds the phrase in a heading or a sentence", () => {
    expect(findDuration("Tier 1 - Critical (RTO: 15 min)")).toEqual({
      duration: { kind: "exact", min: 15, max: 15 },
      text: "15 min",
    });
    expect(findDuration("The RTO for the whole system is 1-4 hours.")).toEqual({
      duration: { kind: "range", min: 60, max: 240 },
      text: "1-4 hours",
    });
    expect(findDuration("restored within 30 minutes of the alert")?.duration).toEqual({ kind: "at_most", max: 30 });
    expect(findDuration("escalate after 30+ min")?.duration).toEqual({ kind: "at_least", min: 30 });
  });

  it("finds nothing without a unit", () => {
    expect(findDuration("Tier 1 - Critical")).toBeNull();
    expect(findDuration("Recovery order 3")).toBeNull();
    expect(findDuration("Immediate")).toBeNull();
  });
});

describe("objective and durationNote", () => {
  it("targets the upper end and keeps the lower end of a range", () => {
    expect(objective({ kind: "range", min: 60, max: 240 })).toEqual({ target: 240, lower: 60 });
    expect(objective({ kind: "exact", min: 15, max: 15 })).toEqual({ target: 15 });
    expect(objective({ kind: "at_most", max: 5 })).toEqual({ target: 5 });
    expect(objective({ kind: "at_least", min: 30 })).toEqual({ lower: 30 });
  });

  it("explains everything but a plain figure", () => {
    expect(durationNote("1-4 hours", { kind: "range", min: 60, max: 240 })).toBe(
      '"1-4 hours" is a range: 60–240 min, target 240',
    );
    expect(durationNote("< 5 min", { kind: "at_most", max: 5 })).toBe('"< 5 min" is an upper bound: target 5 min');
    expect(durationNote("30+ min", { kind: "at_least", min: 30 })).toBe(
      '"30+ min" has no upper end: 30 min kept as the lower end, no target',
    );
    expect(durationNote("15 min", { kind: "exact", min: 15, max: 15 })).toBeNull();
  });
});

describe("parseFrequency", () => {
  it.each([
    ["Daily", { intervalMinutes: 1440 }],
    ["Nightly", { intervalMinutes: 1440 }],
    ["Hourly", { intervalMinutes: 60 }],
    ["Weekly", { intervalMinutes: 10_080 }],
    ["Bi-weekly", { intervalMinutes: 20_160 }],
    ["Monthly", { intervalMinutes: 43_200 }],
    ["Every 6 hours", { intervalMinutes: 360 }],
    ["Every 15 minutes", { intervalMinutes: 15 }],
    ["Daily at 2:00 AM", { cron: "0 2 * * *" }],
    ["Daily at 2:30 AM", { cron: "30 2 * * *" }],
    ["Daily at 3:00 AM", { cron: "0 3 * * *" }],
    ["Daily at 12:15 AM", { cron: "15 0 * * *" }],
    ["Daily at 11 PM", { cron: "0 23 * * *" }],
    ["Nightly at 23:45", { cron: "45 23 * * *" }],
    ["Weekly on Sunday at 4:15 AM", { cron: "15 4 * * 0" }],
    ["Weekly at 4 AM", { intervalMinutes: 10_080 }],
    ["Real-time", { continuous: true }],
    ["Continuous", { continuous: true }],
  ])("%s", (text, expected) => {
    expect(parseFrequency(text)).toEqual(expected);
  });

  it.each(["On every commit", "Manual", "-", "Daily at 25:00"])("%s states no schedule it can keep", (text) => {
    const f = parseFrequency(text);
    if (text.startsWith("Daily")) expect(f).toEqual({ intervalMinutes: 1440 });
    else expect(f).toBeNull();
  });
});

describe("drillPeriodDays", () => {
  it.each([
    ["Monthly DR Tests", 30],
    ["Quarterly DR Tests", 91],
    ["Annual DR Tests", 365],
    ["Yearly DR Exercise", 365],
    ["Semi-annual failover test", 182],
    ["Weekly Drills", 7],
    ["Bi-weekly game day", 14],
  ])("%s → %i days", (text, days) => {
    expect(drillPeriodDays(text)).toBe(days);
  });

  it("is null without a period", () => {
    expect(drillPeriodDays("DR Tests")).toBeNull();
  });
});
