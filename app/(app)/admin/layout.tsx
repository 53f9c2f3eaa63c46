import { SectionLayout } from "@/components/app-shell/section-nav";
import { requirePage } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePage("users.read", "/admin");
  return <SectionLayout section="admin">{children}</SectionLayout>;
}
