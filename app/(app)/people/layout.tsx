import { NavLink } from "@/components/app-shell/nav-link";
import { requirePagePermission } from "@/lib/auth/session";

export default async function PeopleLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("people.read", "/people");
  return (
    <div>
      <nav aria-label="People" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 pb-2">
        <NavLink href="/people" also={["/people/contacts"]}>
          Contacts
        </NavLink>
        <NavLink href="/people/policies" activePrefix="/people/policies">
          Escalation
        </NavLink>
        <NavLink href="/people/matrix">Notification matrix</NavLink>
        <NavLink href="/people/channels">Channels</NavLink>
        <NavLink href="/people/paging">Who is paged?</NavLink>
      </nav>
      {children}
    </div>
  );
}
