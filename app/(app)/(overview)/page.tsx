import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findSystemSummaries } from "@/lib/inventory/system-summaries";
import { TIER_NAMES, TIERS } from "@/lib/inventory/tiers";

export const dynamic = "force-dynamic";

const TIER_TONES = { 1: "red", 2: "amber", 3: "blue", 4: "slate" } as const;

export default async function OverviewPage() {
  await requirePagePermission("app.read", "/");
  const systems = await findSystemSummaries(getDb());
  return (
    <>
      <PageHeader title="Overview" description="Every system Lifeboat holds a DR plan for, and its services by tier." />
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
