// Everything one compliance view needs, loaded together (the page, the report and the evidence pack).
import type { Reader } from "@/lib/db/client";
import type { ComplianceFilter } from "./filter";
import { findComplianceRows } from "./queries";
import { findComplianceTrends, findServiceMeasurements } from "./trends";
import { findDrillCoverage, groupBy, tally, worstFirst } from "./view";

export async function loadComplianceView(db: Reader, filter: ComplianceFilter, serviceId?: string) {
  const [rows, trends, coverage, systems, service] = await Promise.all([
    findComplianceRows(db, filter),
    findComplianceTrends(db, filter),
    findDrillCoverage(db, filter),
    db.system.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    serviceId ? findServiceMeasurements(db, serviceId) : null,
  ]);
  return {
    rows: worstFirst(rows),
    total: tally(rows),
    bySystem: groupBy(rows, (r) => r.systemName),
    byTier: groupBy(rows, (r) => `Tier ${r.tier}`).sort((a, b) => a.label.localeCompare(b.label)),
    trends,
    coverage,
    systems,
    service,
  };
}
