// What an API token may do. Its own module (no imports) so tests and tools can read the list cheaply.
export const TOKEN_SCOPES = [
  "backups:write",
  "alerts:write",
  "plans:write",
  "plans:read",
  "read",
  "pages:reply",
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
