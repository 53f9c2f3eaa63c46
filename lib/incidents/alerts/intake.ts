// Alerts in, incidents out. Every sender's payload is turned into an AlertGroup first (alertmanager.ts,
// events-api.ts); this file is the one place that decides what an alert means:
// - an alert whose key (fingerprint, dedup_key) belongs to an open incident joins it, however often it
//   is re-sent: retries and repeat notifications never open a second incident;
// - otherwise the group's key finds an open incident from the same group; otherwise firing alerts open one;
// - a resolved alert is recorded, but resolving the incident stays a person's decision.
// Concurrent deliveries of the same alerts serialise on advisory locks taken in a fixed order.
import type { Db, Tx } from "@/lib/db/client";
import type { IncidentSource, Severity } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import type { JobSink } from "@/lib/jobs/boss";
import { acknowledgeInTx, openIncidentInTx } from "../incidents";
import { severityFromAlert, worstSeverity } from "../model";
import { appendTimeline, type TimelineInput } from "../timeline";
import { matchServices, type LabelConfig } from "./mapping";

export type IncomingAlert = {
  dedupKey: string;
  status: "firing" | "resolved";
  summary: string;
  severity: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  generatorUrl: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
};

export type AlertGroup = {
  source: Exclude<IncidentSource, "manual">;
  groupKey: string;
  title: string;
  alerts: IncomingAlert[];
};

export type IntakeResult = {
  incident: { id: string; number: number } | null;
  created: boolean;
  changed: number;
  repeats: number;
};

const SOURCE_NAMES: Record<AlertGroup["source"], string> = { alertmanager: "alertmanager", events_api: "events API" };
/** Above this many alerts in one delivery, the timeline gets one summary line instead of one per alert. */
const DETAIL_LIMIT = 20;

const labelConfig = (): LabelConfig => ({
  serviceLabels: env().ALERT_SERVICE_LABELS,
  systemLabel: env().ALERT_SYSTEM_LABEL,
});

