// On-call schedules from a plan (contacts' notification rules: notify-rules.ts).
// - A schedule by name: created, or its layers replaced as a whole when they differ (as the schedule editor does);
//   overrides the plan lists are added when Lifeboat lacks them (nothing is deleted, as everywhere in imports).
// - Members and overrides name contacts by name or email: of the plan, or already in Lifeboat.
// - lib/oncall/schemas.ts checks every schedule (zones, handoffs the clocks skip, rotations of nobody) and every
//   override; what it refuses is reported at the plan's own field (`schedules[0].layers[1].start`).
import { overrideFieldsSchema, scheduleFieldsSchema, WEEKDAYS, type LayerFields } from "@/lib/oncall/schemas";
import type { PlanLayer, PlanSchedule } from "../format";
import type { ImportContext } from "./context";
import type { PeopleDirectory } from "./people";

const DAY_WORDS: Record<string, number[]> = {
  weekdays: [1, 2, 3, 4, 5],
  weekends: [6, 7],
  "every day": [1, 2, 3, 4, 5, 6, 7],
};
const START = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/;
const EVERY = /^(\d{1,4})\s*(hours?|h|days?|d|weeks?|w)$/i;
const EVERY_WORDS: Record<string, [number, string]> = {
  hourly: [1, "hours"],
  daily: [1, "days"],
  weekly: [1, "weeks"],
};
const UNIT: Record<string, "hours" | "days" | "weeks"> = { h: "hours", d: "days", w: "weeks" };
/** An override's instant must say its zone: "2026-12-24 18:00" alone would be read in the server's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A plan layer in the schedule editor's shape, and which plan field each editor field came from. */
function layerInput(layer: PlanLayer, scheduleZone: string, memberIds: string[]) {
  const start = layer.start ? START.exec(layer.start) : null;
  const every = layer.every?.trim().toLowerCase();
  const shift = every ? (EVERY_WORDS[every] ?? EVERY.exec(every)?.slice(1, 3)) : undefined;
  const unit = shift ? (UNIT[String(shift[1])[0]!] ?? (String(shift[1]).replace(/s?$/, "s") as "hours")) : undefined;
  return {
    name: layer.name ?? "",
    timeZone: layer.timeZone ?? scheduleZone,
    startDate: layer.start ? (start?.[1] ?? "") : (layer.startDate ?? ""),
    handoffTime: layer.start ? (start ? `${start[2]!.padStart(2, "0")}:${start[3]}` : "") : (layer.handoffTime ?? ""),
    shiftLength: every ? (shift ? Number(shift[0]) : undefined) : layer.shiftLength,
    shiftUnit: every ? unit : layer.shiftUnit,
    restrictions: (layer.restrictions ?? []).map((r) => ({
      days: typeof r.days === "string" ? DAY_WORDS[r.days]! : r.days.map((d) => WEEKDAYS.indexOf(d) + 1),
      from: r.from,
      to: r.to,
    })),
    memberIds,
  };
}

/** The plan field an editor field of a layer was read from. */
function layerField(layer: PlanLayer, field: string): string {
  if ((field === "startDate" || field === "handoffTime") && layer.start) return "start";
  if ((field === "shiftLength" || field === "shiftUnit") && layer.every) return "every";
  if (field === "memberIds") return "members";
  return field;
}

const pathOf = (parts: readonly PropertyKey[]) =>
  parts.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");

type StoredLayer = LayerFields;
const layersKey = (layers: StoredLayer[]) =>
  JSON.stringify(
    layers.map((l) => [
      l.name,
      l.timeZone,
      l.startDate,
      l.handoffTime,
      l.shiftLength,
      l.shiftUnit,
      l.restrictions.map((r) => [r.days, r.from, r.to]),
      l.memberIds,
    ]),
  );

