// Checks an email and password against the database, with rate limiting. Used by the next-auth
// credentials provider; kept free of next-auth so it can be tested on a real database directly.
import type { Db } from "@/lib/db/client";
import type { Role } from "./roles";
import { decoyPasswordHash, passwordStamp, verifyPassword } from "./password";
import {
  countRecentFailures,
  judgeAttempt,
  normalizeEmail,
  recordLoginAttempt,
  type ThrottleLimits,
} from "./login-throttle";

/** passwordStamp goes into the session: when the password changes, older sessions stop working. */
type AuthenticatedUser = { id: string; email: string; name: string; role: Role; passwordStamp: string };
export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" | "delayed" | "ip_limited"; retryAfterSeconds?: number };

export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string },
  limits: ThrottleLimits,
  now = new Date(),
): Promise<AuthenticateResult> {
  const email = normalizeEmail(input.email);
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
  // Attempts for one account run one at a time (transaction-scoped advisory lock on the email), so fifty
  // parallel guesses cannot all read the count before any of them is recorded.
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:${email}`}))`;
      const verdict = judgeAttempt(await countRecentFailures(tx, email, input.ip, since), limits, now);
      if (!verdict.allowed) {
        // Refused attempts are not recorded: hammering during the wait does not lengthen it.
        return { ok: false as const, reason: verdict.reason, retryAfterSeconds: verdict.retryAfterSeconds };
      }
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
      });
      const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
      const succeeded = Boolean(user && user.active && passwordMatches);
      await recordLoginAttempt(tx, { email, ip: input.ip, succeeded, createdAt: now });
      if (!succeeded || !user) return { ok: false as const, reason: "invalid" as const };
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      return {
        ok: true as const,
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          passwordStamp: passwordStamp(user.passwordHash),
        },
      };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}
