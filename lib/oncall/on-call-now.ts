// "Who is on call at T" for many schedules at once (escalation at send time, /command, the contact pages).
// Computing a layer's shift costs ~0.1–0.3 ms of zone arithmetic (luxon through Intl), so each layer's answer
// is kept with the span it holds for (until its next handoff or restriction edge): later calls inside that
// span cost a map lookup. The key is the layer's whole definition, so an edited layer is never answered
// from an old entry.
import { layerPieces, type RotationLayer, type RotationOverride, type Shift } from "./rotation";

type Held = { from: number; until: number; contactId: string | null };

// Calls move forward with the clock: an answer is computed for the next hours and held for them.
const LOOK_AHEAD_MS = 12 * 3_600_000;
const MAX_ENTRIES = 20_000;
const held = new Map<string, Held>();

function keyOf(layer: RotationLayer): string {
  return [
    layer.timeZone,
    layer.startDate,
    layer.handoffTime,
    layer.shiftLength,
    layer.shiftUnit,
    JSON.stringify(layer.restrictions),
    layer.memberIds.join(","),
  ].join("|");
}

function layerAt(layer: RotationLayer, at: number): Held {
  const key = keyOf(layer);
  const hit = held.get(key);
  if (hit && hit.from <= at && at < hit.until) return hit;
  const from = at;
  const until = at + LOOK_AHEAD_MS;
  const pieces = layerPieces(layer, from, until);
  const on = pieces.find((p) => p.start <= at && at < p.end);
  const answer: Held = on
    ? { from: on.start, until: on.end, contactId: on.contactId }
    : {
        from: Math.max(from, ...pieces.filter((p) => p.end <= at).map((p) => p.end)),
        until: Math.min(until, ...pieces.filter((p) => p.start > at).map((p) => p.start)),
        contactId: null,
      };
  if (held.size >= MAX_ENTRIES) held.clear();
  held.set(key, answer);
  return answer;
}

/** Who is on call at `at` (an override first, the latest created winning; else the highest layer with someone). */
export function onCallAt(
  layers: readonly RotationLayer[],
  overrides: readonly RotationOverride[],
  at: Date,
): Pick<Shift, "contactId" | "source" | "overrideId"> | null {
  const t = at.getTime();
  const override = [...overrides].reverse().find((o) => o.startsAt.getTime() <= t && t < o.endsAt.getTime());
  if (override) return { contactId: override.contactId, source: "override", overrideId: override.id };
  for (const layer of [...layers].sort((x, y) => y.position - x.position)) {
    const { contactId } = layerAt(layer, t);
    if (contactId) return { contactId, source: layer.position };
  }
  return null;
}
