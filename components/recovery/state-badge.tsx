import { Badge } from "@/components/ui/card";

const TONES = {
  pending: "slate",
  running: "blue",
  waiting: "amber",
  paused: "red",
  succeeded: "green",
  failed: "red",
  skipped: "slate",
  cancelled: "slate",
} as const;
const LABELS: Record<keyof typeof TONES, string> = {
  pending: "pending",
  running: "running",
  waiting: "waiting for a person",
  paused: "paused",
  succeeded: "succeeded",
  failed: "failed",
  skipped: "skipped",
  cancelled: "cancelled",
};

export function StateBadge({ state }: { state: keyof typeof TONES }) {
  return (
    <span data-testid="state" data-state={state}>
      <Badge tone={TONES[state]}>{LABELS[state]}</Badge>
    </span>
  );
}
