// Who is on call, computed from a schedule's layers and overrides (pure: the unit and property tests drive it).
// A layer hands off every `shiftLength` hours/days/weeks from its first handoff, in its own zone, through its
// members in turn; restrictions narrow it to local windows. Where several layers have someone, the highest
// wins; an override wins over every layer. The answer is one list of shifts with exactly one person each.
import {
  anchorOf,
  handoffAt,
  localDayOf,
  minutesOf,
  shiftIndexAt,
  weekdayOf,
  zonedMillis,
  type Anchor,
  type ShiftUnit,
} from "./local-time";

export type Restriction = { days: number[]; from: string; to: string };

export type RotationLayer = {
  position: number;
  name?: string;
  timeZone: string;
  startDate: string;
  handoffTime: string;
  shiftLength: number;
  shiftUnit: ShiftUnit;
  restrictions: Restriction[];
  /** Contact ids in turn order. */
  memberIds: string[];
};

export type RotationOverride = {
  id: string;
  contactId: string;
  replacesContactId: string | null;
  startsAt: Date;
  endsAt: Date;
};

export type Shift = {
  start: Date;
  end: Date;
  contactId: string;
  /** The layer position it came from, or "override". */
  source: number | "override";
  overrideId?: string;
};

type Span = { start: number; end: number };
type Piece = Span & { contactId: string };

const DAY_MS = 86_400_000;

const firstHandoffs = new Map<string, Anchor | null>();

/** The layer's first handoff (kept: every shift of the layer is counted from it). */
function firstHandoff(layer: RotationLayer): Anchor | null {
  const key = `${layer.startDate}T${layer.handoffTime}@${layer.timeZone}`;
  let anchor = firstHandoffs.get(key);
  if (anchor === undefined) {
    if (firstHandoffs.size > 10_000) firstHandoffs.clear();
    anchor = anchorOf(layer.startDate, layer.handoffTime, layer.timeZone);
    firstHandoffs.set(key, anchor);
  }
  return anchor;
}

