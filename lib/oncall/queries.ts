// On-call reads: the rotation data of schedules (what lib/oncall/rotation.ts works on), loaded in a few queries
// for any number of schedules, and who is on call now for each.
import type { Reader } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
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

type LayerRow = Omit<RotationLayer, "memberIds" | "name"> & { scheduleId: string; memberIds: string | null };
type OverrideRow = RotationOverride & { scheduleId: string };

/**
 * Who each schedule has on call at `at` (contact id, or null for a gap), by schedule id. Its own lean read:
 * one row per layer with the members as one space-separated string (not one object per member, and not a Postgres
 * array: the driver's array parser cost more than the query itself — ids are cuids, never spaces), then only the overrides that
 * cover `at`. One after the other on one connection: the second statement is small, and a second connection
 * would cost more than it saves.
 */
export async function findOnCallNow(db: Reader, at: Date = new Date(), ids?: readonly string[]) {
  const only = ids ? Prisma.sql`WHERE s.id = ANY(${[...ids]})` : Prisma.empty;
  const onlyMembers = ids
    ? Prisma.sql`WHERE "layerId" IN (SELECT id FROM "ScheduleLayer" WHERE "scheduleId" = ANY(${[...ids]}))`
    : Prisma.empty;
  const onlyOverrides = ids ? Prisma.sql`AND "scheduleId" = ANY(${[...ids]})` : Prisma.empty;
  const layerRows = await db.$queryRaw<LayerRow[]>`
      SELECT s.id AS "scheduleId", l.position, l."timeZone", l."startDate", l."handoffTime", l."shiftLength",
             l."shiftUnit"::text AS "shiftUnit", l.restrictions, m."memberIds"
      FROM "OnCallSchedule" s
      LEFT JOIN "ScheduleLayer" l ON l."scheduleId" = s.id
      LEFT JOIN (SELECT "layerId", string_agg("contactId", ' ' ORDER BY position) AS "memberIds"
                 FROM "ScheduleLayerMember" ${onlyMembers} GROUP BY "layerId") m ON m."layerId" = l.id
      ${only}`;
  const overrideRows = await db.$queryRaw<OverrideRow[]>`
      SELECT "scheduleId", id, "contactId", "replacesContactId", "startsAt", "endsAt" FROM "ScheduleOverride"
      WHERE "startsAt" <= ${at} AND "endsAt" > ${at} ${onlyOverrides} ORDER BY "createdAt"`;
  const layers = new Map<string, RotationLayer[]>();
  for (const row of layerRows) {
    const list = layers.get(row.scheduleId) ?? [];
    layers.set(row.scheduleId, list);
    // A schedule without layers comes back as one row of nulls (the LEFT JOIN): it has nobody on call.
    if (row.position !== null) list.push({ ...row, memberIds: row.memberIds?.split(" ") ?? [] });
  }
  const overrides = new Map<string, RotationOverride[]>();
  for (const row of overrideRows) overrides.set(row.scheduleId, [...(overrides.get(row.scheduleId) ?? []), row]);
  return new Map([...layers].map(([id, list]) => [id, onCallAt(list, overrides.get(id) ?? [], at)?.contactId ?? null]));
}
