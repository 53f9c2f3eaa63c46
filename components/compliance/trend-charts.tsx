"use client";
// The compliance trends, drawn with the shared Recharts wrappers.
import { BarsChart, PointsWithTarget } from "@/components/charts/chart";
import type { MonthPoint, WeekPoint } from "@/lib/compliance/trends";

export function MonthlyCharts({ months }: { months: MonthPoint[] }) {
  const data = months.map((m) => ({
    month: m.month,
    measurements: m.measurements,
    percent: m.percent,
    incidents: m.incidents,
    mttr: m.mttrMinutes,
  }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <figure>
        <figcaption className="mb-1 text-sm font-medium">RTO measurements and % within target, per month</figcaption>
        <BarsChart
          data={data}
          xKey="month"
          bars={[{ key: "measurements", label: "Measurements", color: "#94a3b8" }]}
          lines={[{ key: "percent", label: "% within target", color: "#15803d" }]}
          lineFormat={(v) => `${v}%`}
        />
      </figure>
      <figure>
        <figcaption className="mb-1 text-sm font-medium">
          Incidents and mean time to recover (min), per month
        </figcaption>
        <BarsChart
          data={data}
          xKey="month"
          bars={[{ key: "incidents", label: "Incidents", color: "#f59e0b" }]}
          lines={[{ key: "mttr", label: "MTTR (min)", color: "#b91c1c" }]}
        />
      </figure>
    </div>
  );
}

export function WeeklyViolations({ weeks }: { weeks: WeekPoint[] }) {
  return (
    <BarsChart data={weeks} xKey="week" bars={[{ key: "violations", label: "RPO violations", color: "#dc2626" }]} />
  );
}

export function ServiceRtoChart({
  points,
  targetMinutes,
}: {
  points: { at: string; seconds: number; drill: boolean }[];
  targetMinutes: number | null;
}) {
  return (
    <PointsWithTarget
      points={points.map((p) => ({
        x: new Date(p.at).getTime(),
        y: Math.round(p.seconds / 6) / 10,
        label: p.drill ? "drill" : "incident",
      }))}
      target={targetMinutes}
      yFormat={(v) => `${v} min`}
    />
  );
}
