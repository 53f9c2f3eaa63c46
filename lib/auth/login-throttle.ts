// Sign-in rate limiting, counted in SQL over LoginAttempt so it holds across every app process.
// Failures count per (account, client address): after a few, THAT address must wait a delay that doubles
// with every further failure. The same account from another address is not slowed, so nobody can lock a
// commander out by failing on purpose. A per-address limit over all accounts stops one address spraying.
import type { Reader } from "@/lib/db/client";

export type ThrottleLimits = {
  /** Failures of one account from one address before that address has to wait. */
  failuresBeforeDelay: number;
  /** The first wait; it doubles with every further failure, up to the window. */
  firstDelaySeconds: number;
  maxPerIp: number;
  windowMinutes: number;
};
export type ThrottleVerdict =
  { allowed: true } | { allowed: false; reason: "delayed" | "ip_limited"; retryAfterSeconds: number };

export type FailureCounts = {
  /** Failures of this account from this address in the window, since its last success or an admin unlock. */
  pair: number;
  lastPairFailure: Date | null;
  ip: number;
  oldestIpFailure: Date | null;
};

/** How long an address waits after `failures` failures on one account (0 below the threshold). */
export function delaySeconds(failures: number, limits: ThrottleLimits): number {
  if (failures < limits.failuresBeforeDelay) return 0;
  return Math.min(limits.windowMinutes * 60, limits.firstDelaySeconds * 2 ** (failures - limits.failuresBeforeDelay));
}

/** Pure rule: given recent failures, may this attempt go ahead? */
export function judgeAttempt(counts: FailureCounts, limits: ThrottleLimits, now: Date): ThrottleVerdict {
  const secondsUntil = (at: number) => Math.max(1, Math.ceil((at - now.getTime()) / 1000));
  if (counts.ip >= limits.maxPerIp) {
    const oldest = counts.oldestIpFailure?.getTime() ?? now.getTime();
    return {
      allowed: false,
      reason: "ip_limited",
      retryAfterSeconds: secondsUntil(oldest + limits.windowMinutes * 60_000),
    };
  }
  const delay = delaySeconds(counts.pair, limits);
  const readyAt = (counts.lastPairFailure?.getTime() ?? 0) + delay * 1000;
  if (delay > 0 && now.getTime() < readyAt)
    return { allowed: false, reason: "delayed", retryAfterSeconds: secondsUntil(readyAt) };
  return { allowed: true };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function countRecentFailures(db: Reader, email: string, ip: string, since: Date): Promise<FailureCounts> {
  // A success from this address clears its count for this account (rows are kept: they are the record).
  // An admin unlock deletes the account's failures instead (lib/users/users.ts unlockUser).
  const rows = await db.$queryRaw<{ pair: bigint; last_pair: Date | null; ip: bigint; oldest_ip: Date | null }[]>`
    SELECT
      count(*) FILTER (WHERE pair) AS pair,
      max("createdAt") FILTER (WHERE pair) AS last_pair,
      count(*) AS ip,
      min("createdAt") AS oldest_ip
    FROM (
      SELECT "createdAt", email = ${email} AND "createdAt" > coalesce(
        (SELECT max(s."createdAt") FROM "LoginAttempt" s WHERE s.email = ${email} AND s.ip = ${ip} AND s.succeeded),
        '-infinity') AS pair
      FROM "LoginAttempt"
      WHERE NOT succeeded AND ip = ${ip} AND "createdAt" >= ${since}
    ) failures`;
  const row = rows[0];
  return {
    pair: Number(row?.pair ?? 0),
    lastPairFailure: row?.last_pair ?? null,
    ip: Number(row?.ip ?? 0),
    oldestIpFailure: row?.oldest_ip ?? null,
  };
}

/** Stamped with the caller's clock, the same one the limits are judged by. */
export async function recordLoginAttempt(
  db: Reader,
  attempt: { email: string; ip: string; succeeded: boolean; createdAt: Date },
) {
  await db.loginAttempt.create({ data: attempt });
}
