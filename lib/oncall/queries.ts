// On-call reads: the rotation data of schedules (what lib/oncall/rotation.ts works on), loaded in a few queries
// for any number of schedules, and who is on call now for each.
import type { Reader } from "@/lib/db/client";
import { onCallAt } from "./on-call-now";
import type { Restriction, RotationLayer, RotationOverride } from "./rotation";
import type { ShiftUnit } from "./local-time";

export type ScheduleRotation = {
  id: string;
  name: string;
  timeZone: string;
  layers: RotationLayer[];
  overrides: RotationOverride[];
};

/**
 * Rotation data of the given schedules (all when `ids` is omitted), with the overrides that end after
 * `overridesFrom` (default: now), oldest first — the order in which a later override wins.
 */
export async function findScheduleRotations(
  db: Reader,
  ids?: readonly string[],
  overridesFrom: Date = new Date(),
): Promise<ScheduleRotation[]> {
  const schedules = await db.onCallSchedule.findMany({
    where: ids ? { id: { in: [...ids] } } : undefined,
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      timeZone: true,
      layers: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          name: true,
          timeZone: true,
          startDate: true,
          handoffTime: true,
          shiftLength: true,
          shiftUnit: true,
          restrictions: true,
          members: { orderBy: { position: "asc" }, select: { contactId: true } },
        },
      },
      overrides: {
        where: { endsAt: { gt: overridesFrom } },
        orderBy: { createdAt: "asc" },
        select: { id: true, contactId: true, replacesContactId: true, startsAt: true, endsAt: true },
      },
    },
  });
  return schedules.map((s) => ({
    id: s.id,
    name: s.name,
    timeZone: s.timeZone,
    overrides: s.overrides,
    layers: s.layers.map((l) => ({
      position: l.position,
      name: l.name,
      timeZone: l.timeZone,
      startDate: l.startDate,
      handoffTime: l.handoffTime,
      shiftLength: l.shiftLength,
      shiftUnit: l.shiftUnit as ShiftUnit,
      restrictions: l.restrictions as Restriction[],
      memberIds: l.members.map((m) => m.contactId),
    })),
  }));
}

/** Who each schedule has on call at `at` (contact id, or null for a gap), by schedule id. */
export async function findOnCallNow(db: Reader, at: Date = new Date(), ids?: readonly string[]) {
  const rotations = await findScheduleRotations(db, ids, at);
  return new Map(rotations.map((r) => [r.id, onCallAt(r.layers, r.overrides, at)?.contactId ?? null]));
}
