import { SectionLayout } from "@/components/app-shell/section-nav";
import { requirePage } from "@/lib/auth/session";

export default async function InventoryLayout({ children }: { children: React.ReactNode }) {
  await requirePage("inventory.read", "/inventory");
  return <SectionLayout section="inventory">{children}</SectionLayout>;
}
