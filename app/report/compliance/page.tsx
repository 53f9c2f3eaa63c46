// A printable compliance report (no app chrome): period, figures, charts, groupings and the service table,
// for the filters in the URL. Print it or "Save as PDF" from the browser.
import type { Metadata } from "next";
import { ComplianceTable } from "@/components/compliance/compliance-table";
import { ComplianceGroups, ComplianceSummary } from "@/components/compliance/summary";
import { MonthlyCharts, WeeklyViolations } from "@/components/compliance/trend-charts";
import { PrintButton } from "@/components/compliance/print-button";
import { requirePage } from "@/lib/auth/session";
import { findComplianceView } from "@/lib/compliance/queries";
import { RTO_STATUS_LABELS } from "@/lib/compliance/rules";
import { readFilter } from "@/lib/compliance/view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compliance report" };

export default async function ComplianceReport({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, db } = await requirePage("compliance.read", "/report/compliance");
  const { filter } = readFilter(await searchParams);
  const view = await findComplianceView(db, filter);
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const system = view.systems.find((s) => s.id === filter.systemId)?.name;
  const scope = [
    system ?? "All systems",
    filter.tier ? `Tier ${filter.tier}` : "all tiers",
    filter.status ? RTO_STATUS_LABELS[filter.status] : null,
    filter.q ? `services matching "${filter.q}"` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <main className="mx-auto max-w-6xl space-y-6 p-8 print:p-0">
      <header className="flex items-start justify-between">
        <div>
          <h1 className="text-2xl font-semibold">RTO/RPO compliance report</h1>
          <p className="text-sm text-slate-600">{scope}</p>
          <p className="text-sm text-slate-600">
            Period {from.toISOString().slice(0, 10)} – {now.toISOString().slice(0, 10)} · generated{" "}
            {now.toISOString().slice(0, 16).replace("T", " ")} UTC by {user.email}
          </p>
        </div>
        <PrintButton />
      </header>
      <ComplianceSummary total={view.total} coverage={view.coverage} />
      <ComplianceGroups
        bySystem={view.bySystem}
        byTier={view.byTier}
        className="grid gap-4 md:grid-cols-2 print:grid-cols-2"
      />
      <section className="break-inside-avoid space-y-4">
        <MonthlyCharts months={view.trends.months} />
        <WeeklyViolations weeks={view.trends.weeks} />
      </section>
      <section className="break-before-page">
        <h2 className="mb-2 font-semibold">Services ({view.rows.length})</h2>
        <ComplianceTable rows={view.rows} />
      </section>
      <p className="text-xs text-slate-500">
        Measured, not typed: recovery times come from health checks that verified services during incidents and drills;
        backup ages from runs reported by the backup jobs.
      </p>
    </main>
  );
}
