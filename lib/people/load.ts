// Loads what the linter and the paging simulator need, in a handful of queries.
import type { Reader } from "@/lib/db/client";
import { env } from "@/lib/env";
import { channelReadiness, type PagingChannel, type PagingContact, type PagingPolicy } from "./model";

export async function loadPagingData(db: Reader) {
  const [contacts, channels, policies, systems] = await Promise.all([
    db.contact.findMany({ select: { id: true, name: true, email: true, phone: true, roles: true, external: true, confirmedAt: true } }),
    db.notificationChannel.findMany({ select: { id: true, name: true, type: true, url: true, enabled: true } }),
    db.escalationPolicy.findMany({
      select: {
        id: true,
        name: true,
        systemId: true,
        tier: true,
        repeatTimes: true,
        repeatAfterMinutes: true,
        levels: { select: { position: true, afterMinutes: true, roleTargets: true, contacts: { select: { contactId: true } }, channels: { select: { channelId: true } } } },
      },
    }),
    db.$queryRaw<{ id: string; name: string; topTier: number | null }[]>`
      SELECT y.id, y.name, min(s.tier)::int AS "topTier" FROM "System" y LEFT JOIN "Service" s ON s."systemId" = y.id GROUP BY y.id ORDER BY y.name`,
  ]);
  return {
    contacts: contacts as PagingContact[],
    channels: channels as PagingChannel[],
    policies: policies.map(
      (p): PagingPolicy => ({
        ...p,
        levels: p.levels.map((l) => ({ position: l.position, afterMinutes: l.afterMinutes, roleTargets: l.roleTargets, contactIds: l.contacts.map((c) => c.contactId), channelIds: l.channels.map((c) => c.channelId) })),
      }),
    ),
    systems,
    readiness: channelReadiness(Boolean(env().SMTP_URL)),
  };
}