export async function importSchedules(
  ctx: ImportContext,
  schedules: PlanSchedule[] | undefined,
  path: string,
  people: PeopleDirectory,
) {
  for (const [s, schedule] of (schedules ?? []).entries()) {
    const at = `${path}[${s}]`;
    const before = ctx.problems.length;
    const layers = schedule.layers.map((layer, l) => {
      const memberIds: string[] = [];
      for (const [m, member] of layer.members.entries()) {
        const found = people.contactNamed(member);
        if ("id" in found) memberIds.push(found.id);
        else ctx.problem(`${at}.layers[${l}].members[${m}]`, found.problem);
      }
      if (layer.start && !START.test(layer.start))
        ctx.problem(
          `${at}.layers[${l}].start`,
          `"${layer.start}" is no local date and time such as "2026-12-07 09:00"`,
        );
      else if (!layer.start && !(layer.startDate && layer.handoffTime))
        ctx.problem(`${at}.layers[${l}].start`, 'is required: the first handoff, e.g. "2026-12-07 09:00"');
      if (layer.every && !EVERY_WORDS[layer.every.trim().toLowerCase()] && !EVERY.test(layer.every.trim()))
        ctx.problem(`${at}.layers[${l}].every`, `"${layer.every}" is no shift length such as "1 week" or "12 hours"`);
      else if (!layer.every && !(layer.shiftLength && layer.shiftUnit))
        ctx.problem(`${at}.layers[${l}].every`, 'is required: the shift length, e.g. "1 week"');
      return layerInput(layer, schedule.timeZone, memberIds);
    });
    const parsed = scheduleFieldsSchema.safeParse({
      name: schedule.name,
      description: schedule.description ?? "",
      timeZone: schedule.timeZone,
      layers,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, l, field, ...rest] = issue.path;
        // Member names are reported above; an unknown member leaves a shorter list, not an empty one to report again.
        if (first === "layers" && typeof l === "number" && field === "memberIds" && schedule.layers[l]?.members.length)
          continue;
        // A zone the layer inherits is reported once, at the schedule's.
        if (first === "layers" && typeof l === "number" && field === "timeZone" && !schedule.layers[l]?.timeZone)
          continue;
        const plan =
          first === "layers" && typeof l === "number" && typeof field === "string"
            ? ["layers", l, layerField(schedule.layers[l]!, field), ...rest]
            : issue.path;
        ctx.problem(plan.length ? `${at}.${pathOf(plan)}` : at, issue.message);
      }
    }
    if (ctx.problems.length > before || !parsed.success) continue;
    const fields = parsed.data;
    const current = await ctx.tx.onCallSchedule.findUnique({
      where: { name: fields.name },
      include: { layers: { orderBy: { position: "asc" }, include: { members: { orderBy: { position: "asc" } } } } },
    });
    const stored: StoredLayer[] = (current?.layers ?? []).map((l) => ({
      name: l.name,
      timeZone: l.timeZone,
      startDate: l.startDate,
      handoffTime: l.handoffTime,
      shiftLength: l.shiftLength,
      shiftUnit: l.shiftUnit,
      restrictions: l.restrictions as StoredLayer["restrictions"],
      memberIds: l.members.map((m) => m.contactId),
    }));
    const description = schedule.description === undefined ? current?.description : fields.description;
    const details = [
      ...(current && current.timeZone !== fields.timeZone
        ? [`timeZone: ${current.timeZone} → ${fields.timeZone}`]
        : []),
      ...(current && description !== current.description ? ["description changed"] : []),
      ...(layersKey(stored) !== layersKey(fields.layers)
        ? schedule.layers.map(
            (l, i) =>
              `layer ${i + 1}${l.name ? ` "${l.name}"` : ""}: every ${fields.layers[i]!.shiftLength} ${fields.layers[i]!.shiftUnit} from ${fields.layers[i]!.startDate} ${fields.layers[i]!.handoffTime} ${fields.layers[i]!.timeZone}: ${l.members.join(", ")}`,
          )
        : []),
    ];
    let scheduleId = current?.id;
    if (!current) {
      const created = await ctx.tx.onCallSchedule.create({
        data: { name: fields.name, description: fields.description, timeZone: fields.timeZone },
      });
      scheduleId = created.id;
      await writeLayers(ctx, created.id, fields.layers);
      ctx.record(
        { action: "create", entity: "schedule", name: fields.name, details },
        { entityType: "OnCallSchedule", entityId: created.id, after: fields },
      );
    } else if (details.length) {
      if (layersKey(stored) !== layersKey(fields.layers)) {
        await ctx.tx.scheduleLayer.deleteMany({ where: { scheduleId: current.id } });
        await writeLayers(ctx, current.id, fields.layers);
      }
      await ctx.tx.onCallSchedule.update({
        where: { id: current.id },
        data: { timeZone: fields.timeZone, description, version: { increment: 1 } },
      });
      ctx.record(
        { action: "update", entity: "schedule", name: fields.name, details },
        {
          entityType: "OnCallSchedule",
          entityId: current.id,
          before: { timeZone: current.timeZone, description: current.description, layers: stored },
          after: { ...fields, description },
        },
      );
    } else {
      ctx.record({ action: "unchanged", entity: "schedule", name: fields.name, details: [] });
    }
    people.rememberSchedule(fields.name, scheduleId!);
    await importOverrides(ctx, schedule, scheduleId!, at, people);
  }
}

