import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { findRpoBandCounts } from "@/lib/backups/freshness";
import { findSystemSummaries } from "@/lib/inventory/system-summaries";
import { lintCurrentMatrix } from "@/lib/people/lint-now";
import { TIER_NAMES, TIERS } from "@/lib/inventory/tiers";

export const dynamic = "force-dynamic";

const TIER_TONES = { 1: "red", 2: "amber", 3: "blue", 4: "slate" } as const;

export default async function OverviewPage() {
  const { db } = await requirePage("app.read", "/overview");
  const [systems, bands, findings] = await Promise.all([
    findSystemSummaries(db),
    findRpoBandCounts(db),
    lintCurrentMatrix(db),
  ]);
  const outOfRpo = bands.exceeded + bands.severe + bands.critical;
  const paging = findings.filter((f) => f.severity === "error").length;
  return (
    <>
      <PageHeader title="Overview" description="Every system Lifeboat holds a DR plan for, and its services by tier." />
      <div className="mb-6 grid gap-3 sm:grid-cols-3" data-testid="fleet-summary">
        <Link href="/backups" className="rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
          <p className="text-sm text-slate-500">Live RPO</p>
          <p className="mt-1 text-lg font-semibold">
            {outOfRpo + bands.never === 0
              ? "Every backed-up service within target"
              : `${outOfRpo} out of RPO · ${bands.never} never backed up`}
          </p>
          <p className="text-xs text-slate-500">{bands.within} within target</p>
        </Link>
        <Link
          href="/people/policies"
          className="rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600"
        >
          <p className="text-sm text-slate-500">Escalation check</p>
          <p className="mt-1 text-lg font-semibold">
            {paging === 0 ? "Nothing stops paging" : `${paging} problem(s) would stop paging`}
          </p>
          <p className="text-xs text-slate-500">{findings.filter((f) => f.severity === "warning").length} warning(s)</p>
        </Link>
        <Link href="/inventory" className="rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
          <p className="text-sm text-slate-500">Inventory</p>
          <p className="mt-1 text-lg font-semibold">
            {systems.reduce((n, s) => n + s.services, 0)} services in {systems.length} systems
          </p>
          <p className="text-xs text-slate-500">recovery order derived from their dependencies</p>
        </Link>
      </div>
      {systems.length === 0 ? (
        <EmptyState title="No systems yet">Systems appear here once a DR plan is added.</EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {systems.map((system) => (
            <Card key={system.id} className="p-5" data-testid="system-card">
              <h2 className="font-semibold">
                <Link href={`/inventory/systems/${system.id}`} className="hover:underline">
                  {system.name}
                </Link>
              </h2>
              {system.drStrategy && (
                <p className="mt-1 text-xs text-slate-500">
                  {system.drStrategy}
                  {system.primaryRegion && ` · ${system.primaryRegion}`}
                  {system.drRegion && ` → ${system.drRegion}`}
                </p>
              )}
              <p className="mt-2 line-clamp-3 text-sm text-slate-600">{system.description}</p>
              <p className="mt-3 text-sm">
                <span className="font-medium">{system.services}</span> services
              </p>
              <div className="mt-2 flex flex-wrap gap-1.5">
                {TIERS.map((tier) => (
                  <Badge key={tier} tone={TIER_TONES[tier]}>
                    {TIER_NAMES[tier]}: {system.byTier[tier - 1]}
                  </Badge>
                ))}
              </div>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
