import { SectionNav } from "@/components/app-shell/section-nav";
import { requirePage } from "@/lib/auth/session";

export default async function PeopleLayout({ children }: { children: React.ReactNode }) {
  await requirePage("people.read", "/people");
  return (
    <div>
      <SectionNav
        label="People"
        links={[
          { href: "/people", label: "Contacts", also: ["/people/contacts"] },
          { href: "/people/policies", label: "Escalation", activePrefix: "/people/policies" },
          { href: "/people/matrix", label: "Notification matrix" },
          { href: "/people/channels", label: "Channels" },
          { href: "/people/paging", label: "Who is paged?" },
        ]}
      />
      {children}
    </div>
  );
}
