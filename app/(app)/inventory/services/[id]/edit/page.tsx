import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ServiceForm } from "@/components/inventory/service-form";
import { PageHeader } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { findService, findSystemOptions } from "@/lib/inventory/queries";
import { findTierDefaults } from "@/lib/inventory/tier-defaults";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db } = await requirePage("inventory.edit", `/inventory/services/${id}/edit`);
  const [service, systems, tierDefaults] = await Promise.all([
    findService(db, id),
    findSystemOptions(db),
    findTierDefaults(db),
  ]);
  if (!service) notFound();
  return (
    <>
      <PageHeader title={`Edit ${service.name}`} />
      <ServiceForm systems={systems} tierDefaults={tierDefaults} initial={service} />
    </>
  );
}
