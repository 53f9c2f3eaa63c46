// Has any page reached anyone yet? The escalation's pages of an incident, by channel: "nobody reached" while
// pages have gone out and none was delivered, with the channels that failed (the red banner says which).
import type { Reader } from "@/lib/db/client";

export type PagingHealth = {
  /** At least one page was delivered, or someone acknowledged. */
  reached: boolean;
  /** Pages that went out (delivered or failed). */
  attempted: number;
  failingChannels: string[];
  /** Pages went out, none arrived, nobody acknowledged: the banner's case. */
  nobodyReached: boolean;
};

type PageRow = { channel: string | null; state: string; count: number };

/** Pure: the verdict from page counts per channel and state. */
export function judgePaging(rows: PageRow[], acknowledged: boolean): PagingHealth {
  const sent = rows.filter((r) => r.state === "sent").reduce((n, r) => n + r.count, 0);
  const failed = rows.filter((r) => r.state === "failed");
  const delivered = new Set(rows.filter((r) => r.state === "sent").map((r) => r.channel));
  const failingChannels = [...new Set(failed.map((r) => r.channel ?? "a deleted channel"))]
    .filter((name) => !delivered.has(name))
    .sort();
  const attempted = sent + failed.reduce((n, r) => n + r.count, 0);
  const reached = acknowledged || sent > 0;
  return { reached, attempted, failingChannels, nobodyReached: !reached && attempted > 0 };
}

export async function findPagingHealth(db: Reader, incidentId: string): Promise<PagingHealth> {
  const [rows, incident] = await Promise.all([
    db.$queryRaw<PageRow[]>`
      SELECT c.name AS channel, p.state::text AS state, count(*)::int AS count
      FROM "EscalationPage" p LEFT JOIN "NotificationChannel" c ON c.id = p."channelId"
      WHERE p."incidentId" = ${incidentId} AND p.state IN ('sent', 'failed')
      GROUP BY c.name, p.state`,
    db.incident.findUnique({ where: { id: incidentId }, select: { acknowledgedAt: true } }),
  ]);
  return judgePaging(rows, Boolean(incident?.acknowledgedAt));
}

/** "Nobody reached yet: SMS gateway and Slack failing". */
export function pagingHeadline(health: PagingHealth) {
  const names = health.failingChannels;
  const list = names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `Nobody reached yet${list ? `: ${list} failing` : ""}`;
}

export type UnreachedIncident = { id: string; number: number; title: string; health: PagingHealth };

/** Open, unacknowledged incidents whose pages all failed: one query for the whole board (/command's banner). */
export async function findUnreachedIncidents(db: Reader): Promise<UnreachedIncident[]> {
  const rows = await db.$queryRaw<(PageRow & { id: string; number: number; title: string })[]>`
    SELECT i.id, i.number, i.title, c.name AS channel, p.state::text AS state, count(*)::int AS count
    FROM "Incident" i
    JOIN "EscalationPage" p ON p."incidentId" = i.id AND p.state IN ('sent', 'failed')
    LEFT JOIN "NotificationChannel" c ON c.id = p."channelId"
    WHERE i.status <> 'resolved' AND i."acknowledgedAt" IS NULL
    GROUP BY i.id, i.number, i.title, c.name, p.state
    ORDER BY i.number`;
  const byIncident = new Map<string, { number: number; title: string; rows: PageRow[] }>();
  for (const r of rows) {
    const entry = byIncident.get(r.id) ?? { number: r.number, title: r.title, rows: [] };
    entry.rows.push({ channel: r.channel, state: r.state, count: r.count });
    byIncident.set(r.id, entry);
  }
  return [...byIncident.entries()]
    .map(([id, e]) => ({ id, number: e.number, title: e.title, health: judgePaging(e.rows, false) }))
    .filter((i) => i.health.nobodyReached);
}
