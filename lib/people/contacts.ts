import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { deleteVersioned, updateVersioned } from "@/lib/audit/versioned";
import type { Db, Reader, Tx } from "@/lib/db/client";
import { addressFor } from "./model";
import type { ContactFields } from "./schemas";

type Rules = NonNullable<ContactFields["rules"]>;

/**
 * Every rule's channel must exist and be able to reach this contact (email needs an email address, sms and voice
 * a phone; a webhook reaches a room, not a person). Returns the channel types in rule order: preferredChannels
 * keeps following the rules, because the break-glass pack prints it.
 */
async function checkRules(tx: Tx, fields: ContactFields, rules: Rules) {
  const channels = await tx.notificationChannel.findMany({
    where: { id: { in: rules.map((r) => r.channelId) } },
    select: { id: true, name: true, type: true },
  });
  const byId = new Map(channels.map((c) => [c.id, c]));
  return rules.map((rule, i) => {
    const channel = byId.get(rule.channelId);
    const fail = (why: string) => {
      throw new AppError("VALIDATION", { userMessage: `Notification rule ${i + 1}: ${why}.`, field: "rules" });
    };
    if (!channel) return fail("that channel does not exist (any more)");
    if (channel.type === "webhook") return fail(`${channel.name} is a webhook to a room; it cannot reach a person`);
    if (!addressFor(channel.type, fields))
      return fail(
        `${channel.name} needs ${channel.type === "email" ? "an email address" : "a phone number"} for ${fields.name || "this contact"}`,
      );
    return channel.type;
  });
}

/** Replaces the contact's rules in order; the fields to store, with preferredChannels derived from the rules. */
async function writeRules(tx: Tx, fields: ContactFields) {
  const { rules, preferredChannels: given, ...rest } = fields;
  if (!rules) return { data: { ...rest, preferredChannels: given }, save: async () => {} };
  const types = await checkRules(tx, fields, rules);
  // Once rules exist the preferences follow them. Without rules (yet), the stored preferences stay unless new ones
  // are given: seeded and imported contacts have them, and the break-glass pack and "Page now" read them.
  const preferred = types.length ? [...new Set(types)] : given.length ? given : null;
  const save = async (id: string) => {
    await tx.contactNotificationRule.deleteMany({ where: { contactId: id } });
    await tx.contactNotificationRule.createMany({
      data: rules.map((r, position) => ({
        contactId: id,
        position,
        channelId: r.channelId,
        afterMinutes: r.afterMinutes,
      })),
    });
  };
  return { data: { ...rest, ...(preferred ? { preferredChannels: preferred } : {}) }, save };
}

export const contactSelect = {
  id: true,
  name: true,
  title: true,
  team: true,
  email: true,
  phone: true,
  roles: true,
  preferredChannels: true,
  external: true,
  organization: true,
  notes: true,
  confirmedAt: true,
  version: true,
  updatedAt: true,
  notificationRules: { orderBy: { position: "asc" }, select: { channelId: true, afterMinutes: true } },
} as const;

export function findContacts(db: Db) {
  return db.contact.findMany({ select: contactSelect, orderBy: [{ external: "asc" }, { name: "asc" }] });
}

/** Where a contact is used: the escalation policies and levels that page them by name. */
export async function findContactUsage(db: Reader, contactId: string) {
  const rows = await db.escalationLevelContact.findMany({
    where: { contactId },
    select: { level: { select: { position: true, policy: { select: { id: true, name: true } } } } },
  });
  return rows.map((r) => ({ policyId: r.level.policy.id, policyName: r.level.policy.name, level: r.level.position }));
}

const contactTarget = (action: string, input: { id: string; version: number }) => ({
  action,
  entityType: "Contact",
  entityId: input.id,
  version: input.version,
  label: "this contact",
});

export async function createContact(db: Db, actor: AuditActor, fields: ContactFields) {
  return db.$transaction(async (tx) => {
    const { data, save } = await writeRules(tx, fields);
    // Creating counts as confirming: someone just typed these details in.
    const created = await tx.contact.create({ data: { ...data, confirmedAt: new Date() }, select: { id: true } });
    await save(created.id);
    const contact = (await tx.contact.findUnique({ where: { id: created.id }, select: contactSelect }))!;
    await recordAudit(tx, {
      actor,
      action: "contact.create",
      entityType: "Contact",
      entityId: contact.id,
      after: contact,
    });
    return contact;
  });
}

export async function updateContact(
  db: Db,
  actor: AuditActor,
  input: ContactFields & { id: string; version: number },
  options: { confirm?: boolean } = {},
) {
  const { id, version, ...fields } = input;
  return db.$transaction(async (tx) => {
    const { data, save } = await writeRules(tx, fields);
    return updateVersioned(tx, actor, contactTarget("contact.update", input), {
      read: () => tx.contact.findUnique({ where: { id }, select: contactSelect }),
      write: async () => {
        const result = await tx.contact.updateMany({
          where: { id, version },
          data: { ...data, ...(options.confirm && { confirmedAt: new Date() }), version: { increment: 1 } },
        });
        if (result.count === 1) await save(id);
        return result;
      },
    });
  });
}

/** "These details are still right": stamps confirmedAt, nothing else. */
export async function confirmContact(db: Db, actor: AuditActor, input: { id: string; version: number }) {
  return db.$transaction((tx) =>
    updateVersioned(tx, actor, contactTarget("contact.confirm", input), {
      read: () => tx.contact.findUnique({ where: { id: input.id }, select: contactSelect }),
      write: () =>
        tx.contact.updateMany({
          where: { id: input.id, version: input.version },
          data: { confirmedAt: new Date(), version: { increment: 1 } },
        }),
    }),
  );
}

/** Refused while a policy pages the contact by name: the message lists where. */
export async function deleteContact(db: Db, actor: AuditActor, input: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    await deleteVersioned(tx, actor, contactTarget("contact.delete", input), {
      read: () => tx.contact.findUnique({ where: { id: input.id }, select: contactSelect }),
      prepare: async (before) => {
        const usage = await findContactUsage(tx, input.id);
        if (usage.length > 0) {
          throw new AppError("CONFLICT", {
            userMessage: `${before.name} is still paged by ${usage.map((u) => `${u.policyName} (level ${u.level})`).join(", ")}. Remove them there first.`,
          });
        }
        // A layer seat or an override taken would fail the foreign key (Restrict) as a bare 500: name the schedules.
        const seats = await tx.onCallSchedule.findMany({
          where: {
            OR: [
              { layers: { some: { members: { some: { contactId: input.id } } } } },
              { overrides: { some: { contactId: input.id } } },
            ],
          },
          select: { name: true },
          orderBy: { name: "asc" },
        });
        if (seats.length > 0) {
          throw new AppError("CONFLICT", {
            userMessage: `${before.name} is on call (a rotation or an override) in the schedules ${seats.map((s) => s.name).join(", ")}. Remove them there first.`,
          });
        }
      },
      remove: () => tx.contact.deleteMany({ where: { id: input.id, version: input.version } }),
    });
    return { id: input.id };
  });
}
