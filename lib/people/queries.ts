// People reads for the pages: pickers' options, one contact to edit, and the latest notification deliveries.
import type { Reader } from "@/lib/db/client";
import { contactSelect } from "./contacts";

/** One contact's editable fields, or null when there is no such contact. */
export function findContact(db: Reader, id: string) {
  return db.contact.findUnique({ where: { id }, select: contactSelect });
}

/** Every contact as { id, name }, by name. */
export function findContactOptions(db: Reader) {
  return db.contact.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Every notification channel as { id, name }, by name. */
export function findChannelOptions(db: Reader) {
  return db.notificationChannel.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Every escalation policy as { id, name }, by name. */
export function findPolicyOptions(db: Reader) {
  return db.escalationPolicy.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The newest 25 notification deliveries, newest first. */
export function findRecentDeliveries(db: Reader) {
  return db.notificationDelivery.findMany({
    orderBy: { id: "desc" },
    take: 25,
    select: { id: true, kind: true, target: true, subject: true, status: true, attempts: true, lastError: true, responseStatus: true, createdAt: true, channel: { select: { name: true } } },
  });
}
