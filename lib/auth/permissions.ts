// Roles are data: every capability in Lifeboat is one row here, and `can` is the only check.
// A permission that is not listed, or a role that is not recognised, is refused (fail closed).
import { isRole, type Role } from "./roles";

export const PERMISSIONS = {
  "app.read": ["admin", "commander", "responder", "viewer"],
  "inventory.read": ["admin", "commander", "responder", "viewer"],
  "inventory.edit": ["admin", "commander"],
  "tiers.edit": ["admin"],
  "people.read": ["admin", "commander", "responder", "viewer"],
  "people.edit": ["admin", "commander"],
  // Add or remove an override on an on-call schedule: on-call people swap and cover shifts themselves.
  "oncall.override": ["admin", "commander", "responder"],
  "backups.read": ["admin", "commander", "responder", "viewer"],
  "backups.edit": ["admin", "commander"],
  "incidents.read": ["admin", "commander", "responder", "viewer"],
  // Declare, add notes, acknowledge pages.
  "incidents.respond": ["admin", "commander", "responder"],
  // Move the status, change severity/commander/status page/services, postmortem.
  "incidents.command": ["admin", "commander"],
  "recovery.read": ["admin", "commander", "responder", "viewer"],
  // Start a runbook for an incident or as a drill; approve gates; retry, skip, abort.
  "recovery.command": ["admin", "commander"],
  // See step outputs and errors whole. Below, credential-looking values are hidden (lib/security/secrets.ts
  // redactOutput): an HTTP step's answer or a command's output may hold a key.
  "recovery.outputs": ["admin", "commander"],
  // Tick manual steps.
  "recovery.operate": ["admin", "commander", "responder"],
  // Write runbooks and drill schedules.
  "runbooks.edit": ["admin", "commander"],
  // Download the offline break-glass pack (runbooks, escalation and the contacts directory with phone numbers).
  "breakglass.read": ["admin", "commander", "responder", "viewer"],
  // Break and restore the simulated demo services.
  "demo.operate": ["admin", "commander"],
  "compliance.read": ["admin", "commander", "responder", "viewer"],
  // Import a DR plan (Markdown or YAML): creates and updates inventory, backups, runbooks and people at once.
  // Tier defaults in a plan still need tiers.edit.
  "plans.import": ["admin", "commander"],
  // Export the configuration as plan-as-code (no secrets; contacts as on the people pages).
  "plans.export": ["admin", "commander", "responder", "viewer"],
  "tokens.manage": ["admin"],
  "users.read": ["admin"],
  "users.manage": ["admin"],
  // Forget a user's failed sign-ins (lifts the wait at every address).
  "users.unlock": ["admin"],
  "audit.read": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(role: unknown, permission: string): boolean {
  if (!isRole(role)) return false;
  if (!Object.hasOwn(PERMISSIONS, permission)) return false;
  return (PERMISSIONS[permission as Permission] as readonly Role[]).includes(role);
}
