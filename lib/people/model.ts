// Plain shapes the people rules work on (loaded from the database by lib/people/queries.ts), so the
// linter and the paging simulator are pure functions, unit-tested without a database.
export type ChannelType = "webhook" | "email" | "sms" | "voice";

export type PagingContact = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  roles: string[];
  external: boolean;
  confirmedAt: Date | null;
  /** The contact's own notification rules in order (channel at +N minutes); none → the level's channels. */
  rules?: ContactRule[];
};

type ContactRule = { channelId: string; afterMinutes: number };

export type PagingChannel = { id: string; name: string; type: ChannelType; url: string | null; enabled: boolean };

export type PagingLevel = {
  position: number;
  afterMinutes: number;
  contactIds: string[];
  roleTargets: string[];
  channelIds: string[];
  /** Schedules whose on-call person this level pages (resolved when the page is sent). */
  scheduleIds?: string[];
};

export type PagingPolicy = {
  id: string;
  name: string;
  systemId: string | null;
  tier: number | null;
  repeatTimes: number;
  repeatAfterMinutes: number;
  levels: PagingLevel[];
};

/** Whether a channel can deliver at all right now (email needs SMTP settings; the others a URL). */
export type ChannelReadiness = (channel: PagingChannel) => { ready: boolean; reason?: string };

const STALE_AFTER_DAYS = 90;

export function isStale(confirmedAt: Date | null, now: Date): boolean {
  return !confirmedAt || now.getTime() - confirmedAt.getTime() > STALE_AFTER_DAYS * 86_400_000;
}

export function channelReadiness(smtpConfigured: boolean): ChannelReadiness {
  return (channel) => {
    if (!channel.enabled) return { ready: false, reason: `${channel.name} is disabled` };
    if (channel.type === "email")
      return smtpConfigured
        ? { ready: true }
        : { ready: false, reason: `${channel.name} needs SMTP settings (SMTP_URL)` };
    return channel.url ? { ready: true } : { ready: false, reason: `${channel.name} has no URL` };
  };
}

/** The address a channel needs from a contact, or null when the channel does not go to a person (webhook). */
export function addressFor(type: ChannelType, contact: { email: string | null; phone: string | null }) {
  if (type === "webhook") return null;
  return type === "email" ? contact.email : contact.phone;
}

/** Shows where a webhook goes without its secret: scheme and host only (paths often carry the token). */
export function maskUrl(url: string | null): string {
  if (!url) return "(no URL)";
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return "(invalid URL)";
  }
}
