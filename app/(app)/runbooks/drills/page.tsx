import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requirePage } from "@/lib/auth/session";
import { findDrillCalendar, findDrillResults } from "@/lib/recovery/drills";
import { formatDuration } from "@/lib/recovery/format";
import { formatUtc } from "@/lib/format";

export const dynamic = "force-dynamic";

const day = (date: Date) => formatUtc(date, "day");
const month = (date: Date) => date.toLocaleString("en", { month: "long", year: "numeric", timeZone: "UTC" });

export default async function DrillsPage() {
  const { db } = await requirePage("recovery.read", "/runbooks/drills");
  const [calendar, results] = await Promise.all([findDrillCalendar(db), findDrillResults(db)]);
  const overdue = calendar.filter((d) => d.overdue);
  const upcoming = calendar.filter((d) => !d.overdue);
  const byMonth = new Map<string, typeof upcoming>();
  for (const drill of upcoming)
    byMonth.set(month(drill.nextDueAt), [...(byMonth.get(month(drill.nextDueAt)) ?? []), drill]);
  return (
    <>
      <PageHeader
        title="Drills"
        description="Scheduled drills per runbook, what is overdue, and the recovery times drills measured."
      />
      {calendar.length === 0 && (
        <EmptyState title="No drills scheduled">Schedule drills on the page of a runbook (e.g. quarterly).</EmptyState>
      )}
      {overdue.length > 0 && (
        <Card className="mb-6 border-red-300 p-4" data-testid="overdue-drills">
          <h2 className="mb-2 font-semibold text-red-700">Overdue ({overdue.length})</h2>
          <ul className="space-y-1 text-sm">
            {overdue.map((drill) => (
              <li key={drill.runbook.id}>
                <Link href={`/runbooks/${drill.runbook.id}`} className="font-medium text-brand-700 hover:underline">
                  {drill.runbook.name}
                </Link>{" "}
                · {drill.runbook.system.name} · due {day(drill.nextDueAt)} (every {drill.everyDays} d)
                {drill.lastRunAt ? ` · last ${day(drill.lastRunAt)}` : " · never drilled"}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {byMonth.size > 0 && (
        <div className="mb-6 grid gap-4 md:grid-cols-3" data-testid="drill-calendar">
          {[...byMonth.entries()].map(([label, drills]) => (
            <Card key={label} className="p-4">
              <h2 className="mb-2 font-semibold">{label}</h2>
              <ul className="space-y-1 text-sm">
                {drills.map((drill) => (
                  <li key={drill.runbook.id}>
                    <Badge tone="blue">{day(drill.nextDueAt).slice(8)}</Badge>{" "}
                    <Link href={`/runbooks/${drill.runbook.id}`} className="text-brand-700 hover:underline">
                      {drill.runbook.name}
                    </Link>{" "}
                    <span className="text-xs text-slate-500">{drill.runbook.system.name}</span>
                  </li>
                ))}
              </ul>
            </Card>
          ))}
        </div>
      )}
      <h2 className="mb-2 font-semibold">Measured in drills</h2>
      {results.length === 0 ? (
        <p className="text-sm text-slate-500">No drill has verified a service yet.</p>
      ) : (
        <DataTable columns={["Service", "System", "Measured", "Target", "When"]} testId="drill-results">
          {results.map((r) => (
            <tr key={r.id.toString()}>
              <td className="px-4 py-2">{r.service.name}</td>
              <td className="px-4 py-2">{r.service.system.name}</td>
              <td className="px-4 py-2 font-mono">{formatDuration(r.seconds)}</td>
              <td className="px-4 py-2">{r.service.rtoMinutes ? `${r.service.rtoMinutes} min` : "—"}</td>
              <td className="px-4 py-2 text-xs">
                <Link href={`/runbooks/runs/${r.runId}`} className="text-brand-700 hover:underline">
                  {r.verifiedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
