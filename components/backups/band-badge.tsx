import { Badge } from "@/components/ui/card";
import { BAND_LABELS, type RpoBand } from "@/lib/backups/rules";

const TONES: Record<RpoBand, "green" | "amber" | "red" | "slate" | "blue"> = {
  within: "green",
  exceeded: "amber",
  severe: "red",
  critical: "red",
  never: "red",
  no_target: "slate",
};

export function BandBadge({ band }: { band: RpoBand }) {
  return <Badge tone={TONES[band]}>{BAND_LABELS[band]}</Badge>;
}
