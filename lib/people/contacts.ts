import type { Db, Reader } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { deleteVersioned, updateVersioned } from "@/lib/audit/versioned";
import type { ContactFields } from "./schemas";

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
    // Creating counts as confirming: someone just typed these details in.
    const contact = await tx.contact.create({ data: { ...fields, confirmedAt: new Date() }, select: contactSelect });
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
  return db.$transaction((tx) =>
    updateVersioned(tx, actor, contactTarget("contact.update", input), {
      read: () => tx.contact.findUnique({ where: { id }, select: contactSelect }),
      write: () =>
        tx.contact.updateMany({
          where: { id, version },
          data: { ...fields, ...(options.confirm && { confirmedAt: new Date() }), version: { increment: 1 } },
        }),
    }),
  );
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
      },
      remove: () => tx.contact.deleteMany({ where: { id: input.id, version: input.version } }),
    });
    return { id: input.id };
  });
}
