import type { Db, Reader } from "@/lib/db/client";
import { onUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { deleteVersioned, updateVersioned } from "@/lib/audit/versioned";
import { maskUrl } from "./model";
import type { ChannelFields } from "./schemas";

const channelSelect = {
  id: true,
  name: true,
  type: true,
  url: true,
  enabled: true,
  version: true,
  updatedAt: true,
} as const;

// The audit trail and the browser only ever see the masked URL: webhook URLs carry tokens.
function forAudit(channel: { url: string | null } & Record<string, unknown>) {
  return { ...channel, url: maskUrl(channel.url) };
}

/** Channels as the browser may see them: no full URLs. */
export async function findChannels(db: Reader) {
  const channels = await db.notificationChannel.findMany({ select: channelSelect, orderBy: { name: "asc" } });
  return channels.map(({ url, ...c }) => ({ ...c, hasUrl: Boolean(url), maskedUrl: maskUrl(url) }));
}

function needsUrl(fields: Pick<ChannelFields, "type" | "url">, existingUrl: string | null) {
  if (fields.type !== "email" && !fields.url && !existingUrl) {
    throw new AppError("VALIDATION", {
      userMessage: `A ${fields.type} channel needs the URL it posts to`,
      field: "url",
    });
  }
}

function duplicate(name: string) {
  return new AppError("CONFLICT", { userMessage: `A channel named "${name}" already exists.`, field: "name" });
}

export async function createChannel(db: Db, actor: AuditActor, fields: ChannelFields) {
  needsUrl(fields, null);
  return onUniqueViolation(
    () =>
      db.$transaction(async (tx) => {
        const channel = await tx.notificationChannel.create({
          data: { ...fields, url: fields.type === "email" ? null : fields.url },
          select: channelSelect,
        });
        await recordAudit(tx, {
          actor,
          action: "channel.create",
          entityType: "NotificationChannel",
          entityId: channel.id,
          after: forAudit(channel),
        });
        return { id: channel.id };
      }),
    () => duplicate(fields.name),
  );
}

export async function updateChannel(db: Db, actor: AuditActor, input: ChannelFields & { id: string; version: number }) {
  const { id, version, ...fields } = input;
  return onUniqueViolation(
    () =>
      db.$transaction(async (tx) => {
        const after = await updateVersioned(
          tx,
          actor,
          { action: "channel.update", entityType: "NotificationChannel", entityId: id, version, label: "this channel" },
          {
            read: () => tx.notificationChannel.findUnique({ where: { id }, select: channelSelect }),
            write: (before) => {
              needsUrl(fields, fields.type === before.type ? before.url : null);
              const url = fields.type === "email" ? null : (fields.url ?? before.url);
              return tx.notificationChannel.updateMany({
                where: { id, version },
                data: { ...fields, url, version: { increment: 1 } },
              });
            },
            audit: forAudit,
          },
        );
        return { id, version: after.version };
      }),
    () => duplicate(fields.name),
  );
}

export async function deleteChannel(db: Db, actor: AuditActor, input: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    await deleteVersioned(
      tx,
      actor,
      {
        action: "channel.delete",
        entityType: "NotificationChannel",
        entityId: input.id,
        version: input.version,
        label: "this channel",
      },
      {
        read: () => tx.notificationChannel.findUnique({ where: { id: input.id }, select: channelSelect }),
        prepare: async (before) => {
          const [levels, rules] = await Promise.all([
            tx.escalationLevelChannel.findMany({
              where: { channelId: input.id },
              select: { level: { select: { position: true, policy: { select: { name: true } } } } },
            }),
            tx.notificationRule.count({ where: { channelId: input.id } }),
          ]);
          if (levels.length + rules > 0) {
            const where = [
              ...levels.map((l) => `${l.level.policy.name} (level ${l.level.position})`),
              ...(rules ? [`${rules} notification rule(s)`] : []),
            ];
            throw new AppError("CONFLICT", {
              userMessage: `${before.name} is still used by ${where.join(", ")}. Remove it there first.`,
            });
          }
        },
        remove: () => tx.notificationChannel.deleteMany({ where: { id: input.id, version: input.version } }),
        audit: forAudit,
      },
    );
    return { id: input.id };
  });
}
