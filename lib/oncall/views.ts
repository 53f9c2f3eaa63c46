// Reads for the on-call pages: the schedule list (and /command's panel) with who is on call now and next, one
// schedule's two-week timeline (a row per layer and the final row), and a contact's own shifts across schedules.
// Each loads the rotations once (findScheduleRotations) and computes the rest in memory.
import type { Reader } from "@/lib/db/client";
import { findScheduleRotations, type ScheduleRotation } from "./queries";
import { finalShifts, layerPieces, nowAndNext, type Shift } from "./rotation";

const DAY_MS = 86_400_000;
/** How far the timeline and "next" look ahead. */
const TIMELINE_DAYS = 14;

/** Contact names by id (a deleted contact is simply missing). */
async function contactNames(db: Reader, ids: Iterable<string>) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db.contact.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type OnCallTurn = { contactId: string; name: string; start: Date; end: Date; override: boolean };

const turn = (shift: Shift | null, names: Map<string, string>): OnCallTurn | null =>
  shift && {
    contactId: shift.contactId,
    name: names.get(shift.contactId) ?? "someone removed",
    start: shift.start,
    end: shift.end,
    override: shift.source === "override",
  };

async function summarise(db: Reader, rotations: ScheduleRotation[], now: Date) {
  const turns = rotations.map((r) => nowAndNext(r.layers, r.overrides, now, TIMELINE_DAYS * DAY_MS));
  const names = await contactNames(
    db,
    turns.flatMap((t) => [t.now?.contactId, t.next?.contactId].filter((id): id is string => Boolean(id))),
  );
  return rotations.map((r, i) => ({
    id: r.id,
    name: r.name,
    timeZone: r.timeZone,
    layerCount: r.layers.length,
    now: turn(turns[i]!.now, names),
    next: turn(turns[i]!.next, names),
  }));
}

/** Every schedule (by name) with its zone, layer count, and who is on call now (until when) and next. */
export async function findScheduleSummaries(db: Reader, now: Date = new Date()) {
  return summarise(db, await findScheduleRotations(db, undefined, now), now);
}

/**
 * The first `limit` schedules by name, summarised like the list, and how many there are: /command shows a few,
 * and "next" (two weeks of shifts) is computed only for those.
 */
export async function findOnCallPanel(db: Reader, limit: number, now: Date = new Date()) {
  const [total, first] = await Promise.all([
    db.onCallSchedule.count(),
    db.onCallSchedule.findMany({ orderBy: { name: "asc" }, take: limit, select: { id: true } }),
  ]);
  const rotations = first.length
    ? await findScheduleRotations(
        db,
        first.map((s) => s.id),
        now,
      )
    : [];
  return { total, schedules: await summarise(db, rotations, now) };
}

export type ScheduleSummary = Awaited<ReturnType<typeof findScheduleSummaries>>[number];

type TimelineBar = { start: Date; end: Date; contactId: string; name: string; override?: boolean };
export type TimelineRow = { key: string; label: string; bars: TimelineBar[] };

/** The rows of a schedule's timeline over [from, from + days): each layer (highest first), then the final row. */
function timelineRows(rotation: ScheduleRotation, from: Date, days = TIMELINE_DAYS) {
  const to = new Date(from.getTime() + days * DAY_MS);
  const layers = [...rotation.layers]
    .sort((a, b) => b.position - a.position)
    .map((layer) => ({
      key: `layer-${layer.position}`,
      label: layer.name || `Layer ${layer.position}`,
      bars: layerPieces(layer, from.getTime(), to.getTime()).map((p) => ({
        start: new Date(p.start),
        end: new Date(p.end),
        contactId: p.contactId,
      })),
    }));
  const final = {
    key: "final",
    label: "Final",
    bars: finalShifts(rotation.layers, rotation.overrides, from, to).map((s) => ({
      start: s.start,
      end: s.end,
      contactId: s.contactId,
      override: s.source === "override",
    })),
  };
  return { from, to, rows: [...layers, final] };
}

/** One schedule's timeline rows with names, from `from` (default: now) for two weeks; null when it is gone. */
export async function findScheduleTimeline(db: Reader, id: string, from: Date = new Date()) {
  const [rotation] = await findScheduleRotations(db, [id], from);
  if (!rotation) return null;
  const { to, rows } = timelineRows(rotation, from);
  const names = await contactNames(
    db,
    rows.flatMap((r) => r.bars.map((b) => b.contactId)),
  );
  const named: TimelineRow[] = rows.map((row) => ({
    ...row,
    bars: row.bars.map((b) => ({ ...b, name: names.get(b.contactId) ?? "someone removed" })),
  }));
  const { now, next } = nowAndNext(rotation.layers, rotation.overrides, from, TIMELINE_DAYS * DAY_MS);
  return { from, to, timeZone: rotation.timeZone, rows: named, now: turn(now, names), next: turn(next, names) };
}

/**
 * A contact's on-call across schedules: for every schedule that seats them (a layer or an override), the shift
 * they are on now and their next one within two weeks (schedules where they have neither are left out); and
 * the secret of their own calendar feed (null until issued).
 */
export async function findContactOnCall(db: Reader, contactId: string, now: Date = new Date()) {
  const [contact, schedules] = await Promise.all([
    db.contact.findUnique({ where: { id: contactId }, select: { feedToken: true } }),
    contactShifts(db, contactId, now),
  ]);
  return { feedToken: contact?.feedToken ?? null, schedules };
}

async function contactShifts(db: Reader, contactId: string, now: Date) {
  const ids = await db.onCallSchedule.findMany({
    where: {
      OR: [
        { layers: { some: { members: { some: { contactId } } } } },
        { overrides: { some: { contactId, endsAt: { gt: now } } } },
      ],
    },
    select: { id: true },
  });
  if (ids.length === 0) return [];
  const rotations = await findScheduleRotations(
    db,
    ids.map((s) => s.id),
    now,
  );
  const to = new Date(now.getTime() + TIMELINE_DAYS * DAY_MS);
  return rotations.flatMap((r) => {
    const mine = finalShifts(r.layers, r.overrides, now, to).filter((s) => s.contactId === contactId);
    const current = mine.find((s) => s.start.getTime() <= now.getTime()) ?? null;
    const next = mine.find((s) => s !== current) ?? null;
    if (!current && !next) return [];
    const asTurn = (s: Shift | null) => s && { start: s.start, end: s.end, override: s.source === "override" };
    return [{ scheduleId: r.id, scheduleName: r.name, timeZone: r.timeZone, now: asTurn(current), next: asTurn(next) }];
  });
}
