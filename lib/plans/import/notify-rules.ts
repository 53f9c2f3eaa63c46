// Contacts' notification rules from a plan (`notify: [{ channel, after }]`): channels in order with delays.
// Apart from people.ts and schedules.ts so that neither imports the other; it needs only the channels by name.
import { AFTER, type PlanNotifyRule } from "../format";
import type { ImportContext } from "./context";

/** The plan's and Lifeboat's channels by name (PeopleDirectory has them). */
type Channels = { channel(name: string): { id: string } | undefined };

/** "2m", "5 min", 2 → minutes. */
function afterMinutes(after: PlanNotifyRule["after"]): number {
  return typeof after === "number" ? after : AFTER.test(after) ? Number.parseInt(after, 10) : Number.NaN;
}

/** A contact's notification rules, replaced as a whole when the plan states them and they differ. */
export async function importNotifyRules(
  ctx: ImportContext,
  contact: { id: string; name: string },
  rules: PlanNotifyRule[] | undefined,
  path: string,
  people: Channels,
) {
  if (!rules) return;
  const wanted: { channelId: string; afterMinutes: number }[] = [];
  for (const [i, rule] of rules.entries()) {
    const channel = people.channel(rule.channel);
    if (!channel) {
      ctx.problem(`${path}[${i}].channel`, `no channel "${rule.channel}" in Lifeboat or in the plan's channels`);
      continue;
    }
    const minutes = afterMinutes(rule.after);
    if (!Number.isInteger(minutes) || minutes > 1440) {
      ctx.problem(`${path}[${i}].after`, "is at most a day (1440 minutes)");
      continue;
    }
    wanted.push({ channelId: channel.id, afterMinutes: minutes });
  }
  const current = await ctx.tx.contactNotificationRule.findMany({
    where: { contactId: contact.id },
    orderBy: { position: "asc" },
    select: { channelId: true, afterMinutes: true },
  });
  if (JSON.stringify(current) === JSON.stringify(wanted)) return;
  await ctx.tx.contactNotificationRule.deleteMany({ where: { contactId: contact.id } });
  await ctx.tx.contactNotificationRule.createMany({
    data: wanted.map((r, i) => ({ ...r, contactId: contact.id, position: i + 1 })),
  });
  ctx.record(
    {
      action: current.length ? "update" : "create",
      entity: "notification rules",
      name: contact.name,
      details: rules.map((r) => `${r.channel} after ${afterMinutes(r.after)} min`),
    },
    { entityType: "Contact", entityId: contact.id, before: current, after: wanted },
  );
}
