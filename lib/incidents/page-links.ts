// The one-tap link every page to a contact carries: signed, bound to one incident and one contact, valid for
// 24 h and while the incident is open. The token is `<linkId>.<HMAC>`: the MAC covers the link's id, incident,
// contact and expiry, so a token cannot be edited into another incident's or outlive its row's expiry, and the
// row (not the token) says whether each action was used. The SMS reply code is the same link by another name.
import { createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Reader } from "@/lib/db/client";
import { env } from "@/lib/env";
import { incidentRef } from "./model";

const LINK_TTL_MS = 24 * 60 * 60 * 1000;
/** No 0/O, 1/I/L, 5/S, 2/Z: a code read off a lock screen and typed back is not misread. */
export const CODE_ALPHABET = "346789ABCDEFGHJKMNPQRTUVWXY";
const CODE_LENGTH = 6;
const TOKEN_PATTERN = /^([A-Za-z0-9_-]{16,40})\.([A-Za-z0-9_-]{43})$/;

let cachedKey: { secret: string; key: Buffer } | null = null;
/** A key of its own derived from the session secret (HKDF with a fixed label): the session key is never used raw. */
function linkKey(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (cachedKey?.secret !== secret)
    cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "lifeboat", "page-link v1", 32)) };
  return cachedKey.key;
}

type SignedFields = { id: string; incidentId: string; contactId: string; expiresAt: Date };

function mac(link: SignedFields): Buffer {
  return createHmac("sha256", linkKey())
    .update([link.id, link.incidentId, link.contactId, link.expiresAt.toISOString()].join("\n"))
    .digest();
}

const tokenOf = (link: SignedFields) => `${link.id}.${mac(link).toString("base64url")}`;

export function newReplyCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

function baseUrl() {
  return env().NEXTAUTH_URL?.replace(/\/$/, "") ?? "";
}

const linkSelect = {
  id: true,
  incidentId: true,
  contactId: true,
  code: true,
  expiresAt: true,
  acknowledgedAt: true,
  escalatedAt: true,
} as const;

/**
 * The contact's link for the incident, made on their first page and reused by later ones (one per pair). An
 * expired link is renewed for another 24 h when a new page goes out, so the newest page always carries a live
 * link (its old token stops verifying: the expiry is signed). A code collision retries with a new code.
 */
export async function issuePageLink(db: Reader, input: { incidentId: string; contactId: string }) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const id = randomBytes(18).toString("base64url");
    // skipDuplicates (ON CONFLICT DO NOTHING) never aborts the caller's transaction: a lost race or a taken code just returns nothing.
    await db.pageLink.createMany({
      data: [{ id, ...input, code: newReplyCode(), expiresAt: new Date(Date.now() + LINK_TTL_MS) }],
      skipDuplicates: true,
    });
    const link = await db.pageLink.findUnique({
      where: { incidentId_contactId: { incidentId: input.incidentId, contactId: input.contactId } },
      select: linkSelect,
    });
    if (!link) continue;
    const live =
      link.expiresAt.getTime() > Date.now()
        ? link
        : await db.pageLink.update({
            where: { id: link.id },
            data: { expiresAt: new Date(Date.now() + LINK_TTL_MS) },
            select: linkSelect,
          });
    return { url: `${baseUrl()}/p/${tokenOf(live)}`, code: live.code, linkId: live.id };
  }
  throw new Error("could not draw a free page-link code in 8 attempts");
}

/** The line every page to a contact ends with (the escalation appends it). */
export async function pageLinkText(db: Reader, input: { incidentId: string; contactId: string }) {
  const { url, code } = await issuePageLink(db, input);
  return `Acknowledge or escalate: ${url} — or reply ACK ${code} / ESC ${code}`;
}

export type PageLinkRow = {
  id: string;
  incidentId: string;
  contactId: string;
  code: string;
  expiresAt: Date;
  acknowledgedAt: Date | null;
  escalatedAt: Date | null;
};

/** Why a link cannot act (the reason a person reads), or null while it can. Checked again inside each write. */
type LinkProblem = { kind: "expired" | "resolved"; message: string };

export function linkProblem(link: PageLinkRow, incident: { number: number; status: string }, now = new Date()) {
  if (incident.status === "resolved")
    return { kind: "resolved", message: `${incidentRef(incident.number)} is resolved.` } satisfies LinkProblem;
  if (link.expiresAt.getTime() <= now.getTime())
    return { kind: "expired", message: "This link expired." } satisfies LinkProblem;
  return null;
}

export const LINK_NOT_VALID = "This link is not valid.";

const DUMMY: SignedFields = { id: "x", incidentId: "x", contactId: "x", expiresAt: new Date(0) };

/**
 * The link a token names, or null for anything forged, edited, unknown or malformed (the caller answers all of
 * them alike, so a forged token never learns whether an incident or a link exists). The MAC is compared in
 * constant time, also against a dummy when no row matches.
 */
export async function verifyPageLink(db: Reader, token: string): Promise<PageLinkRow | null> {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const link = await db.pageLink.findUnique({ where: { id: match[1]! }, select: linkSelect });
  // Compared as text, not decoded bytes: base64 ignores a last character's low bits, so two spellings would pass.
  const expected = Buffer.from(mac(link ?? DUMMY).toString("base64url"));
  const given = Buffer.from(match[2]!);
  const same = given.length === expected.length && timingSafeEqual(given, expected);
  return link && same ? link : null;
}
