import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { ComplianceTable } from "@/components/compliance/compliance-table";
import { FilterBar } from "@/components/compliance/filter-bar";
import { ComplianceGroups, ComplianceSummary } from "@/components/compliance/summary";
import { MonthlyCharts, ServiceRtoChart, WeeklyViolations } from "@/components/compliance/trend-charts";
import { requirePage } from "@/lib/auth/session";
import { findComplianceView } from "@/lib/compliance/queries";
import { readFilter } from "@/lib/compliance/view";

export const dynamic = "force-dynamic";

/** Rows drawn on the page; the CSV and the evidence pack carry them all. */
const SHOWN = 200;

export default async function CompliancePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db } = await requirePage("compliance.read", "/compliance");
  const { filter, service, query } = readFilter(await searchParams);
  const view = await findComplianceView(db, filter, service);
  const suffix = query ? `?${query}` : "";
  const serviceLink = (id: string) =>
    `/compliance?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), service: id })}#service-trend`;
  return (
    <>
      <PageHeader
        title="RTO/RPO compliance"
        description="Targets against what was measured: recoveries verified by health checks in incidents and drills, backups reported by the jobs. Nothing here is typed in."
        actions={
          <div className="flex flex-wrap gap-2 text-sm print:hidden">
            <a
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
              href={`/api/compliance/export${suffix}`}
              download
            >
              Export CSV
            </a>
            <a
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
              href={`/api/compliance/evidence${suffix}`}
              download
            >
              Evidence pack (JSON)
            </a>
            <Link
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
              href={`/report/compliance${suffix}`}
            >
              Printable report
            </Link>
          </div>
        }
      />
      <FilterBar filter={filter} systems={view.systems} />
      <ComplianceSummary total={view.total} coverage={view.coverage} />
      <ComplianceGroups bySystem={view.bySystem} byTier={view.byTier} className="my-6 grid gap-4 lg:grid-cols-2" />
      <Card className="mb-6 space-y-4 p-4">
        <h2 className="font-semibold">Twelve months</h2>
        <MonthlyCharts months={view.trends.months} />
        <figure>
          <figcaption className="mb-1 text-sm font-medium">
            RPO violations per week (a backup gap longer than the RPO)
          </figcaption>
          <WeeklyViolations weeks={view.trends.weeks} />
        </figure>
      </Card>
      {view.service && (
        <Card className="mb-6 p-4" id="service-trend">
          <h2 className="mb-2 font-semibold">
            {view.service.name}: measured recovery times against{" "}
            {view.service.targetMinutes === null ? "no target" : `the ${view.service.targetMinutes} min target`}
          </h2>
          {view.service.points.length === 0 ? (
            <p className="text-sm text-slate-500">No measurement in the last 12 months.</p>
          ) : (
            <ServiceRtoChart
              points={view.service.points.map((p) => ({
                at: p.verifiedAt.toISOString(),
                seconds: p.seconds,
                drill: p.drill,
              }))}
              targetMinutes={view.service.targetMinutes}
            />
          )}
        </Card>
      )}
      <h2 className="mb-2 font-semibold">
        Services{" "}
        <span className="text-sm font-normal text-slate-500">
          (worst first
          {view.rows.length > SHOWN
            ? `; ${SHOWN} of ${view.rows.length} shown — narrow the filter or export the CSV`
            : `; ${view.rows.length}`}
          )
        </span>
      </h2>
      <ComplianceTable rows={view.rows.slice(0, SHOWN)} serviceLink={serviceLink} />
    </>
  );
}
