export const TIERS = [1, 2, 3, 4] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_NAMES: Record<Tier, string> = { 1: "Critical", 2: "High", 3: "Medium", 4: "Low" };

export function tierLabel(tier: number): string {
  return `Tier ${tier} · ${TIER_NAMES[tier as Tier] ?? "Unknown"}`;
}

/** "90 min" → "1 h 30 min"; minutes are how Lifeboat stores every RTO and RPO. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return "—";
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean).join(" ");
}
