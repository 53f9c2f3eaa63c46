// Users: created and changed by admins. Every write runs in one transaction with its audit event,
// carries the version the editor saw (stale edits are refused), and never leaves the system without
// an active admin.
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { assertCurrentVersion } from "@/lib/audit/concurrency";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { generateTemporaryPassword, hashPassword, verifyPassword } from "@/lib/auth/password";
import type { CreateUserInput, UpdateUserInput } from "./schemas";

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  version: true,
  lastLoginAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function findUsers(db: Db) {
  return db.user.findMany({ select: userSelect, orderBy: [{ active: "desc" }, { email: "asc" }] });
}

/** Failed sign-ins per email in the last `windowMinutes` (what slows an account down at some address), for the users page. */
export async function findRecentSignInFailures(db: Db, windowMinutes: number): Promise<Map<string, number>> {
  const since = new Date(Date.now() - windowMinutes * 60_000);
  const rows = await db.loginAttempt.groupBy({
    by: ["email"],
    where: { succeeded: false, createdAt: { gte: since } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.email, r._count._all]));
}

/**
 * Forgets a user's failed sign-ins, so no address has to wait for them any more (an admin vouching for
 * the person). Audited with how many failures there were and from which addresses.
 */
export async function unlockUser(db: Db, actor: AuditActor, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id }, select: { id: true, email: true } });
    if (!user) throw new AppError("NOT_FOUND", { userMessage: "This user no longer exists." });
    const failures = await tx.loginAttempt.groupBy({
      by: ["ip"],
      where: { email: user.email, succeeded: false },
      _count: { _all: true },
    });
    const { count } = await tx.loginAttempt.deleteMany({ where: { email: user.email, succeeded: false } });
    await recordAudit(tx, {
      actor,
      action: "user.sign_in_unlock",
      entityType: "User",
      entityId: user.id,
      before: { failedSignIns: count, addresses: failures.map((f) => f.ip).sort() },
      after: { failedSignIns: 0 },
    });
    return { id: user.id, email: user.email, cleared: count };
  });
}

/** Creates a user with a one-time password, returned once and never stored in clear. */
export async function createUser(db: Db, actor: AuditActor, input: CreateUserInput) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { ...input, passwordHash }, select: userSelect });
      await recordAudit(tx, { actor, action: "user.create", entityType: "User", entityId: created.id, after: created });
      return created;
    });
    return { user, temporaryPassword };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", {
        userMessage: `A user with email ${input.email} already exists.`,
        field: "email",
      });
    }
    throw error;
  }
}

// Locks every active admin row so two admins demoting each other at once cannot both succeed.
async function assertAnotherActiveAdminRemains(tx: Tx, userId: string) {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== userId)) {
    throw new AppError("CONFLICT", {
      userMessage: "Lifeboat needs at least one active admin: promote someone else first.",
    });
  }
}

/** The user at the expected version; throws AppError (NOT_FOUND or CONFLICT) otherwise. */
async function findUserForUpdate(tx: Tx, id: string, expectedVersion: number) {
  const current = await tx.user.findUnique({ where: { id }, select: userSelect });
  return assertCurrentVersion(tx, current, {
    entityType: "User",
    entityId: id,
    version: expectedVersion,
    label: current ? current.email : "this user",
  });
}

export async function updateUser(db: Db, actor: AuditActor, input: UpdateUserInput) {
  const { id, version, ...changes } = input;
  return db.$transaction(async (tx) => {
    const before = await findUserForUpdate(tx, id, version);
    const losesAdmin =
      before.role === "admin" &&
      before.active &&
      ((changes.role && changes.role !== "admin") || changes.active === false);
    if (losesAdmin) await assertAnotherActiveAdminRemains(tx, id);

    // The version in the WHERE makes the check-and-write atomic even without the read above.
    const { count } = await tx.user.updateMany({
      where: { id, version },
      data: { ...changes, version: { increment: 1 } },
    });
    if (count !== 1)
      throw new AppError("CONFLICT", {
        userMessage: "Someone else changed this user at the same moment. Reload and try again.",
      });
    const after = await tx.user.findUniqueOrThrow({ where: { id }, select: userSelect });
    await recordAudit(tx, { actor, action: "user.update", entityType: "User", entityId: id, before, after });
    return after;
  });
}

export async function resetUserPassword(db: Db, actor: AuditActor, input: { id: string; version: number }) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await db.$transaction(async (tx) => {
    const before = await findUserForUpdate(tx, input.id, input.version);
    const { count } = await tx.user.updateMany({
      where: { id: input.id, version: input.version },
      data: { passwordHash, version: { increment: 1 } },
    });
    if (count !== 1)
      throw new AppError("CONFLICT", { userMessage: "Someone else changed this user at the same moment." });
    // Guesses at the old password no longer say anything: the person starts with a clean slate everywhere.
    await tx.loginAttempt.deleteMany({ where: { email: before.email, succeeded: false } });
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: userSelect });
    await recordAudit(tx, {
      actor,
      action: "user.password_reset",
      entityType: "User",
      entityId: input.id,
      before,
      after,
    });
    return after;
  });
  return { user, temporaryPassword };
}

/** A signed-in user replaces their own password; the current one must be given again. */
export async function changeOwnPassword(
  db: Db,
  actor: { id: string; email: string },
  input: { currentPassword: string; newPassword: string },
) {
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    // Check and write under a row lock, so an admin's reset at the same moment is not silently overwritten.
    const [current] = await tx.$queryRaw<
      { passwordHash: string }[]
    >`SELECT "passwordHash" FROM "User" WHERE id = ${actor.id} FOR UPDATE`;
    if (!current || !(await verifyPassword(input.currentPassword, current.passwordHash))) {
      throw new AppError("VALIDATION", { userMessage: "The current password is not right.", field: "currentPassword" });
    }
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: userSelect });
    const after = await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, version: { increment: 1 } },
      select: userSelect,
    });
    await recordAudit(tx, {
      actor,
      action: "user.password_change",
      entityType: "User",
      entityId: actor.id,
      before,
      after,
    });
  });
}
