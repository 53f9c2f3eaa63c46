// /api/metrics access: open when METRICS_TOKEN is unset (a scraper on a private network), else only with
// `Authorization: Bearer <METRICS_TOKEN>`. Compared in constant time, over hashes so lengths do not leak.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

export function metricsAuthorized(authorization: string | null, token: string | undefined): boolean {
  if (!token) return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const given = match?.[1] ?? "";
  // Always compare (even with nothing given), so a missing header takes as long as a wrong one.
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}
