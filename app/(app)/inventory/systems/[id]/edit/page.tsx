import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SystemForm } from "@/components/inventory/system-form";
import { PageHeader } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { findSystem } from "@/lib/inventory/queries";

export const metadata: Metadata = { title: "Edit system" };

export default async function EditSystemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db } = await requirePage("inventory.edit", `/inventory/systems/${id}/edit`);
  const system = await findSystem(db, id);
  if (!system) notFound();
  return (
    <>
      <PageHeader title={`Edit ${system.name}`} />
      <SystemForm initial={system} />
    </>
  );
}