async function lockKeys(tx: Tx, keys: string[]) {
  // One statement, sorted, so two deliveries that share keys always lock them in the same order (no deadlock).
  const sorted = [...new Set(keys)].sort();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${sorted}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`;
}

type KnownAlert = { id: string; dedupKey: string; incidentId: string; status: string };

async function findOpenIncident(
  tx: Tx,
  group: AlertGroup,
): Promise<{ incidentId: string | null; known: KnownAlert[] }> {
  const keys = group.alerts.map((a) => a.dedupKey);
  const known = await tx.$queryRaw<KnownAlert[]>`
    SELECT a.id, a."dedupKey", a."incidentId", a.status::text
    FROM "Alert" a JOIN "Incident" i ON i.id = a."incidentId"
    WHERE a.source = ${group.source}::"IncidentSource" AND a."dedupKey" = ANY(${keys}) AND i.status <> 'resolved'
    ORDER BY i."declaredAt"`;
  if (known.length)
    return { incidentId: known[0]!.incidentId, known: known.filter((k) => k.incidentId === known[0]!.incidentId) };
  const byGroup = await tx.incident.findFirst({
    where: { source: group.source, dedupKey: group.groupKey, status: { not: "resolved" } },
    orderBy: { declaredAt: "desc" },
    select: { id: true },
  });
  return { incidentId: byGroup?.id ?? null, known: [] };
}

const json = (value: Record<string, string>) => value as Prisma.InputJsonValue;

/**
 * The retry-storm fast path: when every alert of the delivery is already known on one open incident with the
 * same status, count the repeat in one statement, without locks or a transaction of our own. The statement
 * updates nothing unless all of them match; then the full path below decides.
 */
async function recordPureRepeats(db: Db, group: AlertGroup): Promise<IntakeResult | null> {
  const keys = group.alerts.map((a) => a.dedupKey);
  if (new Set(keys).size !== keys.length) return null;
  const statuses = group.alerts.map((a) => a.status);
  const rows = await db.$queryRaw<{ incidentId: string; number: number }[]>`
    WITH incoming AS (SELECT * FROM unnest(${keys}::text[], ${statuses}::text[]) AS x(key, status)),
    matched AS (
      SELECT a.id, a."incidentId", i.number FROM "Alert" a
      JOIN "Incident" i ON i.id = a."incidentId" AND i.status <> 'resolved'
      JOIN incoming x ON x.key = a."dedupKey"
      WHERE a.source = ${group.source}::"IncidentSource"
        AND (a.status::text = x.status OR (a.status = 'acknowledged' AND x.status = 'firing'))
      -- Rows locked in id order, here and in the locked path: concurrent deliveries of one group never deadlock.
      ORDER BY a.id FOR UPDATE OF a),
    complete AS (SELECT count(*) = ${keys.length} AND count(DISTINCT "incidentId") = 1 AS ok FROM matched)
    UPDATE "Alert" a SET "lastSeenAt" = now(), "receivedCount" = a."receivedCount" + 1
    FROM matched m WHERE a.id = m.id AND (SELECT ok FROM complete)
    RETURNING m."incidentId", m.number`;
  if (rows.length !== keys.length) return null;
  return {
    incident: { id: rows[0]!.incidentId, number: rows[0]!.number },
    created: false,
    changed: 0,
    repeats: keys.length,
  };
}

export async function ingestAlertGroup(
  db: Db,
  jobs: JobSink,
  group: AlertGroup,
  config: LabelConfig = labelConfig(),
): Promise<IntakeResult> {
  return (await recordPureRepeats(db, group)) ?? ingestWithLocks(db, jobs, group, config);
}

async function ingestWithLocks(db: Db, jobs: JobSink, group: AlertGroup, config: LabelConfig): Promise<IntakeResult> {
  return db.$transaction(async (tx) => {
    await lockKeys(tx, [
      `alerts:${group.source}:group:${group.groupKey}`,
      ...group.alerts.map((a) => `alerts:${group.source}:${a.dedupKey}`),
    ]);
    const open = await findOpenIncident(tx, group);
    const known = open.known;
    let incidentId = open.incidentId;
    const firing = group.alerts.filter((a) => a.status === "firing");
    let created = false;
    let number = 0;
    const openingEvents: TimelineInput[] = [];
    if (!incidentId) {
      // Resolved alerts for nothing open: nothing to record them on.
      if (firing.length === 0) return { incident: null, created: false, changed: 0, repeats: group.alerts.length };
      const match = await matchServices(tx, firing, config);
      const severity = firing.map((a) => severityFromAlert(a.severity)).reduce<Severity>(worstSeverity, "SEV4");
      const opened = await openIncidentInTx(
        tx,
        jobs,
        { system: SOURCE_NAMES[group.source] },
        {
          title: group.title.slice(0, 200),
          severity,
          systemId: match.systemId ?? undefined,
          serviceIds: match.serviceIds,
          commanderId: undefined,
          note: match.unmatched.length
            ? `No Lifeboat service matches ${match.unmatched.map((n) => `"${n}"`).join(", ")} (labels: ${config.serviceLabels.join(", ")}).`
            : "",
          source: group.source,
          dedupKey: group.groupKey,
        },
      );
      incidentId = opened.incident.id;
      number = opened.incident.number;
      openingEvents.push(...opened.events);
      created = true;
    } else {
      number = (await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { number: true } })).number;
    }

    if (known.length)
      await tx.$executeRaw`SELECT 1 FROM "Alert" WHERE id = ANY(${known.map((k) => k.id)}) ORDER BY id FOR UPDATE`;
    const events: TimelineInput[] = [];
    let changed = 0;
    let repeats = 0;
    const actor = { name: SOURCE_NAMES[group.source] };
    for (const alert of group.alerts) {
      const previous = known.find((k) => k.dedupKey === alert.dedupKey);
      const common = {
        status: alert.status,
        summary: alert.summary.slice(0, 1000),
        severity: alert.severity,
        labels: json(alert.labels),
        annotations: json(alert.annotations),
        generatorUrl: alert.generatorUrl,
        startsAt: alert.startsAt,
        endsAt: alert.endsAt,
        lastSeenAt: new Date(),
      };
      if (!previous) {
        await tx.alert.create({ data: { ...common, source: group.source, dedupKey: alert.dedupKey, incidentId } });
      } else {
        // A re-sent alert keeps "acknowledged" until it actually resolves.
        const status = previous.status === "acknowledged" && alert.status === "firing" ? "acknowledged" : alert.status;
        await tx.alert.update({
          where: { id: previous.id },
          data: { ...common, status, receivedCount: { increment: 1 } },
        });
        if (previous.status === alert.status || (previous.status === "acknowledged" && alert.status === "firing")) {
          repeats += 1;
          continue;
        }
      }
      changed += 1;
      const resolved = alert.status === "resolved";
      events.push({
        incidentId,
        kind: resolved ? "alert_resolved" : "alert_received",
        actor,
        message: resolved
          ? `Alert resolved at the source: ${alert.summary}`
          : `${previous ? "Alert firing again" : "Alert firing"}: ${alert.summary}`,
        data: { dedupKey: alert.dedupKey, labels: alert.labels, generatorUrl: alert.generatorUrl },
      });
    }
    if (events.length > DETAIL_LIMIT) {
      const firingCount = events.filter((e) => e.kind === "alert_received").length;
      events.splice(0, events.length, {
        incidentId,
        kind: firingCount ? "alert_received" : "alert_resolved",
        actor,
        message: `${firingCount} alert(s) firing, ${events.length - firingCount} resolved at the source (details in the alert list).`,
      });
    }
    if (events.some((e) => e.kind === "alert_resolved")) {
      const stillFiring = await tx.alert.count({ where: { incidentId, status: { not: "resolved" } } });
      events.push({
        incidentId,
        kind: "note",
        actor,
        message: stillFiring
          ? `${stillFiring} alert(s) still firing.`
          : "Every alert of this incident has resolved at the source. The incident stays open until the commander verifies recovery and resolves it.",
      });
    }
    await appendTimeline(tx, ...openingEvents, ...events);
    return { incident: { id: incidentId, number }, created, changed, repeats };
  }, INTAKE_TRANSACTION);
}

/** An alert storm queues deliveries behind each other's locks: give them longer than Prisma's default 5 s. */
const INTAKE_TRANSACTION = { maxWait: 10_000, timeout: 20_000 };

async function findOpenAlert(tx: Tx, source: AlertGroup["source"], dedupKey: string) {
  return tx.alert.findFirst({
    where: { source, dedupKey, incident: { status: { not: "resolved" } } },
    orderBy: { firstSeenAt: "desc" },
  });
}

/** The sender acknowledged (Events API "acknowledge"): the incident's escalation stops, as if a person had. */
export async function acknowledgeAlert(db: Db, source: AlertGroup["source"], dedupKey: string) {
  return db.$transaction(async (tx) => {
    await lockKeys(tx, [`alerts:${source}:${dedupKey}`]);
    const alert = await findOpenAlert(tx, source, dedupKey);
    if (!alert) return { incident: null };
    if (alert.status === "firing")
      await tx.alert.update({
        where: { id: alert.id },
        data: { status: "acknowledged", lastSeenAt: new Date(), receivedCount: { increment: 1 } },
      });
    const { incident } = await acknowledgeInTx(tx, { system: SOURCE_NAMES[source] }, alert.incidentId);
    return { incident: { id: incident.id, number: incident.number } };
  });
}

/** The sender resolved an alert it had triggered: recorded like any resolved alert. */
export async function resolveAlert(db: Db, jobs: JobSink, source: AlertGroup["source"], dedupKey: string) {
  const alert = await db.alert.findFirst({
    where: { source, dedupKey, incident: { status: { not: "resolved" } } },
    orderBy: { firstSeenAt: "desc" },
  });
  if (!alert) return { incident: null, created: false, changed: 0, repeats: 1 } satisfies IntakeResult;
  const incoming: IncomingAlert = {
    dedupKey,
    status: "resolved",
    summary: alert.summary,
    severity: alert.severity,
    labels: alert.labels as Record<string, string>,
    annotations: alert.annotations as Record<string, string>,
    generatorUrl: alert.generatorUrl,
    startsAt: alert.startsAt,
    endsAt: new Date(),
  };
  return ingestAlertGroup(db, jobs, { source, groupKey: dedupKey, title: alert.summary, alerts: [incoming] });
}