/** The layer's restriction windows that touch [from, to), merged, as instants. */
function restrictionWindows(layer: RotationLayer, from: number, to: number): Span[] {
  const windows: Span[] = [];
  const zone = layer.timeZone;
  const rules = layer.restrictions.map((rule) => {
    const start = minutesOf(rule.from);
    const end = minutesOf(rule.to);
    return { days: rule.days, start, end, crossesMidnight: end <= start };
  });
  // A window that runs past midnight may have started the local day before `from`.
  const first = localDayOf(from, zone) - (rules.some((r) => r.crossesMidnight) ? 1 : 0);
  const last = localDayOf(to, zone);
  for (let day = first; day <= last; day++) {
    const weekday = weekdayOf(day);
    for (const rule of rules) {
      if (!rule.days.includes(weekday)) continue;
      const start = zonedMillis(day, rule.start, zone);
      const end = zonedMillis(rule.crossesMidnight ? day + 1 : day, rule.end, zone);
      const span = { start: Math.max(start, from), end: Math.min(end, to) };
      if (span.end > span.start) windows.push(span);
    }
  }
  return mergeSpans(windows);
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The shifts of one layer inside [from, to), restrictions applied, in time order. */
export function layerPieces(layer: RotationLayer, from: number, to: number): Piece[] {
  const start = firstHandoff(layer);
  if (!start || layer.memberIds.length === 0 || layer.shiftLength < 1 || to <= from) return [];
  const pieces: Piece[] = [];
  let k = Math.max(0, shiftIndexAt(start, from, layer.shiftLength, layer.shiftUnit));
  for (;;) {
    const shiftStart = handoffAt(start, k, layer.shiftLength, layer.shiftUnit);
    if (shiftStart >= to) break;
    const shiftEnd = handoffAt(start, k + 1, layer.shiftLength, layer.shiftUnit);
    const span = { start: Math.max(shiftStart, from), end: Math.min(shiftEnd, to) };
    if (span.end > span.start) pieces.push({ ...span, contactId: layer.memberIds[k % layer.memberIds.length]! });
    k += 1;
  }
  if (layer.restrictions.length === 0) return pieces;
  const windows = restrictionWindows(layer, from, to);
  return pieces.flatMap((piece) =>
    windows
      .map((w) => ({
        start: Math.max(w.start, piece.start),
        end: Math.min(w.end, piece.end),
        contactId: piece.contactId,
      }))
      .filter((p) => p.end > p.start),
  );
}

/**
 * The final on-call shifts inside [from, to): at every instant the override that covers it (the latest
 * created wins where overrides overlap), else the highest layer with someone. Adjacent shifts of one person
 * from one source are joined.
 */
export function finalShifts(
  layers: readonly RotationLayer[],
  overrides: readonly RotationOverride[],
  from: Date,
  to: Date,
): Shift[] {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return [];
  type Source = { source: Shift["source"]; pieces: (Piece & { overrideId?: string })[] };
  // Highest priority first: overrides (latest first), then layers from the top down.
  const sources: Source[] = [
    ...[...overrides]
      .filter((o) => o.endsAt.getTime() > a && o.startsAt.getTime() < b)
      .reverse()
      .map((o) => ({
        source: "override" as const,
        pieces: [
          {
            start: Math.max(o.startsAt.getTime(), a),
            end: Math.min(o.endsAt.getTime(), b),
            contactId: o.contactId,
            overrideId: o.id,
          },
        ],
      })),
    ...[...layers]
      .sort((x, y) => y.position - x.position)
      .map((layer) => ({ source: layer.position, pieces: layerPieces(layer, a, b) })),
  ];
  const cuts = [...new Set(sources.flatMap((s) => s.pieces.flatMap((p) => [p.start, p.end])))].sort((x, y) => x - y);
  const cursor = sources.map(() => 0);
  const shifts: Shift[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    let chosen: { source: Source; piece: Source["pieces"][number] } | null = null;
    sources.forEach((source, s) => {
      while (source.pieces[cursor[s]!] && source.pieces[cursor[s]!]!.end <= start) cursor[s]! += 1;
      const piece = source.pieces[cursor[s]!];
      if (!chosen && piece && piece.start <= start) chosen = { source, piece };
    });
    if (!chosen) continue;
    const { source, piece } = chosen as { source: Source; piece: Source["pieces"][number] };
    const last = shifts[shifts.length - 1];
    if (
      last &&
      last.end.getTime() === start &&
      last.contactId === piece.contactId &&
      last.source === source.source &&
      last.overrideId === piece.overrideId
    ) {
      last.end = new Date(end);
    } else {
      shifts.push({
        start: new Date(start),
        end: new Date(end),
        contactId: piece.contactId,
        source: source.source,
        ...(piece.overrideId ? { overrideId: piece.overrideId } : {}),
      });
    }
  }
  return shifts;
}

/** The shift on now and the next one with someone else (or after a gap), looking two weeks ahead. */
export function nowAndNext(
  layers: readonly RotationLayer[],
  overrides: readonly RotationOverride[],
  now: Date,
  horizonMs = 14 * DAY_MS,
): { now: Shift | null; next: Shift | null } {
  const shifts = finalShifts(layers, overrides, now, new Date(now.getTime() + horizonMs));
  const current = shifts[0] && shifts[0].start.getTime() <= now.getTime() ? shifts[0] : null;
  const next = shifts.find((s) => s !== current && (!current || s.contactId !== current.contactId)) ?? null;
  return { now: current, next };
}

/** Where a schedule has nobody on call inside [from, to). */
export function coverageGaps(shifts: readonly Shift[], from: Date, to: Date): { start: Date; end: Date }[] {
  const gaps: { start: Date; end: Date }[] = [];
  let at = from.getTime();
  for (const shift of shifts) {
    if (shift.start.getTime() > at) gaps.push({ start: new Date(at), end: shift.start });
    at = Math.max(at, shift.end.getTime());
  }
  if (at < to.getTime()) gaps.push({ start: new Date(at), end: to });
  return gaps;
}
