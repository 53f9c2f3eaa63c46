// Reads of user rows for code that is not the user admin pages.
import type { Reader } from "@/lib/db/client";

/** What decides whether a user may still act (active, role, password): one-or-null. */
export function findUserStanding(db: Reader, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { active: true, role: true, passwordHash: true } });
}
