// On-call schedules as a plan states them (lib/plans/format.ts): layers in their shortest words ("1 week",
// "2026-12-07 09:00", "weekdays"), members by name (by email where two contacts share a name), and the
// overrides that have not ended — a past override changes nobody's shift any more, so a plan need not carry it.
import type { Reader } from "@/lib/db/client";
import { WEEKDAYS } from "@/lib/oncall/schemas";
import type { PlanLayer, PlanSchedule } from "./format";

const byName = new Intl.Collator("en").compare;
const DAY_GROUPS: Record<string, "weekdays" | "weekends" | "every day"> = {
  "1,2,3,4,5": "weekdays",
  "6,7": "weekends",
  "1,2,3,4,5,6,7": "every day",
};

/** "1 week", "12 hours": the singular for one. */
const every = (length: number, unit: string) => `${length} ${length === 1 ? unit.replace(/s$/, "") : unit}`;

export async function exportSchedules(db: Reader, now: Date = new Date()): Promise<PlanSchedule[]> {
  const [schedules, contacts] = await Promise.all([
    db.onCallSchedule.findMany({
      select: {
        name: true,
        description: true,
        timeZone: true,
        layers: {
          orderBy: { position: "asc" },
          select: {
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
          where: { endsAt: { gt: now } },
          orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
          select: { contactId: true, replacesContactId: true, startsAt: true, endsAt: true, reason: true },
        },
      },
    }),
    db.contact.findMany({ select: { id: true, name: true, email: true } }),
  ]);
  if (!schedules.length) return [];
  const named = new Map<string, number>();
  for (const c of contacts) named.set(c.name.toLowerCase(), (named.get(c.name.toLowerCase()) ?? 0) + 1);
  const nameOf = new Map(
    contacts.map((c) => [c.id, named.get(c.name.toLowerCase())! > 1 && c.email ? c.email : c.name]),
  );
  const who = (id: string) => nameOf.get(id) ?? id;
  return schedules
    .sort((a, b) => byName(a.name, b.name))
    .map((s) => {
      const layers: PlanLayer[] = s.layers.map((l) => {
        const restrictions = (l.restrictions as { days: number[]; from: string; to: string }[]).map((r) => ({
          days: DAY_GROUPS[r.days.join(",")] ?? r.days.map((d) => WEEKDAYS[d - 1]!),
          from: r.from,
          to: r.to,
        }));
        return {
          ...(l.name && { name: l.name }),
          ...(l.timeZone !== s.timeZone && { timeZone: l.timeZone }),
          start: `${l.startDate} ${l.handoffTime}`,
          every: every(l.shiftLength, l.shiftUnit),
          ...(restrictions.length && { restrictions }),
          members: l.members.map((m) => who(m.contactId)),
        };
      });
      return {
        name: s.name,
        timeZone: s.timeZone,
        ...(s.description && { description: s.description }),
        layers,
        ...(s.overrides.length && {
          overrides: s.overrides.map((o) => ({
            contact: who(o.contactId),
            ...(o.replacesContactId && { replaces: who(o.replacesContactId) }),
            from: o.startsAt.toISOString(),
            to: o.endsAt.toISOString(),
            ...(o.reason && { reason: o.reason }),
          })),
        }),
      };
    });
}
