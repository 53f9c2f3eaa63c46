"use client";

// The one wrapper around Recharts: consistent size, axes, tooltip and colours for every chart in Lifeboat.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Series = { key: string; label: string; color: string };

export function TimeLineChart({ data, xKey, series, height = 220, yFormat }: { data: Record<string, string | number | null>[]; xKey: string; series: Series[]; height?: number; yFormat?: (v: number) => string }) {
  return (
    <div style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey={xKey} tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis tick={{ fontSize: 11 }} tickFormatter={yFormat} width={64} />
          <Tooltip formatter={(value) => (yFormat && typeof value === "number" ? yFormat(value) : String(value))} />
          {series.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} dot={false} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
