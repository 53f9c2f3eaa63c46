// The demo's on-call schedule, so a new user sees schedules at work: "Platform primary" hands off weekly on
// Monday 09:00 Europe/Berlin through three demo contacts, with a business-hours layer on top (weekdays
// 09:00–17:00) that wins where it has someone. Written inside the seed's one transaction, audited like the rest.
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/client";
import { layerSchema } from "@/lib/oncall/schemas";

const SEED_ACTOR = { system: "demo-seed" };

/** Layers lowest first, members by demo contact key (lib/seed/demo-plans.ts DEMO_CONTACTS). */
const DEMO_SCHEDULE = {
  name: "Platform primary",
  description: "Weekly primary on-call for the platform team; business hours covered by the day rota.",
  timeZone: "Europe/Berlin",
  layers: [
    {
      name: "Weekly primary",
      timeZone: "Europe/Berlin",
      // A Monday: every handoff is a Monday 09:00 Berlin time, summer or winter.
      startDate: "2026-01-05",
      handoffTime: "09:00",
      shiftLength: 1,
      shiftUnit: "weeks",
      restrictions: [],
      members: ["oncall", "lead", "mgmt"],
    },
    {
      name: "Business hours",
      timeZone: "Europe/Berlin",
      startDate: "2026-01-05",
      handoffTime: "09:00",
      shiftLength: 1,
      shiftUnit: "days",
      restrictions: [{ days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" }],
      members: ["lead", "oncall"],
    },
  ],
} as const;

export async function seedOnCall(tx: Tx, contactIds: Map<string, string>) {
  const { layers, ...fields } = DEMO_SCHEDULE;
  const schedule = await tx.onCallSchedule.create({ data: fields, select: { id: true } });
  for (const [index, { members, ...layer }] of layers.entries()) {
    // The same rules as the editor's: a demo that could not be saved by hand is a bug here.
    const checked = layerSchema.parse({ ...layer, memberIds: members.map((key) => contactIds.get(key)!) });
    const { memberIds, ...data } = checked;
    await tx.scheduleLayer.create({
      data: {
        ...data,
        scheduleId: schedule.id,
        position: index + 1,
        members: { create: memberIds.map((contactId, i) => ({ contactId, position: i + 1 })) },
      },
    });
  }
  await recordAudit(tx, {
    actor: SEED_ACTOR,
    action: "schedule.create",
    entityType: "OnCallSchedule",
    entityId: schedule.id,
    after: DEMO_SCHEDULE,
  });
}
