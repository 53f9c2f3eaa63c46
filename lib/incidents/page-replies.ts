// SMS replies to pages, as a gateway posts them to POST /api/v1/pages/replies: JSON {from, text} or a
// Twilio-style form (From, Body). "ACK 7KQ2M9" / "ESC 7KQ2M9" (or the words acknowledge / escalate; any case,
// words after the code ignored) act as the link's contact, once, like the link's buttons. The code must have
// been sent to the number that replies: a code read off someone else's phone, or for another incident, is
// refused. Every answer carries `message`, the text a gateway can send back.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { JobSink } from "@/lib/jobs/boss";
import { incidentRef } from "./model";
import { actFromPage, PageActionRefused, type PageAction } from "./page-actions";
import { CODE_ALPHABET } from "./page-links";

export const REPLY_MAX_BYTES = 4 * 1024;

const replySchema = z.object({
  from: z.string({ error: "from: the sender's phone number is required" }).max(40),
  text: z.string({ error: "text: the reply's text is required" }).max(1600),
});

export type ReplyAnswer = {
  status: number;
  body: {
    ok: boolean;
    incident: string | null;
    action: PageAction | null;
    message: string;
    /** Refusals also say it the way every API error does (lib/api/json). */
    error?: string;
    field?: string;
  };
};

const refuse = (status: number, message: string, extra: Partial<ReplyAnswer["body"]> = {}): ReplyAnswer => ({
  status,
  body: { ok: false, incident: null, action: null, message, error: message, ...extra },
});

/** The body as the gateway sent it: form-encoded (From, Body) or JSON ({from, text}). */
export function readReply(contentType: string, raw: string): { from: string; text: string } | ReplyAnswer {
  let value: unknown;
  if (contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    const form = new URLSearchParams(raw);
    value = {
      from: form.get("From") ?? form.get("from") ?? undefined,
      text: form.get("Body") ?? form.get("text") ?? undefined,
    };
  } else {
    try {
      value = JSON.parse(raw);
    } catch {
      return refuse(400, "The body is neither JSON {from, text} nor a form with From and Body.", { field: "(body)" });
    }
  }
  const parsed = replySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "(body)";
    return refuse(422, field === "(body)" ? "The body must be an object {from, text}." : issue.message, { field });
  }
  return parsed.data;
}

const WORDS: Record<string, PageAction> = {
  ack: "acknowledge",
  acknowledge: "acknowledge",
  esc: "escalate",
  escalate: "escalate",
};
const REPLY_PATTERN = new RegExp(`^\\s*([a-z]+)[\\s:]+([${CODE_ALPHABET}]{6})(?![a-z0-9])`, "i");

/** "ack 7kq2m9 on it" → acknowledge 7KQ2M9; anything else is null. */
export function parseReplyText(text: string): { action: PageAction; code: string } | null {
  const match = REPLY_PATTERN.exec(text.normalize("NFKC"));
  const action = match ? WORDS[match[1]!.toLowerCase()] : undefined;
  return match && action ? { action, code: match[2]!.toUpperCase() } : null;
}

/** A phone number as contacts store it (E.164, separators dropped; a 00 prefix is +), or null. */
export function normalizePhone(value: string): string | null {
  const compact = value
    .trim()
    .replace(/[\s().-]/g, "")
    .replace(/^00/, "+");
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

export async function handleReply(db: Db, jobs: JobSink, reply: { from: string; text: string }): Promise<ReplyAnswer> {
  const from = normalizePhone(reply.from);
  if (!from) return refuse(422, "from: not a phone number in E.164 form, e.g. +14155550123", { field: "from" });
  const parsed = parseReplyText(reply.text);
  if (!parsed)
    return refuse(422, "Reply ACK <code> to acknowledge or ESC <code> to escalate, with the code from the page.", {
      field: "text",
    });
  const link = await db.pageLink.findUnique({
    where: { code: parsed.code },
    select: { id: true, contact: { select: { phone: true } }, incident: { select: { number: true } } },
  });
  if (!link) return refuse(404, `No page carries the code ${parsed.code}.`, { action: parsed.action });
  // Said without the incident: the code was not this sender's to use.
  if (link.contact.phone !== from)
    return refuse(422, `The code ${parsed.code} was not sent to ${from}.`, { field: "from", action: parsed.action });
  const incident = incidentRef(link.incident.number);
  try {
    const result = await actFromPage(db, jobs, { linkId: link.id, action: parsed.action, via: "SMS reply" });
    return { status: 200, body: { ok: true, incident, action: parsed.action, message: result.message } };
  } catch (error) {
    if (!(error instanceof PageActionRefused)) throw error;
    return refuse(error.httpStatus, error.userMessage, { incident, action: parsed.action });
  }
}
