import type { Metadata } from "next";
import { ServiceForm } from "@/components/inventory/service-form";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { requirePage } from "@/lib/auth/session";
import { findSystemOptions } from "@/lib/inventory/queries";
import { findTierDefaults } from "@/lib/inventory/tier-defaults";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage({ searchParams }: { searchParams: Promise<{ system?: string }> }) {
  const { db } = await requirePage("inventory.edit", "/inventory/services/new");
  const { system } = await searchParams;
  const [systems, tierDefaults] = await Promise.all([findSystemOptions(db), findTierDefaults(db)]);
  if (systems.length === 0) {
    return (
      <EmptyState title="Add a system first">
        <p className="mb-3">Every service belongs to a system (a product with its own DR plan).</p>
        <LinkButton href="/inventory/systems/new">New system</LinkButton>
      </EmptyState>
    );
  }
  const systemId = systems.some((s) => s.id === system) ? system! : systems[0]!.id;
  return (
    <>
      <PageHeader title="New service" />
      <ServiceForm
        systems={systems}
        tierDefaults={tierDefaults}
        initial={{
          systemId,
          name: "",
          kind: "api",
          tier: 2,
          rtoMinutes: null,
          rpoMinutes: null,
          owner: "",
          healthCheckUrl: null,
          notes: "",
        }}
      />
    </>
  );
}
