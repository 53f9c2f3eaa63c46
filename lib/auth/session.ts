// The one way to learn who is asking. Reads the next-auth session, then the user row itself,
// so role changes and deactivation apply to the very next request.
import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authOptions } from "./options";
import { passwordStamp } from "./password";
import { can, type Permission } from "./permissions";
import type { Role } from "./roles";
import { sessionIsCurrent, type SessionClaims } from "./session-validity";

export type CurrentUser = { id: string; email: string; name: string; role: Role };

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions())) as ({ userId?: string } & SessionClaims) | null;
  if (!session?.userId) return null;
  const user = await getDb().user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
  if (!user?.active) return null;
  // Not after the last password change or reset, nor past the session's maximum age since sign-in.
  if (!sessionIsCurrent(session, passwordStamp(user.passwordHash), env().SESSION_MAX_AGE_HOURS)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For server actions and route handlers: throws AppError (401/403) instead of redirecting. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", { userMessage: "Sign in to continue." });
  if (!can(user.role, permission)) {
    throw new AppError("FORBIDDEN", { userMessage: "Your role does not allow this." });
  }
  return user;
}

/** What a page or layout works with: who is asking, and the database its lib reads take. */
export type PageContext = { user: CurrentUser; db: Db };

/**
 * For pages and layouts (the only way they reach the database): redirects signed-out people to /login and
 * answers 403 to the wrong role. Pages open to every signed-in user ask for "app.read".
 */
export async function requirePage(permission: Permission, returnTo: string): Promise<PageContext> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(user.role, permission)) forbidden();
  return { user, db: getDb() };
}

/** For the public pages (the status page): no user is asked for, only the database is handed over. */
export function publicPage(): { db: Db } {
  return { db: getDb() };
}
