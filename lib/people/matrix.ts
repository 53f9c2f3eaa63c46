// The notification matrix: who is told what, on which channel, and when. The fleet-wide matrix has the
// id "default"; a system may have its own. Saved whole, version-checked, audited as a snapshot.
import type { Db, Reader } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { describeChangesSince } from "@/lib/audit/concurrency";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { RuleFields } from "./schemas";

export const DEFAULT_MATRIX = "default";

const matrixIdFor = (systemId: string | null) => systemId ?? DEFAULT_MATRIX;

/** A matrix and its rules (the fleet-wide one for null); version 0 with no rules when it was never saved. */
export async function findMatrix(db: Reader, systemId: string | null) {
  const matrix = await db.notificationMatrix.findUnique({
    where: { id: matrixIdFor(systemId) },
    select: {
      version: true,
      rules: {
        orderBy: { position: "asc" },
        select: {
          event: true,
          audience: true,
          channelId: true,
          recipients: true,
          timing: true,
          minutes: true,
          channel: { select: { name: true } },
        },
      },
    },
  });
  return { systemId, version: matrix?.version ?? 0, rules: matrix?.rules ?? [] };
}

function snapshot(
  rules: {
    event: string;
    audience: string;
    recipients: string;
    timing: string;
    minutes: number | null;
    channel?: { name: string } | null;
  }[],
  version: number,
) {
  return {
    rules: rules.map(
      (r) =>
        `${r.event} → ${r.audience}: ${[r.channel?.name, r.recipients].filter(Boolean).join(" / ")} (${r.timing}${r.minutes ? ` ${r.minutes} min` : ""})`,
    ),
    version,
  };
}

/** version 0 means "there was no matrix yet": creating it races like any other edit. */
export async function saveMatrix(
  db: Db,
  actor: AuditActor,
  input: { systemId: string | null; version: number; rules: RuleFields[] },
) {
  const id = matrixIdFor(input.systemId);
  return db.$transaction(async (tx) => {
    if (input.systemId && !(await tx.system.findUnique({ where: { id: input.systemId }, select: { id: true } }))) {
      throw new AppError("VALIDATION", { userMessage: "That system does not exist (any more).", field: "systemId" });
    }
    const channelIds = [...new Set(input.rules.map((r) => r.channelId).filter((c): c is string => Boolean(c)))];
    const known = await tx.notificationChannel.count({ where: { id: { in: channelIds } } });
    if (known !== channelIds.length)
      throw new AppError("VALIDATION", {
        userMessage: "A rule uses a channel that does not exist (any more).",
        field: "rules",
      });

    // Lock the matrix row (or its absence, via the insert) so two saves serialise.
    await tx.$executeRaw`INSERT INTO "NotificationMatrix" (id, "systemId", version, "updatedAt") VALUES (${id}, ${input.systemId}, 0, now()) ON CONFLICT (id) DO NOTHING`;
    const current = await tx.$queryRaw<
      { version: number }[]
    >`SELECT version FROM "NotificationMatrix" WHERE id = ${id} FOR UPDATE`;
    const currentVersion = current[0]!.version;
    if (currentVersion !== input.version) {
      const changes = await describeChangesSince(tx, "NotificationMatrix", id, input.version);
      throw new AppError("CONFLICT", {
        userMessage: `Someone else changed this notification matrix since you opened it${changes ? ` (${changes})` : ""}. Your edit was not saved: reload, then apply it again.`,
      });
    }
    const before = await findMatrix(tx, input.systemId);
    await tx.notificationRule.deleteMany({ where: { matrixId: id } });
    await tx.notificationRule.createMany({
      data: input.rules.map((rule, index) => ({ ...rule, matrixId: id, position: index + 1 })),
    });
    const version = currentVersion + 1;
    await tx.notificationMatrix.update({ where: { id }, data: { version } });
    const after = await findMatrix(tx, input.systemId);
    await recordAudit(tx, {
      actor,
      action: "matrix.update",
      entityType: "NotificationMatrix",
      entityId: id,
      before: currentVersion === 0 ? undefined : snapshot(before.rules, currentVersion),
      after: snapshot(after.rules, version),
    });
    return { version };
  });
}
