// The incident timeline: append-only events, announced to every app process with NOTIFY.
//
// Why the lock: a bigserial id is taken at INSERT but becomes visible at COMMIT, so without care event 11
// can be seen (and streamed) before event 10 commits — and a client resuming "after 11" would never get 10.
// Appends take one transaction-scoped advisory lock just before inserting, so ids commit in id order and
// "every event with id > N" is always a complete answer. The lock is held only from the insert to commit.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Reader, Tx } from "@/lib/db/client";

export const TIMELINE_LOCK = 4242003;
export const TIMELINE_CHANNEL = "lifeboat_timeline";

/** What a timeline entry records (the UI styles and filters by it). */
type TimelineKind =
  | "declared"
  | "status_changed"
  | "severity_changed"
  | "commander_changed"
  | "status_page_changed"
  | "services_changed"
  | "note"
  | "postmortem"
  | "acknowledged"
  | "alert_received"
  | "alert_resolved"
  | "escalation_fired"
  | "escalation_stopped"
  | "notification_sent"
  | "notification_failed"
  | "recovery_run"
  | "recovery_step"
  | "service_verified"
  | "resolved";

export type TimelineInput = {
  incidentId: string;
  kind: TimelineKind;
  actor: { id?: string | null; name: string };
  message: string;
  public?: boolean;
  data?: Prisma.InputJsonValue;
  /** Only for imported history (the demo seed); live events take the database's clock. */
  at?: Date;
};

/** The shape every reader sees: API, stream and pages. Ids are strings (bigint does not survive JSON). */
export type TimelineEntry = {
  id: string;
  incidentId: string;
  at: string;
  kind: string;
  actorName: string;
  message: string;
  public: boolean;
  data: unknown;
};

const entrySelect = {
  id: true,
  incidentId: true,
  at: true,
  kind: true,
  actorName: true,
  message: true,
  public: true,
  data: true,
} as const;

type EntryRow = {
  id: bigint;
  incidentId: string;
  at: Date;
  kind: string;
  actorName: string;
  message: string;
  public: boolean;
  data: unknown;
};

const toEntry = (row: EntryRow): TimelineEntry => ({ ...row, id: row.id.toString(), at: row.at.toISOString() });

/** Appends events inside the caller's transaction; they are announced when it commits. Call last in the transaction. */
export async function appendTimeline(tx: Tx, ...events: TimelineInput[]) {
  if (events.length === 0) return [];
  // Lock order: incident rows first, then the timeline lock. The inserts' foreign-key checks take KEY SHARE
  // on the incident; taking it before the timeline lock means a writer holding the timeline lock never
  // waits on an incident row that another transaction (an acknowledge, a status change) holds FOR UPDATE
  // while it waits for the timeline lock — which would be a deadlock.
  const incidentIds = [...new Set(events.map((e) => e.incidentId))];
  await tx.$queryRaw`SELECT 1 FROM "Incident" WHERE id = ANY(${incidentIds}) FOR KEY SHARE`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TIMELINE_LOCK})`;
  // One statement for all rows: the lock is held for as few round trips as possible.
  const created = await tx.timelineEvent.createManyAndReturn({
    data: events.map((event) => ({
      incidentId: event.incidentId,
      kind: event.kind,
      actorId: event.actor.id ?? null,
      actorName: event.actor.name,
      message: event.message,
      public: event.public ?? false,
      data: event.data,
      ...(event.at ? { at: event.at } : {}),
    })),
    select: entrySelect,
  });
  const rows = created.sort((a, b) => (a.id < b.id ? -1 : 1)).map(toEntry);
  // The payload only says "something after id N happened"; listeners read the rows themselves, so the
  // 8 kB NOTIFY limit never matters and nothing private travels on the channel.
  const last = rows[rows.length - 1]!;
  await tx.$executeRaw`SELECT pg_notify(${TIMELINE_CHANNEL}, ${last.id})`;
  return rows;
}

export const TIMELINE_PAGE = 500;

/** Events after `afterId` (exclusive), oldest first; one incident or all of them. */
export async function findTimelineEvents(
  db: Reader,
  options: { incidentId?: string; afterId?: bigint; limit?: number },
) {
  const rows = await db.timelineEvent.findMany({
    where: {
      ...(options.incidentId ? { incidentId: options.incidentId } : {}),
      ...(options.afterId !== undefined ? { id: { gt: options.afterId } } : {}),
    },
    orderBy: { id: "asc" },
    take: options.limit ?? TIMELINE_PAGE,
    select: entrySelect,
  });
  return rows.map(toEntry);
}

/** The newest events of one incident (for the first paint), oldest first. */
export async function findLatestTimeline(db: Reader, incidentId: string, limit = TIMELINE_PAGE) {
  const rows = await db.timelineEvent.findMany({
    where: { incidentId },
    orderBy: { id: "desc" },
    take: limit,
    select: entrySelect,
  });
  return rows.reverse().map(toEntry);
}

/** Parses a Last-Event-ID / `after` value; anything odd means "from the start". */
export function parseEventId(value: string | null | undefined): bigint | undefined {
  if (!value || !/^\d{1,18}$/.test(value)) return undefined;
  return BigInt(value);
}

/** The newest events across all incidents, oldest first (the dashboard's activity feed). */
export async function findLatestEvents(db: Reader, limit: number) {
  const rows = await db.timelineEvent.findMany({ orderBy: { id: "desc" }, take: limit, select: entrySelect });
  return rows.reverse().map(toEntry);
}
