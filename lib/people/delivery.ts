// Sends one notification over one channel and records every attempt (NotificationDelivery).
// Transient failures (network, timeouts, 429, 5xx) are retried a few times with backoff; a 4xx is final.
import nodemailer from "nodemailer";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { guardedFetch, OutboundRefusedError } from "@/lib/security/outbound";
import { maskUrl, type ChannelType } from "./model";

export type Message = { subject: string; text: string };
export type DeliveryConfig = { smtpUrl?: string; smtpFrom: string; timeoutMs: number; backoffMs: number[] };
export type DeliveryChannel = { id: string; name: string; type: ChannelType; url: string | null; enabled: boolean };
export type DeliveryContact = { id: string; name: string; email: string | null; phone: string | null };

type AttemptResult = { ok: boolean; transient: boolean; status?: number; body?: string; error?: string };

export function deliveryConfig(): DeliveryConfig {
  const e = env();
  return { smtpUrl: e.SMTP_URL, smtpFrom: e.SMTP_FROM, timeoutMs: e.NOTIFY_TIMEOUT_MS, backoffMs: [250, 1000] };
}

async function postJson(url: string, payload: unknown, timeoutMs: number): Promise<AttemptResult> {
  try {
    const response = await guardedFetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "Lifeboat-Notifier/1" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.text()).slice(0, 500);
    return {
      ok: response.ok,
      transient: response.status === 429 || response.status >= 500,
      status: response.status,
      body,
    };
  } catch (error) {
    if (error instanceof OutboundRefusedError)
      return { ok: false, transient: false, error: `${maskUrl(url)}: ${error.message}` };
    // Error texts can quote the URL, which may carry a token: keep only the host.
    const message = (error as Error).message.replaceAll(url, maskUrl(url));
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, transient: true, error: cause ? `${message} (${cause})` : message };
  }
}

/**
 * Given a URL, nodemailer reads transport settings from its query (its second argument holds message defaults,
 * where timeouts were silently ignored and a server that never answered held a notification job for minutes).
 * Timeouts the operator wrote into SMTP_URL win.
 */
function smtpUrlWithTimeouts(smtpUrl: string, timeoutMs: number): string {
  const url = new URL(smtpUrl);
  for (const key of ["connectionTimeout", "greetingTimeout", "socketTimeout"]) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, String(timeoutMs));
  }
  return url.toString();
}

async function sendEmail(config: DeliveryConfig, to: string, message: Message): Promise<AttemptResult> {
  if (!config.smtpUrl) return { ok: false, transient: false, error: "SMTP is not configured (SMTP_URL)" };
  try {
    const transport = nodemailer.createTransport(smtpUrlWithTimeouts(config.smtpUrl, config.timeoutMs));
    const info = await transport.sendMail({ from: config.smtpFrom, to, subject: message.subject, text: message.text });
    return { ok: true, transient: false, body: String(info.response ?? "").slice(0, 500) };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    return {
      ok: false,
      transient: code === undefined || (code >= 400 && code < 500),
      status: code,
      error: (error as Error).message,
    };
  }
}

function attempt(
  channel: DeliveryChannel,
  to: string | null,
  message: Message,
  config: DeliveryConfig,
): Promise<AttemptResult> {
  switch (channel.type) {
    case "webhook":
      // Slack- and Teams-style incoming webhooks read `text`; the rest is for richer receivers.
      return postJson(
        channel.url!,
        { text: `*${message.subject}*\n${message.text}`, subject: message.subject, body: message.text },
        config.timeoutMs,
      );
    case "sms":
    case "voice":
      return postJson(
        channel.url!,
        { to, text: `${message.subject}: ${message.text}`, channel: channel.type },
        config.timeoutMs,
      );
    case "email":
      return sendEmail(config, to!, message);
  }
}

/** Where the message goes, safe to store and show. */
function targetOf(
  channel: DeliveryChannel,
  contact: DeliveryContact | null,
): { to: string | null; shown: string; problem?: string } {
  if (channel.type === "webhook")
    return { to: null, shown: maskUrl(channel.url), problem: channel.url ? undefined : "no URL" };
  const to = channel.type === "email" ? (contact?.email ?? null) : (contact?.phone ?? null);
  if (!contact) return { to: null, shown: "(no contact)", problem: "this channel needs a contact to send to" };
  return {
    to,
    shown: to ?? `(${contact.name}: no ${channel.type === "email" ? "email" : "phone"})`,
    problem: to ? undefined : `${contact.name} has no ${channel.type === "email" ? "email" : "phone"}`,
  };
}

export async function deliver(
  db: Db,
  input: { channel: DeliveryChannel; contact: DeliveryContact | null; kind: string; message: Message },
  config: DeliveryConfig = deliveryConfig(),
) {
  const { channel, contact, kind, message } = input;
  const target = targetOf(channel, contact);
  const row = await db.notificationDelivery.create({
    data: {
      channelId: channel.id,
      contactId: contact?.id ?? null,
      kind,
      target: target.shown,
      subject: message.subject,
    },
  });
  const problem = !channel.enabled ? "channel is disabled" : target.problem;
  if (problem) {
    return db.notificationDelivery.update({
      where: { id: row.id },
      data: { status: "failed", lastError: problem, finishedAt: new Date() },
    });
  }
  let result: AttemptResult = { ok: false, transient: true };
  let attempts = 0;
  for (const wait of [0, ...config.backoffMs]) {
    if (wait) await new Promise((r) => setTimeout(r, wait));
    attempts += 1;
    result = await attempt(channel, target.to, message, config);
    await db.notificationDelivery.update({
      where: { id: row.id },
      data: {
        attempts,
        responseStatus: result.status ?? null,
        responseBody: result.body ?? null,
        lastError: result.ok ? null : (result.error ?? `HTTP ${result.status}`),
      },
    });
    if (result.ok || !result.transient) break;
  }
  return db.notificationDelivery.update({
    where: { id: row.id },
    data: { status: result.ok ? "sent" : "failed", finishedAt: new Date() },
  });
}
