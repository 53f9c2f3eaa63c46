// ?incident=ID&after=N for the stream and its polling fallback. Last-Event-ID (sent by a reconnecting
// EventSource) wins over `after`: it is where that very stream stopped.
import { z } from "zod";
import { parseEventId } from "../timeline";

const schema = z.object({
  incident: z.string().trim().min(1).max(64).optional(),
  after: z
    .string()
    .regex(/^\d{1,18}$/, "must be an event number")
    .optional(),
});

/** The query, or the zod error naming the bad parameter (the routes answer it as a 400 with its field). */
export function parseStreamQuery(
  url: URL,
  lastEventId: string | null,
): { ok: true; incidentId?: string; afterId: bigint | null } | { ok: false; error: z.ZodError } {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return { ok: false, error: parsed.error };
  return {
    ok: true,
    incidentId: parsed.data.incident,
    afterId: parseEventId(lastEventId) ?? parseEventId(parsed.data.after) ?? null,
  };
}
