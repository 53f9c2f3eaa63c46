import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findSystemSummaries } from "@/lib/inventory/system-summaries";
import { TIER_NAMES, TIERS } from "@/lib/inventory/tiers";

export const metadata: Metadata = { title: "Systems" };

export default async function SystemsPage() {
  const user = await requirePagePermission("inventory.read", "/inventory/systems");
  const systems = await findSystemSummaries(getDb());
  return (
    <>
      <PageHeader
        title="Systems"
        description="Each system has its own DR plan, services and recovery order."
        actions={can(user.role, "inventory.edit") && <LinkButton href="/inventory/systems/new">New system</LinkButton>}
      />
      {systems.length === 0 ? (
        <EmptyState title="No systems yet" />
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">System</th>
                <th className="px-4 py-2">DR strategy</th>
                <th className="px-4 py-2">Regions</th>
                <th className="px-4 py-2">Services by tier</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {systems.map((s) => (
                <tr key={s.id} data-testid="system-row">
                  <td className="px-4 py-2">
                    <Link href={`/inventory/systems/${s.id}`} className="font-medium text-brand-700 hover:underline">
                      {s.name}
                    </Link>
                  </td>
                  <td className="px-4 py-2 text-slate-600">{s.drStrategy || "—"}</td>
                  <td className="px-4 py-2 text-slate-600">{[s.primaryRegion, s.drRegion].filter(Boolean).join(" → ") || "—"}</td>
                  <td className="space-x-1 px-4 py-2">
                    <span className="mr-1 font-medium">{s.services}</span>
                    {TIERS.filter((t) => s.byTier[t - 1]).map((t) => (
                      <Badge key={t}>
                        {TIER_NAMES[t]} {s.byTier[t - 1]}
                      </Badge>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
