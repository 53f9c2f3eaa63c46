// One claimed escalation page, finished: its state and the timeline line that says what happened, together.
import type { Db } from "@/lib/db/client";
import { appendTimeline } from "./timeline";

export type ClaimedPage = {
  id: bigint;
  cycle: number;
  level: number;
  dueAt: Date;
  channelId: string | null;
  contactId: string | null;
  scheduleId: string | null;
  /** Who sent a page by hand and what they said; empty for the policy's pages. */
  message: string;
};

export async function finishPage(
  db: Db,
  incidentId: string,
  page: ClaimedPage,
  deliveryId: bigint | null,
  state: "sent" | "failed",
  message: string,
) {
  await db.$transaction(async (tx) => {
    await tx.escalationPage.update({ where: { id: page.id }, data: { state, deliveryId } });
    await appendTimeline(tx, {
      incidentId,
      kind: state === "sent" ? "notification_sent" : "notification_failed",
      actor: { name: "escalation" },
      message,
      // The channel lets the timeline fold repeated failures of one channel into one row.
      data: {
        level: page.level,
        cycle: page.cycle,
        deliveryId: deliveryId?.toString() ?? null,
        channelId: page.channelId,
        ...(page.scheduleId && { scheduleId: page.scheduleId }),
      },
    });
  });
}
