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
