// Handoffs in a schedule's final shifts: the instants where who is on call changes (pure; the handoff notices
// in lib/incidents/handoff-notices.ts tell the outgoing and incoming person).
import type { Shift } from "./rotation";

export type Handoff = {
  at: Date;
  /** Who was on call just before (null after a gap). */
  outgoing: string | null;
  /** Who is on call from `at` (null when a gap starts), and until when. */
  incoming: string | null;
  until: Date | null;
};

/**
 * Handoffs with since < at <= until, from shifts that start before `since` and reach past `until` (so a shift
 * clipped by the window's edges is never mistaken for a handoff). A change of source with the same person
 * (a layer to an override of the same contact) is no handoff.
 */
export function handoffsBetween(shifts: readonly Shift[], since: Date, until: Date): Handoff[] {
  const a = since.getTime();
  const b = until.getTime();
  const found: Handoff[] = [];
  const inWindow = (t: number) => t > a && t <= b;
  shifts.forEach((shift, i) => {
    const previous = shifts[i - 1];
    const adjoins = previous && previous.end.getTime() === shift.start.getTime();
    if (inWindow(shift.start.getTime()) && !(adjoins && previous.contactId === shift.contactId)) {
      found.push({
        at: shift.start,
        outgoing: adjoins ? previous.contactId : null,
        incoming: shift.contactId,
        until: shift.end,
      });
    }
    const next = shifts[i + 1];
    // A shift that ends into a gap: the outgoing person is still told.
    if (inWindow(shift.end.getTime()) && !(next && next.start.getTime() === shift.end.getTime())) {
      found.push({ at: shift.end, outgoing: shift.contactId, incoming: null, until: null });
    }
  });
  return found.sort((x, y) => x.at.getTime() - y.at.getTime());
}
