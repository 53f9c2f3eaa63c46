// Whether a signed session still counts. next-auth re-issues the session cookie with a fresh expiry whenever
// /api/auth/session is read, so its own expiry slides; the sign-in time inside it does not. A session is
// good for SESSION_MAX_AGE_HOURS after the password was typed, however often it was refreshed, and not at
// all once the password changed (the stamp in it no longer matches).

export type SessionClaims = { authAt?: unknown; passwordStamp?: unknown };

export function sessionIsCurrent(
  claims: SessionClaims,
  currentPasswordStamp: string,
  maxAgeHours: number,
  nowMs = Date.now(),
): boolean {
  if (claims.passwordStamp !== currentPasswordStamp) return false;
  if (typeof claims.authAt !== "number" || !Number.isFinite(claims.authAt)) return false;
  const ageMs = nowMs - claims.authAt * 1000;
  // A sign-in time in the future is a forged or broken token, not a long session; a minute of clock drift
  // between replicas is tolerated.
  return ageMs > -60_000 && ageMs <= maxAgeHours * 3_600_000;
}
