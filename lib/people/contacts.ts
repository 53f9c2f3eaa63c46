import type { Db, Reader, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCurrentVersion } from "@/lib/audit/concurrency";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
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

/** The contact at the expected version; throws AppError (NOT_FOUND or CONFLICT) otherwise. */
async function findContactForUpdate(tx: Tx, id: string, version: number) {
  return assertCurrentVersion(tx, await tx.contact.findUnique({ where: { id }, select: contactSelect }), {
    entityType: "Contact",
    entityId: id,
    version,
    label: "this contact",
  });
}

export async function createContact(db: Db, actor: AuditActor, fields: ContactFields) {
  return db.$transaction(async (tx) => {
    // Creating counts as confirming: someone just typed these details in.
    const contact = await tx.contact.create({ data: { ...fields, confirmedAt: new Date() }, select: contactSelect });
    await recordAudit(tx, { actor, action: "contact.create", entityType: "Contact", entityId: contact.id, after: contact });
    return contact;
  });
}

export async function updateContact(db: Db, actor: AuditActor, input: ContactFields & { id: string; version: number }, options: { confirm?: boolean } = {}) {
  const { id, version, ...fields } = input;
  return db.$transaction(async (tx) => {
    const before = await findContactForUpdate(tx, id, version);
    const { count } = await tx.contact.updateMany({
      where: { id, version },
      data: { ...fields, ...(options.confirm && { confirmedAt: new Date() }), version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", { userMessage: "Someone else saved this contact at the same moment. Reload and try again." });
    const after = await tx.contact.findUniqueOrThrow({ where: { id }, select: contactSelect });
    await recordAudit(tx, { actor, action: "contact.update", entityType: "Contact", entityId: id, before, after });
    return after;
  });
}

/** "These details are still right": stamps confirmedAt, nothing else. */
export async function confirmContact(db: Db, actor: AuditActor, input: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    const before = await findContactForUpdate(tx, input.id, input.version);
    const { count } = await tx.contact.updateMany({ where: { id: input.id, version: input.version }, data: { confirmedAt: new Date(), version: { increment: 1 } } });
    if (count !== 1) throw new AppError("CONFLICT", { userMessage: "Someone else changed this contact at the same moment. Reload and try again." });
    const after = await tx.contact.findUniqueOrThrow({ where: { id: input.id }, select: contactSelect });
    await recordAudit(tx, { actor, action: "contact.confirm", entityType: "Contact", entityId: input.id, before, after });
    return after;
  });
}

/** Refused while a policy pages the contact by name: the message lists where. */
export async function deleteContact(db: Db, actor: AuditActor, input: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    const before = await findContactForUpdate(tx, input.id, input.version);
    const usage = await findContactUsage(tx, input.id);
    if (usage.length > 0) {
      throw new AppError("CONFLICT", {
        userMessage: `${before.name} is still paged by ${usage.map((u) => `${u.policyName} (level ${u.level})`).join(", ")}. Remove them there first.`,
      });
    }
    const { count } = await tx.contact.deleteMany({ where: { id: input.id, version: input.version } });
    if (count !== 1) throw new AppError("CONFLICT", { userMessage: "Someone else changed this contact at the same moment. Reload and try again." });
    await recordAudit(tx, { actor, action: "contact.delete", entityType: "Contact", entityId: input.id, before });
    return { id: input.id };
  });
}
