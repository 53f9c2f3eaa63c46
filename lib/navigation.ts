import type { Permission } from "@/lib/auth/permissions";

// Areas appear here the day they exist (no placeholder pages). Planned: /command, /incidents,
// /compliance, /plans and the public /status.
export type NavItem = { href: string; label: string; permission: Permission; activePrefix: string };

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", permission: "app.read", activePrefix: "/" },
  { href: "/inventory", label: "Inventory", permission: "inventory.read", activePrefix: "/inventory" },
  { href: "/people", label: "People", permission: "people.read", activePrefix: "/people" },
  { href: "/backups", label: "Backups", permission: "backups.read", activePrefix: "/backups" },
  { href: "/admin/users", label: "Admin", permission: "users.read", activePrefix: "/admin" },
];
