import { NavLink } from "./nav-link";

export type SectionLink = { href: string; label: string; activePrefix?: string; also?: string[] };

/** The tabs under an area's title (Inventory, People, Admin). */
export function SectionNav({ label, links }: { label: string; links: SectionLink[] }) {
  return (
    <nav aria-label={label} className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 pb-2">
      {links.map((link) => (
        <NavLink key={link.href} href={link.href} activePrefix={link.activePrefix} also={link.also}>
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}
