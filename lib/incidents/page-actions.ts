// A paged contact acts from their page: Acknowledge or Escalate, by the signed link or an SMS reply code.
// Each action of a link works once: the link's acknowledgedAt / escalatedAt is set by a conditional UPDATE in
// the same transaction as the incident's change, so a replay (a double tap, a re-sent SMS) finds it used and
// writes nothing — never a second timeline line. The incident row is locked first, as every incident write does.
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { JobSink } from "@/lib/jobs/boss";
import { escalateNowInTx } from "./escalate-now";
import { acknowledgeInTx } from "./incidents";
import { incidentRef } from "./model";
import { LINK_NOT_VALID, verifyPageLink } from "./page-links";

export type PageAction = "acknowledge" | "escalate";
export type RefusalKind = "invalid" | "expired" | "used" | "resolved" | "already-acknowledged" | "no-level";

/** A refused page action: its kind picks the page's message and the reply's status; the message is safe to show. */
export class PageActionRefused extends AppError {
  readonly kind: RefusalKind;
  constructor(kind: RefusalKind, userMessage: string) {
    super(kind === "invalid" ? "NOT_FOUND" : "CONFLICT", { userMessage });
    this.kind = kind;
  }
}

type LockedIncident = { id: string; number: number; status: string; acknowledgedBy: string | null; ack: boolean };

async function lockLinkIncident(tx: Tx, linkId: string) {
  const [incident] = await tx.$queryRaw<LockedIncident[]>`
    SELECT i.id, i.number, i.status::text, i."acknowledgedBy", i."acknowledgedAt" IS NOT NULL AS ack
    FROM "Incident" i JOIN "PageLink" l ON l."incidentId" = i.id WHERE l.id = ${linkId} FOR UPDATE OF i`;
  return incident ?? null;
}

/** Spends the link's action (once); refuses, naming why, when it was used or expired. */
async function spend(tx: Tx, linkId: string, action: PageAction) {
  const now = new Date();
  const column = action === "acknowledge" ? "acknowledgedAt" : "escalatedAt";
  const spent = await tx.pageLink.updateMany({
    where: { id: linkId, [column]: null, expiresAt: { gt: now } },
    data: { [column]: now },
  });
  if (spent.count === 1) return;
  const link = await tx.pageLink.findUniqueOrThrow({ where: { id: linkId }, select: { [column]: true } });
  if (link[column])
    throw new PageActionRefused(
      "used",
      action === "acknowledge" ? "This link's Acknowledge was already used." : "This link's Escalate was already used.",
    );
  throw new PageActionRefused("expired", "This link expired.");
}

export type PageActionResult = { action: PageAction; incident: { id: string; number: number }; message: string };

/** Acknowledges or escalates as the link's contact; `via` says how they acted (timeline and audit name it). */
export async function actFromPage(
  db: Db,
  jobs: JobSink,
  input: { linkId: string; action: PageAction; via: "page link" | "SMS reply" },
): Promise<PageActionResult> {
  return db.$transaction(async (tx) => {
    const incident = await lockLinkIncident(tx, input.linkId);
    if (!incident) throw new PageActionRefused("invalid", LINK_NOT_VALID);
    const ref = incidentRef(incident.number);
    if (incident.status === "resolved") throw new PageActionRefused("resolved", `${ref} is resolved.`);
    const link = await tx.pageLink.findUniqueOrThrow({
      where: { id: input.linkId },
      select: { acknowledgedAt: true, escalatedAt: true, contact: { select: { id: true, name: true } } },
    });
    // The same button twice is "already used", whatever happened since.
    if (input.action === "acknowledge" ? link.acknowledgedAt : link.escalatedAt)
      await spend(tx, input.linkId, input.action);
    if (incident.ack)
      throw new PageActionRefused(
        "already-acknowledged",
        `${ref} is already acknowledged by ${incident.acknowledgedBy ?? "someone"}: escalation has stopped.`,
      );
    await spend(tx, input.linkId, input.action);
    const actor = { contact: link.contact, via: input.via };
    const head = { id: incident.id, number: incident.number };
    if (input.action === "acknowledge") {
      await acknowledgeInTx(tx, actor, incident.id);
      return { action: input.action, incident: head, message: `${ref} acknowledged. Escalation stopped.` };
    }
    try {
      const { level } = await escalateNowInTx(tx, jobs, incident.id, actor);
      return { action: input.action, incident: head, message: `${ref} escalated: level ${level} is being paged now.` };
    } catch (error) {
      if (error instanceof AppError && !(error instanceof PageActionRefused))
        throw new PageActionRefused("no-level", error.userMessage);
      throw error;
    }
  });
}

export const PAGE_OUTCOMES = [
  "acknowledged",
  "escalated",
  "invalid",
  "expired",
  "used",
  "resolved",
  "already-acknowledged",
  "no-level",
] as const satisfies readonly ("acknowledged" | "escalated" | RefusalKind)[];
export type PageOutcome = (typeof PAGE_OUTCOMES)[number];

/** The public page's buttons: verify the token, act, and name the outcome the page shows after its redirect. */
export async function actFromPageForm(db: Db, jobs: JobSink, token: string, action: PageAction): Promise<PageOutcome> {
  const link = await verifyPageLink(db, token);
  if (!link) return "invalid";
  try {
    await actFromPage(db, jobs, { linkId: link.id, action, via: "page link" });
    return action === "acknowledge" ? "acknowledged" : "escalated";
  } catch (error) {
    if (error instanceof PageActionRefused) return error.kind;
    throw error;
  }
}
