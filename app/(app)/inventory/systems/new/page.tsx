import type { Metadata } from "next";
import { SystemForm } from "@/components/inventory/system-form";
import { PageHeader } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New system" };

export default async function NewSystemPage() {
  await requirePage("inventory.edit", "/inventory/systems/new");
  return (
    <>
      <PageHeader title="New system" description="A product with its own DR plan. Add its services next." />
      <SystemForm initial={{ name: "", description: "", drStrategy: "", primaryRegion: "", drRegion: "" }} />
    </>
  );
}
