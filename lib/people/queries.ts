// People reads: what the linter, the paging simulator and escalation need (findPagingData, schedules included), pickers' options, one contact to
// edit, and the latest notification deliveries.
import type { Reader } from "@/lib/db/client";
import { env } from "@/lib/env";
import { findScheduleRotations } from "@/lib/oncall/queries";
import { contactSelect } from "./contacts";
import { channelReadiness, type PagingChannel, type PagingContact, type PagingPolicy } from "./model";

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

/** The channels that reach a person (email, SMS, voice) for a contact's notification rules, by name. */
export function findPersonChannelOptions(db: Reader) {
  return db.notificationChannel.findMany({
    where: { type: { not: "webhook" } },
    select: { id: true, name: true, type: true },
    orderBy: { name: "asc" },
  });
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
    select: {
      id: true,
      kind: true,
      target: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      responseStatus: true,
      createdAt: true,
      channel: { select: { name: true } },
    },
  });
}

/** Everything the linter and the paging simulator work from, in a handful of queries. */
export async function findPagingData(db: Reader) {
  const [contacts, channels, policies, systems, schedules] = await Promise.all([
    db.contact.findMany({
      select: {
        id: true,
        name: true,
        email: true,
        phone: true,
        roles: true,
        external: true,
        confirmedAt: true,
        notificationRules: { orderBy: { position: "asc" }, select: { channelId: true, afterMinutes: true } },
      },
    }),
    db.notificationChannel.findMany({ select: { id: true, name: true, type: true, url: true, enabled: true } }),
    db.escalationPolicy.findMany({
      select: {
        id: true,
        name: true,
        systemId: true,
        tier: true,
        repeatTimes: true,
        repeatAfterMinutes: true,
        levels: {
          select: {
            position: true,
            afterMinutes: true,
            roleTargets: true,
            contacts: { select: { contactId: true } },
            channels: { select: { channelId: true } },
            schedules: { select: { scheduleId: true } },
          },
        },
      },
    }),
    db.$queryRaw<{ id: string; name: string; topTier: number | null }[]>`
      SELECT y.id, y.name, min(s.tier)::int AS "topTier" FROM "System" y LEFT JOIN "Service" s ON s."systemId" = y.id GROUP BY y.id ORDER BY y.name`,
    // Overrides from two weeks back: the linter's look-ahead and the simulator's T+N both start at about now.
    findScheduleRotations(db, undefined, new Date(Date.now() - 14 * 86_400_000)),
  ]);
  return {
    contacts: contacts.map(({ notificationRules, ...c }): PagingContact => ({
      ...(c as Omit<PagingContact, "rules">),
      rules: notificationRules,
    })),
    channels: channels as PagingChannel[],
    policies: policies.map((p): PagingPolicy => ({
      ...p,
      levels: p.levels.map((l) => ({
        position: l.position,
        afterMinutes: l.afterMinutes,
        roleTargets: l.roleTargets,
        contactIds: l.contacts.map((c) => c.contactId),
        channelIds: l.channels.map((c) => c.channelId),
        scheduleIds: l.schedules.map((s) => s.scheduleId),
      })),
    })),
    systems,
    schedules,
    readiness: channelReadiness(Boolean(env().SMTP_URL)),
  };
}