async function writeLayers(ctx: ImportContext, scheduleId: string, layers: StoredLayer[]) {
  for (const [i, layer] of layers.entries()) {
    const { memberIds, ...fields } = layer;
    await ctx.tx.scheduleLayer.create({
      data: {
        ...fields,
        scheduleId,
        position: i + 1,
        members: { create: memberIds.map((contactId, position) => ({ contactId, position: position + 1 })) },
      },
    });
  }
}

async function importOverrides(
  ctx: ImportContext,
  schedule: PlanSchedule,
  scheduleId: string,
  at: string,
  people: PeopleDirectory,
) {
  if (!schedule.overrides?.length) return;
  const existing = await ctx.tx.scheduleOverride.findMany({ where: { scheduleId } });
  const fieldOf: Record<string, string> = {
    contactId: "contact",
    replacesContactId: "replaces",
    startsAt: "from",
    endsAt: "to",
  };
  for (const [o, override] of schedule.overrides.entries()) {
    const path = `${at}.overrides[${o}]`;
    const before = ctx.problems.length;
    const contact = people.contactNamed(override.contact);
    if ("problem" in contact) ctx.problem(`${path}.contact`, contact.problem);
    const replaces = override.replaces ? people.contactNamed(override.replaces) : null;
    if (replaces && "problem" in replaces) ctx.problem(`${path}.replaces`, replaces.problem);
    for (const key of ["from", "to"] as const)
      if (!INSTANT.test(override[key]))
        ctx.problem(
          `${path}.${key}`,
          `"${override[key]}" is no date and time with its zone, e.g. 2026-12-24T18:00:00Z`,
        );
    if (ctx.problems.length > before) continue;
    const parsed = overrideFieldsSchema.safeParse({
      scheduleId,
      contactId: "id" in contact ? contact.id : "",
      replacesContactId: replaces && "id" in replaces ? replaces.id : null,
      startsAt: override.from,
      endsAt: override.to,
      reason: override.reason ?? "",
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.problem(`${path}.${fieldOf[String(issue.path[0])] ?? String(issue.path[0] ?? "")}`, issue.message);
      continue;
    }
    const o_ = parsed.data;
    const label = `${schedule.name}: ${override.contact}${override.replaces ? ` for ${override.replaces}` : ""}, ${o_.startsAt.toISOString()} → ${o_.endsAt.toISOString()}`;
    const same = existing.find(
      (x) =>
        x.contactId === o_.contactId &&
        x.replacesContactId === o_.replacesContactId &&
        x.startsAt.getTime() === o_.startsAt.getTime() &&
        x.endsAt.getTime() === o_.endsAt.getTime(),
    );
    if (same) {
      ctx.record({ action: "unchanged", entity: "override", name: label, details: [] });
      continue;
    }
    const created = await ctx.tx.scheduleOverride.create({ data: { ...o_, createdById: null } });
    existing.push(created);
    ctx.record(
      { action: "create", entity: "override", name: label, details: o_.reason ? [`reason: ${o_.reason}`] : [] },
      { entityType: "ScheduleOverride", entityId: created.id, after: created },
    );
  }
}
