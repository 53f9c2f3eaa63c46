import { z } from "zod";
import type { AuditFilter } from "./queries";

// URL filters are user input too: anything malformed is ignored rather than trusted.
const schema = z.object({
  actor: z.string().trim().max(320).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  entityType: z.string().trim().max(100).optional().catch(undefined),
  entityId: z.string().trim().max(100).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .catch(undefined),
});

export function parseAuditSearchParams(raw: Record<string, string | string[] | undefined>): AuditFilter {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const parsed = schema.parse(flat);
  return {
    actor: parsed.actor || undefined,
    action: parsed.action || undefined,
    entityType: parsed.entityType || undefined,
    entityId: parsed.entityId || undefined,
    from: parsed.from ? new Date(`${parsed.from}T00:00:00Z`) : undefined,
    to: parsed.to ? new Date(`${parsed.to}T00:00:00Z`) : undefined,
    before: parsed.before ? BigInt(parsed.before) : undefined,
  };
}
