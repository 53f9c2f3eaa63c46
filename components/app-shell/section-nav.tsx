// An area's tabs (Inventory, People, Admin, Recovery) and the layout that puts them above its pages.
import { SECTIONS, type Section, type SectionTab } from "@/lib/navigation";
import { NavLink } from "./nav-link";

/** The tabs under an area's title. */
function SectionNav({ section }: { section: Section }) {
  const { label, tabs } = SECTIONS[section];
  return (
    <nav aria-label={label} className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 pb-2">
      {tabs.map((tab: SectionTab) => (
        <NavLink key={tab.href} href={tab.href} activePrefix={tab.activePrefix} also={tab.also}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** An area's layout: its tabs, then the page (the layout file guards the area before rendering this). */
export function SectionLayout({ section, children }: { section: Section; children: React.ReactNode }) {
  return (
    <div>
      <SectionNav section={section} />
      {children}
    </div>
  );
}
