import type { Permission } from "@/lib/auth/permissions";

// The areas of the app, each shown to the roles whose permission it names. An area is listed only once its
// pages exist: the navigation never leads to an empty page.
export type NavItem = { href: string; label: string; permission: Permission; activePrefix: string };

export const NAV_ITEMS: NavItem[] = [
  { href: "/command", label: "Command", permission: "incidents.read", activePrefix: "/command" },
  { href: "/incidents", label: "Incidents", permission: "incidents.read", activePrefix: "/incidents" },
  { href: "/runbooks", label: "Runbooks", permission: "recovery.read", activePrefix: "/runbooks" },
  { href: "/compliance", label: "Compliance", permission: "compliance.read", activePrefix: "/compliance" },
  { href: "/overview", label: "Overview", permission: "app.read", activePrefix: "/overview" },
  { href: "/inventory", label: "Inventory", permission: "inventory.read", activePrefix: "/inventory" },
  { href: "/people", label: "People", permission: "people.read", activePrefix: "/people" },
  { href: "/backups", label: "Backups", permission: "backups.read", activePrefix: "/backups" },
  { href: "/plans", label: "Plans", permission: "plans.export", activePrefix: "/plans" },
  { href: "/admin/users", label: "Admin", permission: "users.read", activePrefix: "/admin" },
];

/** One tab under an area's title; `also` and `activePrefix` say which other paths keep it highlighted. */
export type SectionTab = { href: string; label: string; activePrefix?: string; also?: string[] };

/** The tabs under each area's title, drawn by the area's layout. */
export const SECTIONS = {
  inventory: {
    label: "Inventory",
    tabs: [
      { href: "/inventory", label: "Services", also: ["/inventory/services"] },
      { href: "/inventory/systems", label: "Systems", activePrefix: "/inventory/systems" },
      { href: "/inventory/tiers", label: "Tier defaults" },
    ],
  },
  people: {
    label: "People",
    tabs: [
      { href: "/people", label: "Contacts", also: ["/people/contacts"] },
      { href: "/people/schedules", label: "Schedules", activePrefix: "/people/schedules" },
      { href: "/people/policies", label: "Escalation", activePrefix: "/people/policies" },
      { href: "/people/matrix", label: "Notification matrix" },
      { href: "/people/channels", label: "Channels" },
      { href: "/people/paging", label: "Who is paged?" },
    ],
  },
  admin: {
    label: "Admin",
    tabs: [
      { href: "/admin/users", label: "Users", activePrefix: "/admin/users" },
      { href: "/admin/audit", label: "Audit log", activePrefix: "/admin/audit" },
      { href: "/admin/tokens", label: "API tokens" },
    ],
  },
  runbooks: {
    label: "Recovery",
    tabs: [
      { href: "/runbooks", label: "Runbooks", also: ["/runbooks/new", "/runbooks/runs"] },
      { href: "/runbooks/drills", label: "Drills", activePrefix: "/runbooks/drills" },
      { href: "/runbooks/demo", label: "Demo fleet", activePrefix: "/runbooks/demo" },
    ],
  },
} satisfies Record<string, { label: string; tabs: SectionTab[] }>;

export type Section = keyof typeof SECTIONS;
