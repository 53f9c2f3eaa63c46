import { NavLink } from "@/components/app-shell/nav-link";
import { requirePagePermission } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("users.read", "/admin");
  return (
    <div>
      <nav aria-label="Admin" className="mb-6 flex gap-1 border-b border-slate-200 pb-2">
        <NavLink href="/admin/users" activePrefix="/admin/users">
          Users
        </NavLink>
        <NavLink href="/admin/audit" activePrefix="/admin/audit">
          Audit log
        </NavLink>
        <NavLink href="/admin/tokens">API tokens</NavLink>
      </nav>
      {children}
    </div>
  );
}
