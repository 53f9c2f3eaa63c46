import type { Metadata } from "next";
import Link from "next/link";
import { NextLine, NowLine } from "@/components/oncall/on-call-turn";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { findScheduleSummaries } from "@/lib/oncall/views";

export const metadata: Metadata = { title: "On-call schedules" };
export const dynamic = "force-dynamic";

export default async function SchedulesPage() {
  const { user, db } = await requirePage("people.read", "/people/schedules");
  const schedules = await findScheduleSummaries(db);
  return (
    <>
      <PageHeader
        title="On-call schedules"
        description="Who is on call, layer by layer, in each layer's own time zone. Escalation levels can page a schedule's on-call person."
        actions={can(user.role, "people.edit") && <LinkButton href="/people/schedules/new">New schedule</LinkButton>}
      />
      {schedules.length === 0 ? (
        <EmptyState title="No on-call schedules yet">
          A schedule rotates people through shifts (hours, days or weeks) with handoffs at a local time.
        </EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {schedules.map((s) => (
            <Card key={s.id} className="p-4" data-testid="schedule-card">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link
                  href={`/people/schedules/${s.id}`}
                  className="inline-flex min-h-11 items-center font-semibold text-brand-700 hover:underline"
                >
                  {s.name}
                </Link>
                <span className="text-xs text-slate-500">
                  {s.timeZone} · {s.layerCount} {s.layerCount === 1 ? "layer" : "layers"}
                </span>
              </div>
              <dl className="mt-1 grid grid-cols-[5rem_1fr] gap-y-1 text-sm">
                <dt className="text-slate-500">Now</dt>
                <dd data-testid="schedule-now">
                  <NowLine turn={s.now} timeZone={s.timeZone} />
                </dd>
                <dt className="text-slate-500">Next</dt>
                <dd data-testid="schedule-next">
                  <NextLine turn={s.next} timeZone={s.timeZone} />
                </dd>
              </dl>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
