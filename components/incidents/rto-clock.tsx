"use client";
// A live RTO clock per affected service: time since the incident was declared against the service's RTO.
import { useEffect, useState } from "react";
import { rtoClock } from "@/lib/incidents/model";
import { formatMinutes } from "@/lib/inventory/tiers";
import { cn } from "@/components/ui/cn";

const TONES = {
  ok: "text-green-700",
  warning: "text-amber-700",
  breached: "text-red-700 font-semibold",
  recovered: "text-green-700",
  unknown: "text-slate-600",
} as const;

function useNow(intervalMs = 1000) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const clockText = (minutes: number) => {
  const total = Math.floor(minutes * 60);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h ? `${h}h ` : ""}${String(m).padStart(h ? 2 : 1, "0")}m ${String(s).padStart(2, "0")}s`;
};

export function RtoClock({
  declaredAt,
  rtoMinutes,
  verifiedAt,
  resolvedAt,
}: {
  declaredAt: string;
  rtoMinutes: number | null;
  verifiedAt?: string | null;
  resolvedAt?: string | null;
}) {
  const now = useNow();
  const stopped = verifiedAt ?? resolvedAt ?? null;
  const clock = rtoClock(
    new Date(declaredAt),
    rtoMinutes,
    stopped ? new Date(stopped) : now,
    verifiedAt ? new Date(verifiedAt) : null,
  );
  const label =
    clock.state === "recovered"
      ? `recovered in ${clockText(clock.elapsedMinutes)}`
      : clock.rtoMinutes === null
        ? `${clockText(clock.elapsedMinutes)} · no RTO set`
        : clock.state === "breached"
          ? `${clockText(clock.elapsedMinutes)} · RTO ${formatMinutes(clock.rtoMinutes)} breached by ${clockText(-clock.remainingMinutes!)}`
          : `${clockText(clock.elapsedMinutes)} of ${formatMinutes(clock.rtoMinutes)} · ${clockText(clock.remainingMinutes!)} left`;
  const share = clock.rtoMinutes ? Math.min(1, clock.elapsedMinutes / clock.rtoMinutes) : 0;
  return (
    <div data-testid="rto-clock" data-state={clock.state}>
      <p className={cn("font-mono text-xs tabular-nums", TONES[clock.state])} suppressHydrationWarning>
        {label}
      </p>
      {clock.rtoMinutes !== null && (
        <div className="mt-1 h-1.5 w-full rounded bg-slate-100" aria-hidden>
          <div
            className={cn(
              "h-1.5 rounded",
              clock.state === "breached" ? "bg-red-600" : clock.state === "warning" ? "bg-amber-500" : "bg-green-600",
            )}
            style={{ width: `${share * 100}%` }}
          />
        </div>
      )}
    </div>
  );
}
