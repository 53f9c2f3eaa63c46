import { NavLink } from "@/components/app-shell/nav-link";
import { requirePagePermission } from "@/lib/auth/session";

export default async function InventoryLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("inventory.read", "/inventory");
  return (
    <div>
      <nav aria-label="Inventory" className="mb-6 flex gap-1 border-b border-slate-200 pb-2">
        <NavLink href="/inventory" also={["/inventory/services"]}>
          Services
        </NavLink>
        <NavLink href="/inventory/systems" activePrefix="/inventory/systems">
          Systems
        </NavLink>
        <NavLink href="/inventory/tiers">Tier defaults</NavLink>
      </nav>
      {children}
    </div>
  );
}
