import { Card, PageHeader } from "@/components/ui/card";
import { PlanImport } from "@/components/plans/plan-import";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findSystemOptions } from "@/lib/inventory/queries";

export const dynamic = "force-dynamic";

export default async function PlansPage() {
  const { user, db } = await requirePage("plans.export", "/plans");
  const systems = await findSystemOptions(db);
  return (
    <>
      <PageHeader
        title="Plans in and out"
        description="Import the Markdown DR plans your teams already have, or Lifeboat's own YAML; export everything (or one system) as plan-as-code. Nothing is applied before you have seen the preview."
      />
      {can(user.role, "plans.import") ? (
        <section className="mb-8" aria-labelledby="import-heading">
          <h2 id="import-heading" className="mb-2 font-semibold">
            Import
          </h2>
          <PlanImport />
        </section>
      ) : (
        <p className="mb-8 text-sm text-slate-600">Importing plans is for commanders and admins; you can export.</p>
      )}
      <section aria-labelledby="export-heading">
        <h2 id="export-heading" className="mb-2 font-semibold">
          Export
        </h2>
        <Card className="space-y-3 p-4 text-sm">
          <p>
            Plan-as-code in YAML: systems, services with their RTO/RPO and dependencies, backup policies, runbooks,
            contacts, escalation and the notification matrix. Secrets never leave Lifeboat: channel URLs are not
            exported and secret step settings show as a placeholder that importing keeps.
          </p>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <a
                className="font-medium text-brand-700 hover:underline"
                href="/api/plans/export"
                download
                data-testid="export-all"
              >
                Everything (YAML)
              </a>
            </li>
            {systems.map((s) => (
              <li key={s.id}>
                <a
                  className="text-brand-700 hover:underline"
                  href={`/api/plans/export?system=${encodeURIComponent(s.name)}`}
                  download
                >
                  {s.name}
                </a>
              </li>
            ))}
            <li>
              <a className="text-brand-700 hover:underline" href="/api/plans/schema" download>
                JSON Schema of the format
              </a>
            </li>
          </ul>
          <div>
            <p className="font-medium">From a terminal or your CI</p>
            <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
              {`npm run plan -- import plan.md --dry-run --json   # what Lifeboat reads in it, offline
LIFEBOAT_URL=https://lifeboat.example LIFEBOAT_TOKEN=lb_… npm run plan -- import plan.yaml --dry-run
LIFEBOAT_URL=… LIFEBOAT_TOKEN=lb_… npm run plan -- import plan.yaml           # apply (token scope plans:write)
LIFEBOAT_URL=… LIFEBOAT_TOKEN=lb_… npm run plan -- export --system "Shop" > shop.yaml`}
            </pre>
          </div>
        </Card>
      </section>
    </>
  );
}
