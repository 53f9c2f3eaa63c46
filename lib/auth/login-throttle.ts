// Sign-in rate limiting, per account and per client address, counted in SQL over LoginAttempt so it
// holds across every app process. A success clears nothing: failures simply age out of the window.
import type { Reader } from "@/lib/db/client";

export type ThrottleLimits = { maxPerAccount: number; maxPerIp: number; windowMinutes: number };
export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: "account_locked" | "ip_limited"; retryAfterSeconds: number };

export type FailureCounts = { account: number; ip: number; oldestAccountFailure: Date | null; oldestIpFailure: Date | null };

/** Pure rule: given recent failures, may this attempt go ahead? */
export function judgeAttempt(counts: FailureCounts, limits: ThrottleLimits, now: Date): ThrottleVerdict {
  const retryAfter = (oldest: Date | null) =>
    Math.max(1, Math.ceil(((oldest?.getTime() ?? now.getTime()) + limits.windowMinutes * 60_000 - now.getTime()) / 1000));
  if (counts.account >= limits.maxPerAccount) {
    return { allowed: false, reason: "account_locked", retryAfterSeconds: retryAfter(counts.oldestAccountFailure) };
  }
  if (counts.ip >= limits.maxPerIp) {
    return { allowed: false, reason: "ip_limited", retryAfterSeconds: retryAfter(counts.oldestIpFailure) };
  }
  return { allowed: true };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function countRecentFailures(db: Reader, email: string, ip: string, since: Date): Promise<FailureCounts> {
  const rows = await db.$queryRaw<
    { account: bigint; ip: bigint; oldest_account: Date | null; oldest_ip: Date | null }[]
  >`
    SELECT
      count(*) FILTER (WHERE email = ${email}) AS account,
      count(*) FILTER (WHERE ip = ${ip}) AS ip,
      min("createdAt") FILTER (WHERE email = ${email}) AS oldest_account,
      min("createdAt") FILTER (WHERE ip = ${ip}) AS oldest_ip
    FROM "LoginAttempt"
    WHERE NOT succeeded AND "createdAt" >= ${since} AND (email = ${email} OR ip = ${ip})`;
  const row = rows[0];
  return {
    account: Number(row?.account ?? 0),
    ip: Number(row?.ip ?? 0),
    oldestAccountFailure: row?.oldest_account ?? null,
    oldestIpFailure: row?.oldest_ip ?? null,
  };
}

export async function recordLoginAttempt(db: Reader, attempt: { email: string; ip: string; succeeded: boolean }) {
  await db.loginAttempt.create({ data: attempt });
}
