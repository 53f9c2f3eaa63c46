// Whether a stream's reader may still read: re-checked while the stream is open, so deactivation, a role
// without access, or a password change end it.
import { can } from "@/lib/auth/permissions";
import type { Reader } from "@/lib/db/client";
import { findUserStanding } from "@/lib/users/queries";

/** The check for `timelineStream({ stillAllowed })`, against the user as the stream opened. */
export async function streamAccessCheck(db: Reader, userId: string) {
  const opened = await findUserStanding(db, userId);
  return async () => {
    const now = await findUserStanding(db, userId);
    return Boolean(now?.active && can(now.role, "incidents.read") && now.passwordHash === opened?.passwordHash);
  };
}
