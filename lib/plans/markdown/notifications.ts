// The notification matrix: a table of events with who is told inside and outside the company, and when.
import type { PlanNotification } from "../format";
import { assignColumns, noteUnreadColumns } from "./columns";
import type { Doc } from "./doc";
import { parseDuration } from "./durations";
import { clip, isNone, plain } from "./inline";
import { cell } from "./tables";

const COLUMNS = {
  event: /^(?:events?|triggers?|milestones?|stages?|phases?)$/i,
  internal: /internal/i,
  external: /external|customer|public/i,
  timing: /timeline|timing|time|deadline|sla|when|frequency/i,
};

const EVENTS: [RegExp, PlanNotification["event"]][] = [
  [/detect|identified|reported|alert/i, "detected"],
  [/activat|declared|invoked|failover/i, "dr_activated"],
  [/complete|resolved|restored|all clear|closed|finished|recovered/i, "recovery_complete"],
  [/progress|update|status/i, "progress_update"],
  [/start|begin|began|initiat|underway/i, "recovery_started"],
];

function eventOf(text: string): PlanNotification["event"] | undefined {
  return EVENTS.find(([pattern]) => pattern.test(text))?.[1];
}

/** "Immediate", "< 5 min", "Every 30 min", "Upon completion". */
function timingOf(text: string): Pick<PlanNotification, "timing" | "minutes"> | undefined {
  const t = text.trim();
  if (/^(?:immediate(?:ly)?|instant(?:ly)?|real[\s-]?time|asap|at once)$/i.test(t)) return { timing: "immediate" };
  if (
    /\b(?:upon|on|at|after)\s+(?:completion|resolution|recovery|close)\b|^(?:when|once)\s+(?:complete|resolved|done)/i.test(
      t,
    )
  )
    return { timing: "on_completion" };
  const every = /^every\s+(.+)$/i.exec(t);
  const hourly = /^hourly$/i.test(t) ? 60 : undefined;
  if (every || hourly) {
    const d = every ? parseDuration(every[1]!) : null;
    const minutes = hourly ?? (d?.kind === "exact" ? d.max : undefined);
    return minutes && minutes <= 10_080 ? { timing: "every", minutes } : undefined;
  }
  const d = parseDuration(t);
  if (!d || d.kind === "at_least") return undefined;
  return d.max >= 1 && d.max <= 10_080
    ? { timing: "within", minutes: d.max }
    : d.max === 0
      ? { timing: "immediate" }
      : undefined;
}

export function readNotifications(doc: Doc): PlanNotification[] {
  const out: PlanNotification[] = [];
  for (const table of doc.tables) {
    if (doc.isUsed(table.header.line)) continue;
    const c = assignColumns(table.header.cells, COLUMNS);
    if (c.event < 0 || (c.internal < 0 && c.external < 0) || c.timing < 0) continue;
    doc.use(table.header.line);
    noteUnreadColumns(doc, table, Object.values(c));
    for (const row of table.rows) {
      const eventText = plain(cell(row, c.event));
      const timingText = plain(cell(row, c.timing));
      const event = eventOf(eventText);
      const timing = timingOf(timingText);
      if (!event) {
        doc.note(
          `Event "${eventText}" is none of: detected, DR activated, recovery started, progress update, recovery complete`,
          row.line,
        );
        continue;
      }
      if (!timing) {
        doc.note(
          `Timing "${timingText}" of "${eventText}" is not immediate, within N min, every N min or on completion`,
          row.line,
        );
        continue;
      }
      doc.use(row.line);
      if (eventText.toLowerCase().replace(/[\s_]+/g, " ") !== event.replace(/_/g, " "))
        doc.note(`Event "${eventText}" read as ${event}`, row.line);
      if (isBound(timingText))
        doc.note(`Timing "${timingText}" read as ${timing.timing} ${timing.minutes} min`, row.line);
      for (const audience of ["internal", "external"] as const) {
        const recipients = plain(cell(row, c[audience]));
        if (c[audience] < 0 || isNone(recipients)) continue;
        out.push({ event, audience, recipients: clip(recipients, 500), ...timing });
      }
    }
  }
  return out;
}

/** Timings that are a bound ("< 5 min") deserve a note; "Immediate" does not. */
function isBound(text: string): boolean {
  return /\d/.test(text) && !/^every\b/i.test(text);
}
