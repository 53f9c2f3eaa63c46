// The one procedure for changing or deleting a versioned record, inside the caller's transaction: check the
// version the person saw, write only while the row still has it (a racing save makes the guarded write miss),
// and audit the change with it. Every editable record goes through here, so no save silently overwrites another.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCurrentVersion } from "./concurrency";
import { recordAudit, type AuditActor } from "./record";

export type VersionedTarget = {
  /** The audit action, e.g. "service.update". */
  action: string;
  entityType: string;
  entityId: string;
  /** The version the person saw. */
  version: number;
  /** How messages name the record: "this service". */
  label: string;
};

/** CONFLICT when a write guarded by `where: { id, version }` touched no row: another save won the race. */
function assertGuardedWrite(count: number, target: Pick<VersionedTarget, "label">, verb: "saved" | "changed") {
  if (count !== 1)
    throw new AppError("CONFLICT", {
      userMessage: `Someone else ${verb} ${target.label} at the same moment. Reload and try again.`,
    });
}

/**
 * Updates a record at the expected version and returns it as it is now. `write` runs the caller's checks
 * against `before` and then the guarded `updateMany({ where: { id, version }, data: { …, version: { increment: 1 } } })`;
 * `audit` shapes what the audit trail keeps of a row (default: the row as read).
 */
export async function updateVersioned<T extends { version: number }>(
  tx: Tx,
  actor: AuditActor,
  target: VersionedTarget,
  steps: {
    read: () => Promise<T | null>;
    write: (before: T) => Promise<{ count: number }>;
    audit?: (row: T) => unknown;
  },
): Promise<T> {
  const before = await assertCurrentVersion(tx, await steps.read(), target);
  assertGuardedWrite((await steps.write(before)).count, target, "saved");
  const after = await steps.read();
  // The row is locked by the write above: it cannot be gone, but say so plainly if it ever is.
  if (!after) throw new AppError("NOT_FOUND", { userMessage: `${target.label} no longer exists.` });
  const audit = steps.audit ?? ((row: T) => row);
  await recordAudit(tx, {
    actor,
    action: target.action,
    entityType: target.entityType,
    entityId: target.entityId,
    before: audit(before),
    after: audit(after),
  });
  return after;
}

/**
 * Deletes a record at the expected version and returns it as it was. `prepare` runs the caller's checks and
 * side effects first and may return figures the audit event keeps beside the row (e.g. how many runs went with it);
 * `remove` is the guarded `deleteMany({ where: { id, version } })`.
 */
export async function deleteVersioned<T extends { version: number }>(
  tx: Tx,
  actor: AuditActor,
  target: VersionedTarget,
  steps: {
    read: () => Promise<T | null>;
    prepare?: (before: T) => Promise<Record<string, unknown> | void>;
    remove: () => Promise<{ count: number }>;
    audit?: (row: T) => unknown;
  },
): Promise<T> {
  const before = await assertCurrentVersion(tx, await steps.read(), target);
  const figures = (await steps.prepare?.(before)) ?? undefined;
  assertGuardedWrite((await steps.remove()).count, target, "changed");
  const kept = (steps.audit ?? ((row: T) => row))(before);
  await recordAudit(tx, {
    actor,
    action: target.action,
    entityType: target.entityType,
    entityId: target.entityId,
    before: figures ? { ...(kept as object), ...figures } : kept,
  });
  return before;
}
