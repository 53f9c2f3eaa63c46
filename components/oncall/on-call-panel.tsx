// /command's compact "On call now": each schedule's person now (until when) and next, so a commander sees who
// answers without leaving the board. Hidden when there are no schedules.
import Link from "next/link";
import { formatLocal } from "@/lib/oncall/local-time";
import type { ScheduleSummary } from "@/lib/oncall/views";

/** How many schedules the panel lists (the page loads only these). */
export const ON_CALL_PANEL_SIZE = 8;

export function OnCallPanel({ schedules, total }: { schedules: ScheduleSummary[]; total: number }) {
  if (schedules.length === 0) return null;
  return (
    <section
      aria-label="On call now"
      data-testid="on-call-panel"
      className="mb-4 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-3">
        <h2 className="font-semibold">On call now</h2>
        <Link href="/people/schedules" className="inline-flex min-h-11 items-center text-brand-700 underline">
          All schedules
        </Link>
      </div>
      <ul className="divide-y divide-slate-100">
        {schedules.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-x-2 py-1">
            <Link
              href={`/people/schedules/${s.id}`}
              className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline"
            >
              {s.name}
            </Link>
            <span className="min-w-0 break-words">
              {s.now ? (
                <>
                  <strong>{s.now.name}</strong>
                  <span className="text-slate-500"> until {formatLocal(s.now.end, s.timeZone)}</span>
                </>
              ) : (
                <strong className="text-red-700">nobody</strong>
              )}
              {s.next && (
                <span className="text-slate-500">
                  {" "}
                  · next {s.next.name} {formatLocal(s.next.start, s.timeZone)}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
      {total > schedules.length && (
        <p className="text-xs text-slate-500">and {total - schedules.length} more schedules</p>
      )}
    </section>
  );
}
