// Alert senders authenticate with an API token with the alerts:write scope.
import type { Db } from "@/lib/db/client";
import { checkBearerToken } from "@/lib/tokens/tokens";

export const ALERT_BODY_LIMIT = 1024 * 1024;

/** Bearer header, or (Events API senders only fill it) the token given as routing_key. */
export function checkAlertToken(db: Db, authorization: string | null, routingKey?: unknown) {
  const header = authorization ?? (typeof routingKey === "string" && routingKey ? `Bearer ${routingKey}` : null);
  return checkBearerToken(db, header, "alerts:write");
}
