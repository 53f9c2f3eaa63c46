"use client";

// The one wrapper around Recharts: consistent size, axes, tooltip and colours for every chart in Lifeboat.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type Series = { key: string; label: string; color: string };

export function TimeLineChart({
  data,
  xKey,
  series,
  height = 220,
  yFormat,
}: {
  data: Record<string, string | number | null>[];
  xKey: string;
  series: Series[];
  height?: number;
  yFormat?: (v: number) => string;
}) {
  return (
    <div style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey={xKey} tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis tick={{ fontSize: 11 }} tickFormatter={yFormat} width={64} />
          <Tooltip formatter={(value) => (yFormat && typeof value === "number" ? yFormat(value) : String(value))} />
          {series.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Bars per period (counts), with optional lines on a second axis (a percentage, a duration). */
export function BarsChart({
  data,
  xKey,
  bars,
  lines = [],
  height = 220,
  lineFormat,
}: {
  data: Record<string, string | number | null>[];
  xKey: string;
  bars: Series[];
  lines?: Series[];
  height?: number;
  lineFormat?: (v: number) => string;
}) {
  return (
    <div style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey={xKey} tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis yAxisId="bars" tick={{ fontSize: 11 }} width={48} allowDecimals={false} />
          {lines.length > 0 && (
            <YAxis yAxisId="lines" orientation="right" tick={{ fontSize: 11 }} width={56} tickFormatter={lineFormat} />
          )}
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {bars.map((b) => (
            <Bar key={b.key} yAxisId="bars" dataKey={b.key} name={b.label} fill={b.color} isAnimationActive={false} />
          ))}
          {lines.map((l) => (
            <Line
              key={l.key}
              yAxisId="lines"
              type="monotone"
              dataKey={l.key}
              name={l.label}
              stroke={l.color}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Points over time against a target line (e.g. measured recovery times against the RTO). */
export function PointsWithTarget({
  points,
  target,
  height = 220,
  yFormat,
}: {
  points: { x: number; y: number; label: string }[];
  target: number | null;
  height?: number;
  yFormat?: (v: number) => string;
}) {
  const day = (v: number) => new Date(v).toISOString().slice(0, 10);
  return (
    <div style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis
            dataKey="x"
            type="number"
            domain={["dataMin", "dataMax"]}
            tickFormatter={day}
            tick={{ fontSize: 11 }}
          />
          <YAxis dataKey="y" tick={{ fontSize: 11 }} tickFormatter={yFormat} width={64} />
          <Tooltip
            formatter={(value, name) =>
              name === "y" && yFormat ? yFormat(Number(value)) : name === "x" ? day(Number(value)) : String(value)
            }
          />
          {target !== null && (
            <ReferenceLine
              y={target}
              stroke="#dc2626"
              strokeDasharray="4 4"
              label={{ value: "target", fontSize: 11, fill: "#dc2626" }}
            />
          )}
          <Scatter data={points} fill="#1d4ed8" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
