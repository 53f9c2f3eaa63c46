"use client";

import { TimeLineChart } from "@/components/charts/chart";

const formatBytes = (bytes: number) => {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value >= 10 || unit === 0 ? 0 : 1)} ${units[unit]}`;
};

export function BackupSizeChart({ points }: { points: { day: string; bytes: number | null }[] }) {
  return (
    <TimeLineChart
      data={points}
      xKey="day"
      series={[{ key: "bytes", label: "Backup size", color: "#1d4ed8" }]}
      yFormat={formatBytes}
    />
  );
}
