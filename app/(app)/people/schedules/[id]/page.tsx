import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditDiff } from "@/components/admin/audit-diff";
import { DeleteScheduleButton } from "@/components/oncall/delete-schedule-button";
import { FeedLink } from "@/components/oncall/feed-link";
import { NextLine, NowLine } from "@/components/oncall/on-call-turn";
import { OverrideDeleteButton } from "@/components/oncall/override-delete-button";
import { OverrideForm } from "@/components/oncall/override-form";
import { ScheduleEditor, type EditableLayer } from "@/components/oncall/schedule-editor";
import { ScheduleTimeline } from "@/components/oncall/schedule-timeline";
import { Card, PageHeader } from "@/components/ui/card";
import { findAuditEvents } from "@/lib/audit/queries";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { formatLocal } from "@/lib/oncall/local-time";
import { findOverrides, findSchedule } from "@/lib/oncall/schedules";
import { findScheduleTimeline } from "@/lib/oncall/views";
import { findContactOptions } from "@/lib/people/queries";

export const metadata: Metadata = { title: "On-call schedule" };
export const dynamic = "force-dynamic";

export default async function SchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await requirePage("people.read", `/people/schedules/${id}`);
  const now = new Date();
  const [schedule, overrides, timeline, contacts, history] = await Promise.all([
    findSchedule(db, id),
    findOverrides(db, id, now),
    findScheduleTimeline(db, id, now),
    findContactOptions(db),
    findAuditEvents(db, { entityType: "OnCallSchedule", entityId: id }).then((page) => page.events),
  ]);
  if (!schedule || !timeline) notFound();
  const canEdit = can(user.role, "people.edit");
  const canOverride = can(user.role, "oncall.override");
  const zone = schedule.timeZone;
  const pagedBy = [...new Set(schedule.levelTargets.map((t) => `${t.level.policy.name} (level ${t.level.position})`))];
  return (
    <>
      <PageHeader
        title={schedule.name}
        description={`${zone} · version ${schedule.version}${schedule.description ? ` · ${schedule.description}` : ""}`}
        actions={canEdit && <DeleteScheduleButton id={schedule.id} version={schedule.version} name={schedule.name} />}
      />
      <div className="mb-6 grid gap-4 md:grid-cols-2">
        <Card className="p-4" data-testid="on-call-now">
          <h2 className="mb-1 font-semibold">On call now</h2>
          <p className="text-sm">
            <NowLine turn={timeline.now} timeZone={zone} />
          </p>
          <p className="mt-1 text-sm">
            <span className="text-slate-500">Next: </span>
            <NextLine turn={timeline.next} timeZone={zone} />
          </p>
          <p className="mt-2 text-xs text-slate-500">
            Paged by: {pagedBy.length ? pagedBy.join(", ") : "no escalation level yet"}
          </p>
        </Card>
        <Card className="p-4">
          <h2 className="mb-1 font-semibold">Calendar feed</h2>
          {canEdit ? (
            <FeedLink kind="schedule" id={schedule.id} token={schedule.feedToken} />
          ) : (
            <p className="text-sm text-slate-600">
              {schedule.feedToken
                ? "This schedule has a calendar link; an editor can share it."
                : "No calendar link yet."}
            </p>
          )}
        </Card>
      </div>

      <h2 className="mb-2 font-semibold">Next two weeks</h2>
      <Card className="mb-6 p-3 sm:p-4">
        <ScheduleTimeline from={timeline.from} to={timeline.to} timeZone={zone} rows={timeline.rows} />
      </Card>

      <h2 className="mb-2 font-semibold">Overrides</h2>
      <Card className="mb-6 space-y-4 p-4">
        {overrides.length === 0 ? (
          <p className="text-sm text-slate-600">No current or upcoming overrides.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="overrides">
            {overrides.map((o) => {
              const label = `${o.contact.name}${o.replaces ? ` for ${o.replaces.name}` : ""}, ${formatLocal(o.startsAt, zone)} → ${formatLocal(o.endsAt, zone)}`;
              return (
                <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium">{o.contact.name}</span>
                    {o.replaces && <> covers for {o.replaces.name}</>}
                    <span className="text-slate-500">
                      {" "}
                      {formatLocal(o.startsAt, zone)} → {formatLocal(o.endsAt, zone)}
                    </span>
                    {o.reason && <span className="block text-xs text-slate-500">{o.reason}</span>}
                  </span>
                  {canOverride && <OverrideDeleteButton id={o.id} label={label} />}
                </li>
              );
            })}
          </ul>
        )}
        {canOverride && <OverrideForm scheduleId={schedule.id} timeZone={zone} contacts={contacts} />}
      </Card>

      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">Layers</h2>
        <Link href="/people/policies" className="text-sm text-brand-700 underline">
          Escalation policies →
        </Link>
      </div>
      <ScheduleEditor
        key={schedule.version}
        canEdit={canEdit}
        contacts={contacts}
        zones={Intl.supportedValuesOf("timeZone")}
        schedule={{
          id: schedule.id,
          version: schedule.version,
          name: schedule.name,
          description: schedule.description,
          timeZone: schedule.timeZone,
          layers: schedule.layers.map((l): EditableLayer => ({
            name: l.name,
            timeZone: l.timeZone,
            startDate: l.startDate,
            handoffTime: l.handoffTime,
            shiftLength: l.shiftLength,
            shiftUnit: l.shiftUnit,
            restrictions: l.restrictions as EditableLayer["restrictions"],
            memberIds: l.members.map((m) => m.contactId),
          })),
        }}
      />
      <h2 className="mb-2 mt-8 font-semibold">History</h2>
      {/* Focusable: on a phone the table may scroll sideways inside its card, and a keyboard must reach it. */}
      <Card className="overflow-x-auto" tabIndex={0} role="region" aria-label="Schedule history">
        <table className="w-full text-sm" data-testid="schedule-history">
          <tbody className="divide-y divide-slate-100 align-top">
            {history.map((event) => (
              <tr key={String(event.id)}>
                <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">
                  {event.at.toISOString().replace("T", " ").slice(0, 19)}
                </td>
                <td className="px-4 py-2">{event.actorEmail}</td>
                <td className="px-4 py-2 font-mono text-xs">{event.action}</td>
                <td className="px-4 py-2">
                  <AuditDiff before={event.before} after={event.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
