import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteSystemButton } from "@/components/inventory/delete-system-button";
import { DependencyGraphLazy } from "@/components/inventory/dependency-graph-lazy";
import { RecoveryWaves } from "@/components/inventory/recovery-waves";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { findSystemRecoveryOrder } from "@/lib/inventory/system-order";
import { findSystem } from "@/lib/inventory/queries";

export const metadata: Metadata = { title: "System" };

const MAX_GRAPH_SERVICES = 150;

export default async function SystemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await requirePage("inventory.read", `/inventory/systems/${id}`);
  const system = await findSystem(db, id);
  if (!system) notFound();
  const order = await findSystemRecoveryOrder(db, id);
  const canEdit = can(user.role, "inventory.edit");
  const names = new Map(order.nodes.map((n) => [n.id, n.name]));

  return (
    <>
      <PageHeader
        title={system.name}
        description={[system.drStrategy, [system.primaryRegion, system.drRegion].filter(Boolean).join(" → ")]
          .filter(Boolean)
          .join(" · ")}
        actions={
          canEdit && (
            <div className="flex items-start gap-2">
              <LinkButton href={`/inventory/services/new?system=${system.id}`}>Add service</LinkButton>
              <LinkButton href={`/inventory/systems/${system.id}/edit`} variant="secondary">
                Edit
              </LinkButton>
              {order.nodes.length === 0 && (
                <DeleteSystemButton id={system.id} version={system.version} name={system.name} />
              )}
            </div>
          )
        }
      />
      {system.description && <p className="mb-6 max-w-3xl text-sm text-slate-700">{system.description}</p>}

      {order.nodes.length === 0 ? (
        <EmptyState title="No services in this system yet">
          {canEdit && "Add its services, then their dependencies: the recovery order follows."}
        </EmptyState>
      ) : (
        // Small systems: waves beside the graph. Larger ones: the graph gets the full width to stay legible.
        <div className={order.nodes.length <= 20 ? "grid gap-6 xl:grid-cols-[24rem_1fr]" : "space-y-6"}>
          <section>
            <h2 className="mb-1 font-semibold">Recovery order</h2>
            <p className="mb-3 text-xs text-slate-500">
              Derived from the dependencies: a service comes after everything it needs; Tier 1 first inside a wave.
            </p>
            {order.cycle ? (
              <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-700">
                No recovery order: the stored dependencies form a loop ({order.cycle.join(" → ")}). Remove one of those
                dependencies.
              </p>
            ) : (
              <RecoveryWaves waves={order.waves} />
            )}
            {order.external.length > 0 && (
              <Card className="mt-4 p-3 text-sm" data-testid="external-prerequisites">
                <p className="mb-1 font-medium">Waits for other systems</p>
                <ul className="list-inside list-disc text-slate-700">
                  {order.external.map((e) => (
                    <li key={`${e.serviceId}-${e.dependsOnId}`}>
                      {names.get(e.serviceId)} needs{" "}
                      <Link href={`/inventory/services/${e.dependsOnId}`} className="text-brand-700 hover:underline">
                        {e.dependsOnName}
                      </Link>{" "}
                      ({e.dependsOnSystem})
                    </li>
                  ))}
                </ul>
              </Card>
            )}
          </section>
          <section>
            <h2 className="mb-1 font-semibold">Dependency graph</h2>
            <p className="mb-3 text-xs text-slate-500">Arrows point from what must be up first to what needs it.</p>
            {order.nodes.length <= MAX_GRAPH_SERVICES ? (
              <DependencyGraphLazy nodes={order.nodes} edges={order.edges} />
            ) : (
              <p className="rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-600">
                {order.nodes.length} services are too many to draw legibly; the graph is drawn for systems of up to{" "}
                {MAX_GRAPH_SERVICES}. The waves list the full order.
              </p>
            )}
          </section>
        </div>
      )}
    </>
  );
}
