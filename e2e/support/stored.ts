// What a fuzzed request left in the database, found by the marker its strings carry (see hostile.ts):
// rows anywhere that hold the marker, and whether an accepted string was stored exactly as sent.
import { db } from "./db";

/** Every table with text a request could write (LoginAttempt is left out: a failed sign-in is recorded on purpose). */
const TABLES = [
  "User",
  "AuditEvent",
  "System",
  "Service",
  "ServiceDependency",
  "TierDefault",
  "Contact",
  "NotificationChannel",
  "EscalationPolicy",
  "EscalationLevel",
  "EscalationLevelContact",
  "EscalationLevelChannel",
  "NotificationMatrix",
  "NotificationRule",
  "NotificationDelivery",
  "BackupPolicy",
  "BackupRun",
  "BackupGap",
  "ApiToken",
  "Incident",
  "IncidentService",
  "TimelineEvent",
  "Alert",
  "EscalationPage",
  "Runbook",
  "RunbookStep",
  "RecoveryRun",
  "StepRun",
  "RecoveryMeasurement",
  "DrillSchedule",
  "DemoService",
] as const;

const COUNT_SQL = TABLES.map(
  (t) => `SELECT '${t}' AS "table", count(*)::int AS n FROM "${t}" t WHERE strpos(t::text, $1) > 0`,
).join(" UNION ALL ");

/** Rows per table whose text holds the marker (only tables with at least one). */
export async function rowsWithMarker(marker: string): Promise<Record<string, number>> {
  const { rows } = await db().query<{ table: string; n: number }>(COUNT_SQL, [marker]);
  return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.table, r.n]));
}

/**
 * Whether some row of `table` holds `value` exactly in a text column or anywhere inside a JSON column
 * (audit records, alert labels): a hostile string that was accepted must come back byte for byte.
 */
export async function storedExactly(table: (typeof TABLES)[number], value: string): Promise<boolean> {
  const { rows } = await db().query<{ found: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM "${table}" t, jsonb_each(to_jsonb(t)) AS col(key, val)
       WHERE (jsonb_typeof(col.val) = 'string' AND col.val #>> '{}' = $1)
          OR (jsonb_typeof(col.val) IN ('object', 'array') AND jsonb_path_exists(col.val, '$.** ? (@ == $v)', jsonb_build_object('v', $1::text)))
     ) AS found`,
    [value],
  );
  return rows[0]!.found;
}
