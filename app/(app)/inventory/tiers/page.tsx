import type { Metadata } from "next";
import { TierDefaultsForm } from "@/components/inventory/tier-defaults-form";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { findTierDefaults } from "@/lib/inventory/tier-defaults";

export const metadata: Metadata = { title: "Tier defaults" };

export default async function TiersPage() {
  const { user, db } = await requirePage("inventory.read", "/inventory/tiers");
  const defaults = await findTierDefaults(db);
  return (
    <>
      <PageHeader
        title="Tier defaults"
        description="The RTO and RPO targets a service gets when it states none of its own. Only admins change them."
      />
      <TierDefaultsForm defaults={defaults} canEdit={can(user.role, "tiers.edit")} />
    </>
  );
}
