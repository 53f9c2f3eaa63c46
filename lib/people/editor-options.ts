import type { Reader } from "@/lib/db/client";
import { env } from "@/lib/env";
import { channelReadiness } from "./model";

/** What the policy editor offers: contacts, channels (with readiness), systems. */
export async function loadEditorOptions(db: Reader) {
  const [contacts, channels, systems] = await Promise.all([
    db.contact.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.notificationChannel.findMany({ select: { id: true, name: true, type: true, url: true, enabled: true }, orderBy: { name: "asc" } }),
    db.system.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const readiness = channelReadiness(Boolean(env().SMTP_URL));
  return { contacts, systems, channels: channels.map((c) => ({ id: c.id, name: c.name, type: c.type, ready: readiness(c).ready })) };
}
