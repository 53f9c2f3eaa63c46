import { SectionNav } from "@/components/app-shell/section-nav";

export default function RunbooksLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SectionNav
        label="Recovery"
        links={[
          { href: "/runbooks", label: "Runbooks", also: ["/runbooks/new", "/runbooks/runs"] },
          { href: "/runbooks/drills", label: "Drills", activePrefix: "/runbooks/drills" },
          { href: "/runbooks/demo", label: "Demo fleet", activePrefix: "/runbooks/demo" },
        ]}
      />
      {children}
    </>
  );
}
