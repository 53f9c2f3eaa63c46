import type { LiveState } from "./use-live-timeline";

const LABELS: Record<LiveState, { text: string; dot: string }> = {
  connecting: { text: "Connecting…", dot: "bg-slate-400" },
  live: { text: "Live", dot: "bg-green-500" },
  reconnecting: { text: "Reconnecting… (nothing will be missed)", dot: "bg-amber-500" },
  polling: { text: "Live stream unavailable: refreshing every 2 s", dot: "bg-amber-500" },
};

export function LiveBadge({ state }: { state: LiveState }) {
  const label = LABELS[state];
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-slate-600"
      data-testid="live-state"
      data-state={state}
    >
      <span className={`h-2 w-2 rounded-full ${label.dot}`} aria-hidden />
      {label.text}
    </span>
  );
}
