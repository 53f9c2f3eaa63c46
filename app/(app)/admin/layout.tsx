import { SectionNav } from "@/components/app-shell/section-nav";
import { requirePage } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePage("users.read", "/admin");
  return (
    <div>
      <SectionNav
        label="Admin"
        links={[
          { href: "/admin/users", label: "Users", activePrefix: "/admin/users" },
          { href: "/admin/audit", label: "Audit log", activePrefix: "/admin/audit" },
          { href: "/admin/tokens", label: "API tokens" },
        ]}
      />
      {children}
    </div>
  );
}
