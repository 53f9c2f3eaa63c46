// The two-week timeline of a schedule: one row per layer (highest first) and the final row, each shift a bar
// labelled with the person, its title giving the local start and end in the schedule's zone. Plain CSS widths:
// the bars are percentages of the window, so the drawing fits any screen without scrolling sideways.
import { DateTime } from "luxon";
import { formatLocal } from "@/lib/oncall/local-time";
import type { TimelineRow } from "@/lib/oncall/views";

const COLOURS = [
  "bg-sky-200 text-sky-900",
  "bg-amber-200 text-amber-900",
  "bg-emerald-200 text-emerald-900",
  "bg-violet-200 text-violet-900",
  "bg-rose-200 text-rose-900",
  "bg-lime-200 text-lime-900",
];

export function ScheduleTimeline(props: { from: Date; to: Date; timeZone: string; rows: TimelineRow[] }) {
  const { from, to, timeZone, rows } = props;
  const span = to.getTime() - from.getTime();
  const pct = (t: number) => `${(Math.min(Math.max(t - from.getTime(), 0), span) / span) * 100}%`;
  // One colour per person, the same in every row.
  const people = [...new Set(rows.flatMap((r) => r.bars.map((b) => b.contactId)))];
  const colour = (id: string) => COLOURS[people.indexOf(id) % COLOURS.length]!;
  // Local midnights in the schedule's zone, for the day ticks.
  const days: { at: number; label: string }[] = [];
  for (
    let d = DateTime.fromJSDate(from, { zone: timeZone }).startOf("day").plus({ days: 1 });
    d.toMillis() < to.getTime();
    d = d.plus({ days: 1 })
  )
    days.push({ at: d.toMillis(), label: d.toFormat("ccc d") });

  return (
    <div data-testid="schedule-timeline" className="space-y-1 text-xs">
      <div className="relative ml-20 h-4 overflow-hidden text-slate-500" aria-hidden>
        {days.map((d, i) =>
          i % 2 === 0 ? (
            <span key={d.at} className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: pct(d.at) }}>
              {d.label}
            </span>
          ) : null,
        )}
      </div>
      {rows.map((row) => (
        <div key={row.key} className="flex items-center gap-1" data-testid={`timeline-${row.key}`}>
          <div className={`w-20 shrink-0 truncate ${row.key === "final" ? "font-semibold" : "text-slate-600"}`}>
            {row.label}
          </div>
          <div className="relative h-7 min-w-0 flex-1 overflow-hidden rounded bg-slate-100">
            {days.map((d) => (
              <span key={d.at} className="absolute inset-y-0 w-px bg-white" style={{ left: pct(d.at) }} aria-hidden />
            ))}
            {row.bars.length === 0 && <span className="absolute inset-0 px-1 leading-7 text-slate-400">nobody</span>}
            {row.bars.map((bar) => {
              const title = `${bar.name}${bar.override ? " (override)" : ""}: ${formatLocal(bar.start, timeZone)} → ${formatLocal(bar.end, timeZone)} (${timeZone})`;
              return (
                <span
                  key={`${bar.start.getTime()}-${bar.contactId}`}
                  title={title}
                  aria-label={title}
                  role="img"
                  data-testid="timeline-bar"
                  className={`absolute inset-y-0.5 overflow-hidden truncate whitespace-nowrap rounded-sm border-l border-white px-1 leading-6 ${colour(bar.contactId)} ${bar.override ? "ring-2 ring-inset ring-slate-700" : ""}`}
                  style={{
                    left: pct(bar.start.getTime()),
                    width: `calc(${pct(bar.end.getTime())} - ${pct(bar.start.getTime())})`,
                  }}
                >
                  {bar.name}
                </span>
              );
            })}
          </div>
        </div>
      ))}
      <p className="text-slate-500">
        {formatLocal(from, timeZone, true)} → {formatLocal(to, timeZone, true)}. Outlined bars are overrides; the final
        row is who is paged.
      </p>
    </div>
  );
}
