// One row of the services × days heatmap: a cell per UTC day, green if a backup succeeded that day,
// red if only failures were reported, grey if nothing ran.
const COLORS = { succeeded: "#16a34a", failed: "#dc2626", missing: "#e2e8f0" } as const;
const SIZE = 9;
const GAP = 2;

export function lastDays(days: number, now = new Date()): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) =>
    new Date(today - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

export function HeatmapStrip({
  days,
  cells,
  label,
}: {
  days: string[];
  cells: Map<string, "succeeded" | "failed">;
  label: string;
}) {
  const counts = { succeeded: 0, failed: 0, missing: 0 };
  return (
    <svg width={days.length * (SIZE + GAP)} height={SIZE} role="img" aria-label={`${label}: last ${days.length} days`}>
      {days.map((day, i) => {
        const state = cells.get(day) ?? "missing";
        counts[state] += 1;
        return (
          <rect
            key={day}
            x={i * (SIZE + GAP)}
            y={0}
            width={SIZE}
            height={SIZE}
            rx={1.5}
            fill={COLORS[state]}
            data-state={state}
          >
            <title>{`${day}: ${state}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

export function HeatmapLegend() {
  return (
    <p className="flex gap-3 text-xs text-slate-500">
      {Object.entries(COLORS).map(([state, color]) => (
        <span key={state} className="inline-flex items-center gap-1">
          <span style={{ background: color }} className="inline-block h-2.5 w-2.5 rounded-sm" /> {state}
        </span>
      ))}
    </p>
  );
}
