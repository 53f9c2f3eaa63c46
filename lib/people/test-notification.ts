import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { deliver, type DeliveryConfig, deliveryConfig } from "./delivery";

/** The "send test" button: one real message through the channel, recorded like any other. */
export async function sendTestNotification(
  db: Db,
  actor: AuditActor,
  input: { id: string; contactId?: string },
  config: DeliveryConfig = deliveryConfig(),
) {
  const channel = await db.notificationChannel.findUnique({ where: { id: input.id } });
  if (!channel) throw new AppError("NOT_FOUND", { userMessage: "That channel no longer exists." });
  const contact = input.contactId
    ? await db.contact.findUnique({
        where: { id: input.contactId },
        select: { id: true, name: true, email: true, phone: true },
      })
    : null;
  if (input.contactId && !contact)
    throw new AppError("VALIDATION", { userMessage: "That contact no longer exists.", field: "contactId" });
  const who = "email" in actor ? actor.email : "contact" in actor ? actor.contact.name : actor.system;
  const delivery = await deliver(
    db,
    {
      channel,
      contact,
      kind: "test",
      message: {
        subject: "Lifeboat test notification",
        text: `${who} is checking the channel "${channel.name}". No action needed.`,
      },
    },
    config,
  );
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor,
      action: "channel.test",
      entityType: "NotificationChannel",
      entityId: channel.id,
      after: { delivery: String(delivery.id), status: delivery.status, target: delivery.target },
    }),
  );
  return {
    status: delivery.status,
    attempts: delivery.attempts,
    target: delivery.target,
    lastError: delivery.lastError,
    responseStatus: delivery.responseStatus,
  };
}
