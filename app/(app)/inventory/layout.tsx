import { SectionNav } from "@/components/app-shell/section-nav";
import { requirePage } from "@/lib/auth/session";

export default async function InventoryLayout({ children }: { children: React.ReactNode }) {
  await requirePage("inventory.read", "/inventory");
  return (
    <div>
      <SectionNav
        label="Inventory"
        links={[
          { href: "/inventory", label: "Services", also: ["/inventory/services"] },
          { href: "/inventory/systems", label: "Systems", activePrefix: "/inventory/systems" },
          { href: "/inventory/tiers", label: "Tier defaults" },
        ]}
      />
      {children}
    </div>
  );
}
