// Optimistic concurrency: every editable record carries a version. A save based on an older version is
// refused with what the other people changed since (read back from the audit trail), so nothing is lost.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { diffRecords } from "./diff";

export async function describeChangesSince(
  tx: Tx,
  entityType: string,
  entityId: string,
  seenVersion: number,
): Promise<string> {
  const events = await tx.$queryRaw<{ actorEmail: string | null; before: unknown; after: unknown }[]>`
    SELECT "actorEmail", before, after FROM "AuditEvent"
    WHERE "entityType" = ${entityType} AND "entityId" = ${entityId}
      AND (after->>'version')::int > ${seenVersion}
    ORDER BY id`;
  const parts = events.flatMap((event) => {
    const changes = diffRecords(event.before, event.after)
      .slice(0, 6)
      .map((c) => `${c.field} ${c.before ?? "∅"} → ${c.after ?? "∅"}`);
    return changes.length ? [`${event.actorEmail ?? "someone"} changed ${changes.join(", ")}`] : [];
  });
  return parts.join("; ");
}

/** Throws NOT_FOUND when the record is gone, CONFLICT (with their changes) when its version moved on. */
export async function assertCurrentVersion<T extends { version: number }>(
  tx: Tx,
  record: T | null,
  expected: { entityType: string; entityId: string; version: number; label: string },
): Promise<T> {
  if (!record) throw new AppError("NOT_FOUND", { userMessage: `${expected.label} no longer exists.` });
  if (record.version !== expected.version) {
    const changes = await describeChangesSince(tx, expected.entityType, expected.entityId, expected.version);
    throw new AppError("CONFLICT", {
      userMessage: `Someone else changed ${expected.label} since you opened it${changes ? ` (${changes})` : ""}. Your edit was not saved: reload, then apply it again.`,
    });
  }
  return record;
}
