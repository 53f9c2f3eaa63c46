// Roles, strongest first. The names are stored in the database (enum "Role").
export const ROLES = ["admin", "commander", "responder", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  commander: "Incident commander",
  responder: "Responder",
  viewer: "Viewer",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
