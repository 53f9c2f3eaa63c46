// What the compliance page, its exports and its report share: the filter read from the URL, the summary
// figures, groupings by system and tier, drill coverage, and the table's CSV form.
import { z } from "zod";
import type { Reader } from "@/lib/db/client";
import { BAND_LABELS } from "@/lib/backups/rules";
import { RTO_STATUS_LABELS, RTO_STATUSES, type RtoStatus } from "./rules";
import type { ComplianceFilter } from "./filter";
import type { ComplianceRow } from "./rules";

const filterSchema = z.object({
  system: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  tier: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  status: z.enum(RTO_STATUSES).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
  service: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
});

/**
 * The same filter read strictly, for the export and evidence routes: the page drops a bad value and shows
 * everything, but a download that silently ignores its filter would be evidence of the wrong thing.
 */
const strictFilterSchema = z.object({
  system: z.string().trim().max(64, "is at most 64 characters").optional(),
  tier: z.coerce
    .number({ error: "must be a tier from 1 to 4" })
    .int("must be a tier from 1 to 4")
    .min(1, "must be a tier from 1 to 4")
    .max(4, "must be a tier from 1 to 4")
    .optional(),
  status: z.enum(RTO_STATUSES, { error: `must be one of ${RTO_STATUSES.join(", ")}` }).optional(),
  q: z.string().trim().max(100, "is at most 100 characters").optional(),
  service: z.string().trim().max(64, "is at most 64 characters").optional(),
});

export function readFilter(params: Record<string, string | string[] | undefined>) {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = filterSchema.safeParse(flat);
  const f: z.infer<typeof filterSchema> = parsed.success
    ? parsed.data
    : { system: undefined, tier: undefined, status: undefined, q: undefined, service: undefined };
  const filter: ComplianceFilter = {
    systemId: f.system,
    tier: f.tier,
    status: f.status as RtoStatus | undefined,
    q: f.q,
  };
  return { filter, service: f.service, query: toQuery(filter) };
}

/** For the export and evidence routes: the filter, or the zod error naming the bad parameter (answered as a 400). */
export function readStrictFilter(
  params: Record<string, string>,
): { ok: true; filter: ComplianceFilter } | { ok: false; error: z.ZodError } {
  const strict = strictFilterSchema.safeParse(params);
  return strict.success ? { ok: true, filter: readFilter(params).filter } : { ok: false, error: strict.error };
}

/** The filter as a query string, for links and exports that must show the same view. */
function toQuery(filter: ComplianceFilter) {
  const params = new URLSearchParams();
  if (filter.systemId) params.set("system", filter.systemId);
  if (filter.tier) params.set("tier", String(filter.tier));
  if (filter.status) params.set("status", filter.status);
  if (filter.q) params.set("q", filter.q);
  return params.toString();
}

export type Tally = {
  services: number;
  pass: number;
  fail: number;
  unproven: number;
  noTarget: number;
  rpoTargets: number;
  rpoWithin: number;
  within30Avg: number | null;
  within90Avg: number | null;
};

export function tally(rows: readonly ComplianceRow[]): Tally {
  const withTarget = rows.filter((r) => r.within30 !== null);
  const avg = (key: "within30" | "within90") =>
    withTarget.length ? withTarget.reduce((n, r) => n + (r[key] ?? 0), 0) / withTarget.length : null;
  return {
    services: rows.length,
    pass: rows.filter((r) => r.status === "pass").length,
    fail: rows.filter((r) => r.status === "fail").length,
    unproven: rows.filter((r) => r.status === "unproven").length,
    noTarget: rows.filter((r) => r.status === "no_target").length,
    rpoTargets: rows.filter((r) => r.band !== "no_target").length,
    rpoWithin: rows.filter((r) => r.band === "within").length,
    within30Avg: avg("within30"),
    within90Avg: avg("within90"),
  };
}

export function groupBy(rows: readonly ComplianceRow[], key: (r: ComplianceRow) => string) {
  const groups = new Map<string, ComplianceRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups.entries()].map(([label, members]) => ({ label, ...tally(members) }));
}

const STATUS_ORDER: Record<RtoStatus, number> = { fail: 0, unproven: 1, pass: 2, no_target: 3 };
// One collator for the whole sort: String#localeCompare builds one per call (slow over thousands of rows).
const byName = new Intl.Collator("en").compare;
export const worstFirst = (rows: readonly ComplianceRow[]) =>
  [...rows].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.tier - b.tier || byName(a.name, b.name),
  );

/** Drill coverage: systems with scheduled drills, and those overdue. */
export async function findDrillCoverage(db: Reader, filter: ComplianceFilter) {
  const rows = await db.$queryRaw<{ systems: number; scheduled: number; overdue: number; drilled90: number }[]>`
    SELECT count(*)::int AS systems,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Runbook" r JOIN "DrillSchedule" d ON d."runbookId" = r.id WHERE r."systemId" = y.id))::int AS scheduled,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Runbook" r JOIN "DrillSchedule" d ON d."runbookId" = r.id WHERE r."systemId" = y.id AND d."nextDueAt" < now()))::int AS overdue,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "RecoveryRun" x JOIN "Runbook" r ON r.id = x."runbookId" WHERE r."systemId" = y.id AND x.drill AND x.state = 'succeeded' AND x."startedAt" > now() - interval '90 days'))::int AS drilled90
    FROM "System" y WHERE (${filter.systemId ?? null}::text IS NULL OR y.id = ${filter.systemId ?? null})`;
  return rows[0]!;
}

const pct = (v: number | null) => (v === null ? "" : (v * 100).toFixed(2));
const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  // Quote everything that needs it; neutralise spreadsheet formulas (=, +, -, @ at the start).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

const CSV_COLUMNS = [
  "service",
  "system",
  "tier",
  "rto_target_min",
  "last_measured_at",
  "last_measured_s",
  "p90_s",
  "measurements",
  "rto_status",
  "rto_reason",
  "rpo_target_min",
  "backup_age_min",
  "rpo_band",
  "within_rpo_30d_pct",
  "within_rpo_90d_pct",
];

export function toCsv(rows: readonly ComplianceRow[]) {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    lines.push(
      [
        r.name,
        r.systemName,
        r.tier,
        r.rtoTargetMinutes,
        r.lastMeasuredAt,
        r.lastSeconds,
        r.p90Seconds,
        r.measurements,
        RTO_STATUS_LABELS[r.status],
        r.reason,
        r.rpoMinutes,
        r.ageMinutes,
        BAND_LABELS[r.band],
        pct(r.within30),
        pct(r.within90),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
