import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteServiceButton } from "@/components/inventory/delete-service-button";
import { AddDependency } from "@/components/inventory/dependency-editor";
import { RelatedTable } from "@/components/inventory/related-table";
import { RemoveDependencyButton } from "@/components/inventory/remove-dependency-button";
import { Objective, TierBadge } from "@/components/inventory/tier-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { findBackupRunCount } from "@/lib/backups/queries";
import { findServiceDetail } from "@/lib/inventory/service-detail";
import { formatMinutes, TIER_NAMES, type Tier } from "@/lib/inventory/tiers";

export const metadata: Metadata = { title: "Service" };

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await requirePage("inventory.read", `/inventory/services/${id}`);
  const [detail, backupRuns] = await Promise.all([findServiceDetail(db, id), findBackupRunCount(db, id)]);
  if (!detail) notFound();
  const { service, objectives, dependencies, blastRadius, blastSummary, rtoWarnings } = detail;
  const canEdit = can(user.role, "inventory.edit");
  const directDependents = blastRadius.filter((d) => d.depth === 1);

  return (
    <>
      <PageHeader
        title={service.name}
        description={`${service.kind} in ${service.system.name}`}
        actions={
          canEdit && (
            <div className="flex flex-wrap items-start gap-2">
              <LinkButton href={`/inventory/services/${service.id}/edit`} variant="secondary">
                Edit
              </LinkButton>
              <DeleteServiceButton
                id={service.id}
                version={service.version}
                name={service.name}
                dependents={directDependents.map((d) => ({ id: d.id, name: d.name, systemName: d.systemName }))}
                backupRuns={backupRuns}
              />
            </div>
          )
        }
      />

      {rtoWarnings.length > 0 && (
        <div
          role="status"
          data-testid="rto-warnings"
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <p className="font-medium">This RTO cannot be met as the dependencies stand</p>
          <ul className="mt-1 list-inside list-disc">
            {rtoWarnings.map((w) => (
              <li key={w.dependency.id}>
                RTO {formatMinutes(w.serviceRto)}, but it depends on {w.dependency.name} with RTO{" "}
                {formatMinutes(w.dependencyRto)}.
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">Objectives</h2>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">System</dt>
            <dd>
              <Link href={`/inventory/systems/${service.system.id}`} className="text-brand-700 hover:underline">
                {service.system.name}
              </Link>
            </dd>
            <dt className="text-slate-500">Tier</dt>
            <dd>
              <TierBadge tier={service.tier} />{" "}
              <span className="text-slate-500">{TIER_NAMES[service.tier as Tier]}</span>
            </dd>
            <dt className="text-slate-500">RTO target</dt>
            <dd data-testid="rto">
              <Objective minutes={objectives.rtoMinutes} fromTier={objectives.rtoFromTier} />
            </dd>
            <dt className="text-slate-500">RPO target</dt>
            <dd data-testid="rpo">
              <Objective minutes={objectives.rpoMinutes} fromTier={objectives.rpoFromTier} />
            </dd>
            <dt className="text-slate-500">Owner</dt>
            <dd>{service.owner || "—"}</dd>
            <dt className="text-slate-500">Backups</dt>
            <dd>
              <Link href={`/backups/services/${service.id}`} className="text-brand-700 hover:underline">
                {backupRuns > 0 ? "live RPO and runs →" : "set up a backup policy →"}
              </Link>
            </dd>
            <dt className="text-slate-500">Health check</dt>
            <dd className="break-all">{service.healthCheckUrl ?? "—"}</dd>
          </dl>
          {service.notes && <p className="mt-3 whitespace-pre-wrap text-sm text-slate-700">{service.notes}</p>}
          <p className="mt-3 text-xs text-slate-400">
            Targets only: measured recovery times appear once drills and incidents record them.
          </p>
        </Card>

        <Card className="p-5">
          <h2 className="mb-3 font-semibold">Depends on ({dependencies.length})</h2>
          {dependencies.length === 0 ? (
            <p className="text-sm text-slate-500">Nothing: it can be recovered first.</p>
          ) : (
            <ul className="mb-4 divide-y divide-slate-100 text-sm" data-testid="dependencies">
              {dependencies.map((d) => (
                <li key={d.id} className="flex items-center justify-between gap-2 py-1.5">
                  <span>
                    <Link href={`/inventory/services/${d.id}`} className="text-brand-700 hover:underline">
                      {d.name}
                    </Link>{" "}
                    <span className="text-xs text-slate-500">
                      {d.systemId !== service.systemId && `${d.systemName} · `}T{d.tier} · RTO{" "}
                      {d.rtoMinutes === null ? "—" : formatMinutes(d.rtoMinutes)}
                    </span>
                  </span>
                  {canEdit && <RemoveDependencyButton serviceId={service.id} dependsOnId={d.id} name={d.name} />}
                </li>
              ))}
            </ul>
          )}
          {canEdit && <AddDependency serviceId={service.id} existing={dependencies.map((d) => d.id)} />}
        </Card>

        <Card className="p-5">
          <h2 className="mb-1 font-semibold">Blast radius</h2>
          <p className="mb-3 text-sm text-slate-600" data-testid="blast-summary">
            {blastSummary.total === 0
              ? "Nothing depends on this service."
              : `${blastSummary.total} service(s) depend on it (${blastSummary.direct} directly; ${[1, 2, 3, 4]
                  .filter((t) => blastSummary.byTier[t])
                  .map((t) => `${blastSummary.byTier[t]} × T${t}`)
                  .join(
                    ", ",
                  )}).${blastSummary.tightestRto ? ` Tightest RTO among them: ${formatMinutes(blastSummary.tightestRto.rtoMinutes!)} (${blastSummary.tightestRto.name}).` : ""}`}
          </p>
          {blastRadius.length > 0 && <RelatedTable services={blastRadius} />}
        </Card>
      </div>
    </>
  );
}
