// The command board's filters live in the URL (?unack=1&mine=1&system=ID&severity=SEV1), so a link or a
// reload shows the same board. Anything unreadable is ignored rather than refused: a stale bookmark still opens.
import { z } from "zod";
import { SEVERITIES } from "./model";

const flag = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(["1"]).optional()).catch(undefined);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v) || undefined;

const schema = z.object({
  unack: flag,
  mine: flag,
  // Ids are cuids or UUIDs: anything else cannot name a system (a well-formed unknown id matches nothing).
  system: z
    .preprocess(
      first,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/)
        .optional(),
    )
    .catch(undefined),
  severity: z.preprocess(first, z.enum(SEVERITIES).optional()).catch(undefined),
});

export type BoardFilters = {
  unacknowledged: boolean;
  mine: boolean;
  systemId?: string;
  severity?: (typeof SEVERITIES)[number];
};

export function parseBoardFilters(params: Record<string, string | string[] | undefined>): BoardFilters {
  const parsed = schema.parse(params);
  return {
    unacknowledged: parsed.unack === "1",
    mine: parsed.mine === "1",
    ...(parsed.system && { systemId: parsed.system }),
    ...(parsed.severity && { severity: parsed.severity }),
  };
}

/** The board's URL for these filters (the order of the parameters is fixed, so equal filters make equal links). */
export function boardHref(filters: BoardFilters): string {
  const query = new URLSearchParams();
  if (filters.unacknowledged) query.set("unack", "1");
  if (filters.mine) query.set("mine", "1");
  if (filters.systemId) query.set("system", filters.systemId);
  if (filters.severity) query.set("severity", filters.severity);
  const text = query.toString();
  return text ? `/command?${text}` : "/command";
}

export const hasFilters = (f: BoardFilters) => f.unacknowledged || f.mine || Boolean(f.systemId || f.severity);
