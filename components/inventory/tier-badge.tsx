import { Badge } from "@/components/ui/card";
import { formatMinutes, TIER_NAMES, type Tier } from "@/lib/inventory/tiers";

const TONES = { 1: "red", 2: "amber", 3: "blue", 4: "slate" } as const;

export function TierBadge({ tier }: { tier: number }) {
  return <Badge tone={TONES[tier as Tier] ?? "slate"}>{`T${tier} ${TIER_NAMES[tier as Tier] ?? "?"}`}</Badge>;
}

/** An RTO/RPO figure, marked when it comes from the tier default rather than the service itself. */
export function Objective({ minutes, fromTier }: { minutes: number | null; fromTier?: boolean }) {
  if (minutes === null) return <span className="text-slate-400">—</span>;
  return (
    <span title={fromTier ? "Tier default: the service states none" : undefined}>
      {formatMinutes(minutes)}
      {fromTier && <span className="ml-1 text-xs text-slate-400">(tier)</span>}
    </span>
  );
}
