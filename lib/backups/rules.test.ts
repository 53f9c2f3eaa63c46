import { describe, expect, it } from "vitest";
import { cronProblem, missedSchedule, rpoBand } from "./rules";

const at = (iso: string) => new Date(iso);

describe("rpoBand", () => {
  it.each([
    [60, 60, "within"],
    [61, 60, "exceeded"],
    [120, 60, "exceeded"],
    [121, 60, "severe"],
    [240, 60, "severe"],
    [241, 60, "critical"],
    [null, 60, "never"],
    [30, null, "no_target"],
    [null, null, "no_target"],
    [0, 0, "within"],
    [5, 0, "critical"],
  ] as const)("age %s min against RPO %s min → %s", (age, rpo, band) => {
    expect(rpoBand(age, rpo)).toBe(band);
  });
});

describe("missedSchedule", () => {
  const created = at("2026-01-01T00:00:00Z");

  it("interval: missed only past one interval plus grace since the last run", () => {
    const schedule = { intervalMinutes: 60, cron: null, graceMinutes: 15 };
    const last = at("2026-11-21T10:00:00Z");
    expect(missedSchedule(schedule, last, created, at("2026-11-21T11:14:00Z"))).toEqual({
      missed: false,
      dueAt: at("2026-11-21T11:00:00Z"),
    });
    expect(missedSchedule(schedule, last, created, at("2026-11-21T11:16:00Z")).missed).toBe(true);
  });

  it("interval: a brand-new policy is not missed before its first due time", () => {
    const schedule = { intervalMinutes: 1440, cron: null, graceMinutes: 30 };
    expect(missedSchedule(schedule, null, at("2026-11-21T00:00:00Z"), at("2026-11-21T12:00:00Z")).missed).toBe(false);
    expect(missedSchedule(schedule, null, at("2026-11-19T00:00:00Z"), at("2026-11-21T12:00:00Z")).missed).toBe(true);
  });

  it("cron: daily at 02:00 UTC is missed once 02:00 plus grace passes without a run", () => {
    const schedule = { intervalMinutes: null, cron: "0 2 * * *", graceMinutes: 30 };
    const yesterday = at("2026-11-20T02:00:05Z");
    expect(missedSchedule(schedule, yesterday, created, at("2026-11-21T02:20:00Z")).missed).toBe(false);
    expect(missedSchedule(schedule, yesterday, created, at("2026-11-21T02:31:00Z")).missed).toBe(true);
    expect(missedSchedule(schedule, at("2026-11-21T01:59:30Z"), created, at("2026-11-21T09:00:00Z")).missed).toBe(
      false,
    );
    expect(missedSchedule(schedule, yesterday, created, at("2026-11-21T02:20:00Z")).dueAt).toEqual(
      at("2026-11-21T02:00:00Z"),
    );
  });

  it("cron: validates expressions in words", () => {
    expect(cronProblem("0 2 * * *")).toBeNull();
    expect(cronProblem("0 2 * *")).toMatch(/five fields/);
    expect(cronProblem("99 2 * * *")).toMatch(/not valid/);
  });
});
