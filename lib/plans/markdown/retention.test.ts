import { describe, expect, it } from "vitest";
import { extractMarkdownPlan } from "./extract";
import { findRetentions, findTierRetentions, hasRetentionCue, parseRetentionDays } from "./retention";
import { cronEvery, findFrequencies, findTimes, onCalendarEvery } from "./schedule";

describe("parseRetentionDays", () => {
  it.each([
    ["Last 24 hours retained", 1, true],
    ["Last 36 hours retained", 2, true],
    ["Last 30 days retained", 30, false],
    ["Last 12 weeks retained", 84, true],
    ["Last 12 months retained", 360, true],
    ["1 month", 30, true],
    ["keep 2 years", 730, true],
    ["Retención: 30 días", 30, false],
    ["conservés 30 jours", 30, false],
    ["Aufbewahrung: 14 Tage", 14, false],
    ["30 gün saklanır", 30, false],
    ["30일 보관", 30, false],
    ["保留 14 天", 14, false],
    ["30-day retention", 30, false],
    ["kept 10–21 days", 21, false],
  ])("%s → %i days", (text, days, converted) => {
    expect(parseRetentionDays(text)).toMatchObject({ days, converted });
  });

  it("reads nothing from words without a number, nor a bound the plan only allows", () => {
    expect(parseRetentionDays("Forever")).toBeNull();
    expect(parseRetentionDays("Until the next backup")).toBeNull();
    expect(findRetentions("14 días (ampliable hasta 28 días)").map((r) => r.days)).toEqual([14]);
  });

  it("reads grandfather-father-son tiers and retention cues in many languages", () => {
    expect(findTierRetentions("retain 7 daily, 4 weekly, 12 monthly").map((r) => r.days)).toEqual([7, 28, 360]);
    for (const cue of ["kept for", "Retención", "conservées", "Aufbewahrung", "saklanır", "보관", "保留"])
      expect(hasRetentionCue(`x ${cue} y`), cue).toBe(true);
    expect(hasRetentionCue("housekeeping")).toBe(false);
  });
});

describe("schedules", () => {
  it.each([
    ["daily at 02:15", [1440]],
    ["every 6 hours", [360]],
    ["hourly", [60]],
    ["cada 6 horas", [360]],
    ["toutes les 6 heures", [360]],
    ["alle 6 Stunden", [360]],
    ["her 6 saatte bir", [360]],
    ["6시간마다", [360]],
    ["30分間隔の増分", [30]],
    ["每6小时", [360]],
    ["diária", [1440]],
    ["Quotidien 03h00", [1440]],
    ["täglich", [1440]],
    ["günlük", [1440]],
    ["매일", [1440]],
    ["毎日", [1440]],
    ["每天", [1440]],
    ["hebdomadaire", [10_080]],
    ["haftalık", [10_080]],
    ["Every 60 seconds", [1]],
    ["Directory export every 30 min; full nightly", [30, 1440]],
    ["job_daily.sh", []],
  ])("%s", (text, minutes) => {
    expect(findFrequencies(text).map((f) => f.everyMinutes)).toEqual(minutes);
  });

  it("reads times of day, crontab fields and systemd calendars", () => {
    expect(findTimes("Nightly at ~01:40")).toEqual(["01:40"]);
    expect(findTimes("Daily 3:00 AM")).toEqual(["03:00"]);
    expect(findTimes("Quotidien 03h00")).toEqual(["03:00"]);
    expect(findTimes("every 12h")).toEqual([]);
    expect(cronEvery("30 1 * * *")).toEqual({ everyMinutes: 1440, at: "01:30" });
    expect(cronEvery("0 6,18 * * *")).toEqual({ everyMinutes: 720 });
    expect(cronEvery("*/30 * * * *")).toEqual({ everyMinutes: 30 });
    expect(onCalendarEvery("*-*-* 02:30:00")).toEqual({ everyMinutes: 1440, at: "02:30" });
    expect(onCalendarEvery("Mon *-*-* 03:00")).toEqual({ everyMinutes: 10_080, at: "03:00" });
    expect(onCalendarEvery("daily")).toEqual({ everyMinutes: 1440 });
  });
});

const backups = (text: string) =>
  extractMarkdownPlan(text)
    .facts.filter((f) => f.kind === "backup")
    .map((f) => (f.kind === "backup" ? { every: f.everyMinutes, at: f.at, days: f.retentionDays, line: f.line } : {}));

describe("backup facts in a plan", () => {
  it("reads a numbered list with Frequency / Retention sub-bullets", () => {
    const facts = backups(
      "# Shop DR Plan\n\n## Backups\n\n1. Database\n   - Frequency: daily at 02:15\n   - Retention: 30 days\n   - Location: s3://shop\n",
    );
    expect(facts).toEqual(
      expect.arrayContaining([
        { every: 1440, at: "02:15", days: undefined, line: 6 },
        { every: undefined, at: undefined, days: 30, line: 7 },
      ]),
    );
  });

  it("reads crontab lines and systemd timers, not the restore drill beside them", () => {
    const facts = backups(
      "# Shop DR Plan\n\n## Backup jobs\n\n```cron\n# nightly dump\n15 2 * * * root /opt/backup.sh\n# trial restore\n0 7 * * 0 /opt/restore-test.sh\n```\n\n```ini\n[Timer]\nOnCalendar=*-*-* 03:45:00\n```\n",
    );
    expect(facts.map((f) => [f.every, f.at])).toEqual([
      [1440, "02:15"],
      [1440, "03:45"],
    ]);
  });

  it("reads a table with a Frequency and a Retention column, in other languages too", () => {
    const facts = backups(
      "# Plan\n\n## Sauvegardes\n\n| Données | Fréquence | Rétention |\n|---|---|---|\n| Base | Quotidien 03h00 | 30 jours |\n",
    );
    expect(facts).toEqual(
      expect.arrayContaining([
        { every: 1440, at: "03:00", days: undefined, line: 7 },
        { every: undefined, at: undefined, days: 30, line: 7 },
      ]),
    );
  });

  it("reads no drill calendar, no example and no cost as a backup", () => {
    expect(
      backups(
        "# Plan\n\n## Backups\n\n- Quarterly DR test of the backups\n- Restore testing: every 14 days\n- Apply retention (e.g., 21 days)\n- **Cost:** monthly add-on for snapshots\n",
      ),
    ).toEqual([]);
  });
});
