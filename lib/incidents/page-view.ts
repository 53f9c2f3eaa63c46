// What the public page of a page link shows (no sign-in: whoever holds the link sees it): the incident's head,
// services, who is paged and its last few timeline lines — only kinds that say where the incident stands, never
// notes, alert payloads or recovery output, because a link can be forwarded.
import type { Reader } from "@/lib/db/client";
import { linkProblem, type PageLinkRow } from "./page-links";

/** Timeline kinds a paged contact needs to decide (and that hold no operational detail). */
const PAGE_SAFE_KINDS = [
  "declared",
  "status_changed",
  "severity_changed",
  "acknowledged",
  "escalation_fired",
  "escalation_stopped",
  "service_verified",
  "resolved",
];
const LINES = 5;

export async function findPageView(db: Reader, link: PageLinkRow) {
  const [incident, contact, lines, paged] = await Promise.all([
    db.incident.findUniqueOrThrow({
      where: { id: link.incidentId },
      select: {
        number: true,
        title: true,
        severity: true,
        status: true,
        acknowledgedAt: true,
        acknowledgedBy: true,
        services: { orderBy: { service: { name: "asc" } }, select: { service: { select: { name: true } } } },
      },
    }),
    db.contact.findUniqueOrThrow({ where: { id: link.contactId }, select: { name: true } }),
    db.timelineEvent.findMany({
      where: { incidentId: link.incidentId, kind: { in: PAGE_SAFE_KINDS } },
      orderBy: { id: "desc" },
      take: LINES,
      select: { id: true, at: true, actorName: true, message: true },
    }),
    db.escalationPage.findMany({
      where: { incidentId: link.incidentId, state: "sent", contactId: { not: null } },
      distinct: ["contactId"],
      select: { contactId: true },
    }),
  ]);
  const pagedNames = await db.contact.findMany({
    where: { id: { in: paged.map((p) => p.contactId!) } },
    orderBy: { name: "asc" },
    select: { name: true },
  });
  return {
    incident: { ...incident, services: incident.services.map((s) => s.service.name) },
    contact,
    lines: lines.reverse().map((l) => ({ ...l, id: l.id.toString() })),
    paged: pagedNames.map((c) => c.name),
    link: { acknowledgedAt: link.acknowledgedAt, escalatedAt: link.escalatedAt },
    problem: linkProblem(link, incident),
  };
}
