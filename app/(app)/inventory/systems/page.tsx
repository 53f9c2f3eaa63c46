import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import Link from "next/link";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { findSystemSummaries } from "@/lib/inventory/system-summaries";
import { TIER_NAMES, TIERS } from "@/lib/inventory/tiers";

export const metadata: Metadata = { title: "Systems" };

export default async function SystemsPage() {
  const { user, db } = await requirePage("inventory.read", "/inventory/systems");
  const systems = await findSystemSummaries(db);
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
        <DataTable columns={["System", "DR strategy", "Regions", "Services by tier"]}>
          {systems.map((s) => (
            <tr key={s.id} data-testid="system-row">
              <td className="px-4 py-2">
                <Link href={`/inventory/systems/${s.id}`} className="font-medium text-brand-700 hover:underline">
                  {s.name}
                </Link>
              </td>
              <td className="px-4 py-2 text-slate-600">{s.drStrategy || "—"}</td>
              <td className="px-4 py-2 text-slate-600">
                {[s.primaryRegion, s.drRegion].filter(Boolean).join(" → ") || "—"}
              </td>
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
        </DataTable>
      )}
    </>
  );
}
