// The evidence pack: the view's figures as JSON with a SHA-256 of its content, so an auditor can check that
// nothing was changed after export. The content is serialised canonically (keys sorted, no spaces) and holds
// only strings, integers, booleans and null — so `jq -jcS .content pack.json | sha256sum` reproduces the digest.
import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";
import type { ComplianceFilter } from "./filter";
import type { findComplianceView } from "./queries";
import type { ComplianceRow } from "./rules";

type View = Awaited<ReturnType<typeof findComplianceView>>;

const ratio = (v: number | null) => (v === null ? null : v.toFixed(6));
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function rowEvidence(r: ComplianceRow) {
  return {
    service: r.name,
    serviceId: r.id,
    system: r.systemName,
    tier: r.tier,
    rtoTargetMinutes: r.rtoTargetMinutes,
    lastMeasuredAt: iso(r.lastMeasuredAt),
    lastMeasuredSeconds: r.lastSeconds,
    p90Seconds: r.p90Seconds,
    measurements: r.measurements,
    dependencyBound: r.dependencyBoundName
      ? { service: r.dependencyBoundName, p90Seconds: r.dependencyBoundSeconds }
      : null,
    rtoStatus: r.status,
    rtoReason: r.reason,
    rpoTargetMinutes: r.rpoMinutes,
    backupAgeMinutes: r.ageMinutes,
    rpoBand: r.band,
    withinRpo30d: ratio(r.within30),
    withinRpo90d: ratio(r.within90),
  };
}

export function evidencePack(view: View, filter: ComplianceFilter, meta: { generatedAt: Date; generatedBy: string }) {
  const content = {
    format: "lifeboat-compliance-evidence/1",
    generatedAt: meta.generatedAt.toISOString(),
    generatedBy: meta.generatedBy,
    filter: {
      systemId: filter.systemId ?? null,
      tier: filter.tier ?? null,
      rtoStatus: filter.status ?? null,
      serviceNameContains: filter.q ?? null,
    },
    definitions: {
      rto: "pass: p90 of the newest 10 measured recoveries (health check verified; declared or drill start → verified) within the target and measured in the last 90 days; unproven: no measurement in 90 days; fail: p90 over target, or a dependency's measured p90 longer than this target",
      rpo: "band of the newest good backup's age against the RPO; withinRpo: share of the window during which the newest good backup was within the RPO",
    },
    summary: { ...view.total, within30Avg: ratio(view.total.within30Avg), within90Avg: ratio(view.total.within90Avg) },
    drillCoverage: view.coverage,
    months: view.trends.months.map((m) => ({ ...m, percent: m.percent === null ? null : m.percent.toFixed(1) })),
    rpoViolationsPerWeek: view.trends.weeks,
    services: view.rows.map(rowEvidence),
  };
  const sha256 = createHash("sha256").update(canonicalJson(content)).digest("hex");
  return {
    sha256,
    algorithm:
      "SHA-256 of the canonical JSON of `content` (keys sorted, no whitespace): jq -jcS .content FILE | sha256sum",
    content,
  };
}

export { canonicalJson };
