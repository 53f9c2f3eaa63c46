// A level's schedule target, resolved when its page fires: whoever is on call at that moment (overrides placed
// after the incident opened count) gets the level's pages through their own notification rules — each rule's
// channel at +N minutes from the level's time — or, without rules, on the level's person channels.
import type { Db } from "@/lib/db/client";
import type { JobSink } from "@/lib/jobs/boss";
import { onCallAt } from "@/lib/oncall/on-call-now";
import { findScheduleRotations } from "@/lib/oncall/queries";
import { contactPages, resolvePolicy } from "@/lib/people/paging";
import { findPagingData } from "@/lib/people/queries";
import { appendTimeline } from "./timeline";
import { enqueueAt } from "./escalation-plan";
import { finishPage, type ClaimedPage } from "./escalation-finish";

/** The level's channels under the policy that applies to the incident now (the rows keep no channel). */
async function levelChannelIds(
  db: Db,
  incidentId: string,
  level: number,
  paging: Awaited<ReturnType<typeof findPagingData>>,
) {
  const incident = await db.incident.findUnique({
    where: { id: incidentId },
    select: { systemId: true, services: { select: { service: { select: { tier: true } } } } },
  });
  if (!incident) return [];
  const tiers = incident.services.map((s) => s.service.tier);
  const tier = tiers.length
    ? Math.min(...tiers)
    : (paging.systems.find((s) => s.id === incident.systemId)?.topTier ?? null);
  const policy = resolvePolicy(paging.policies, { systemId: incident.systemId, tier });
  return policy?.levels.find((l) => l.position === level)?.channelIds ?? [];
}

/** Turns a claimed schedule row into the on-call contact's pages; "failed" when nobody can be paged. */
export async function resolveSchedulePage(
  db: Db,
  incidentId: string,
  page: ClaimedPage,
  at: Date,
  jobs?: JobSink,
): Promise<"sent" | "failed"> {
  const [rotation] = page.scheduleId ? await findScheduleRotations(db, [page.scheduleId], at) : [];
  const label = `Level ${page.level}${page.cycle ? ` (repeat ${page.cycle})` : ""}`;
  if (!rotation) {
    await finishPage(db, incidentId, page, null, "failed", `${label}: the schedule was deleted; nothing sent.`);
    return "failed";
  }
  const contactId = onCallAt(rotation.layers, rotation.overrides, at)?.contactId ?? null;
  if (!contactId) {
    await finishPage(
      db,
      incidentId,
      page,
      null,
      "failed",
      `${label}: ${rotation.name} — nobody is on call; nothing sent.`,
    );
    return "failed";
  }
  const paging = await findPagingData(db);
  const contact = paging.contacts.find((c) => c.id === contactId);
  if (!contact) {
    await finishPage(
      db,
      incidentId,
      page,
      null,
      "failed",
      `${label}: ${rotation.name} — the on-call contact was deleted.`,
    );
    return "failed";
  }
  const channels = new Map(paging.channels.map((c) => [c.id, c]));
  const levelChannels = contact.rules?.length ? [] : await levelChannelIds(db, incidentId, page.level, paging);
  const pages = contactPages(
    { at: 0, cycle: page.cycle, level: page.level },
    contact,
    levelChannels,
    channels,
    paging.readiness,
  );
  if (pages.length === 0) {
    await finishPage(
      db,
      incidentId,
      page,
      null,
      "failed",
      `${label}: ${rotation.name} → ${contact.name} (on call), but no channel can reach them; nothing sent.`,
    );
    return "failed";
  }
  const dueTimes = pages.map((p) => new Date(page.dueAt.getTime() + p.at * 60_000));
  const outcome = await db.$transaction(async (tx) => {
    // Someone paged by name on this level already gets its pages: do not ring them twice.
    const already = await tx.escalationPage.count({
      where: { incidentId, cycle: page.cycle, level: page.level, contactId, scheduleId: null },
    });
    await tx.escalationPage.update({ where: { id: page.id }, data: { state: "sent" } });
    if (already === 0) {
      await tx.escalationPage.createMany({
        data: pages.map((p, i) => ({
          incidentId,
          dueAt: dueTimes[i]!,
          cycle: page.cycle,
          level: page.level,
          channelId: p.channel!.id,
          contactId,
        })),
      });
      if (jobs)
        await enqueueAt(
          tx,
          jobs,
          incidentId,
          dueTimes.filter((t) => t.getTime() > at.getTime()),
        );
    }
    await appendTimeline(tx, {
      incidentId,
      kind: "notification_sent",
      actor: { name: "escalation" },
      message: `${label}: ${rotation.name} → ${contact.name} (on call)${already ? ", already paged at this level" : ""}.`,
      data: { level: page.level, cycle: page.cycle, scheduleId: rotation.id, contactId, channelId: null },
    });
    return "sent" as const;
  });
  return outcome;
}
