import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { LinkButton } from "@/components/ui/link-button";
import { StateBadge } from "@/components/recovery/state-badge";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findRunbooks } from "@/lib/recovery/runbooks";
import { formatUtc } from "@/lib/format";

export const dynamic = "force-dynamic";

const day = (date: Date) => formatUtc(date, "day");

export default async function RunbooksPage() {
  const { user, db } = await requirePage("recovery.read", "/runbooks");
  const runbooks = await findRunbooks(db);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Runbooks"
        description="What to do, step by step, for each scenario of each system. Started from an incident, or as a drill."
        actions={
          <div className="flex items-center gap-3">
            {/* A file to keep offline, for the day Lifeboat itself is down. */}
            {can(user.role, "breakglass.read") && (
              <a
                href="/api/breakglass"
                download
                className="text-sm font-medium text-brand-700 hover:underline"
                data-testid="breakglass-download"
              >
                Break-glass pack
              </a>
            )}
            {can(user.role, "runbooks.edit") && <LinkButton href="/runbooks/new">New runbook</LinkButton>}
          </div>
        }
      />
      {runbooks.length === 0 ? (
        <EmptyState title="No runbooks yet">
          Write the first one: the steps your team takes when a system goes down.
        </EmptyState>
      ) : (
        <DataTable columns={["Runbook", "System", "Steps", "Estimated", "Drills", "Last run"]} testId="runbook-list">
          {runbooks.map((runbook) => (
            <tr key={runbook.id}>
              <td className="px-4 py-2">
                <Link href={`/runbooks/${runbook.id}`} className="font-medium text-brand-700 hover:underline">
                  {runbook.name}
                </Link>
                {runbook.scenario && <p className="text-xs text-slate-500">{runbook.scenario}</p>}
              </td>
              <td className="px-4 py-2">{runbook.system.name}</td>
              <td className="px-4 py-2 tabular-nums">{runbook._count.steps}</td>
              <td className="px-4 py-2">{runbook.estimatedMinutes ? `${runbook.estimatedMinutes} min` : "—"}</td>
              <td className="px-4 py-2 text-xs">
                {runbook.drill ? (
                  <span className={runbook.drill.nextDueAt < now ? "font-medium text-red-700" : ""}>
                    every {runbook.drill.everyDays} d · next {day(runbook.drill.nextDueAt)}
                    {runbook.drill.nextDueAt < now && " (overdue)"}
                  </span>
                ) : (
                  <span className="text-slate-400">not scheduled</span>
                )}
              </td>
              <td className="px-4 py-2 text-xs">
                {runbook.runs[0] ? (
                  <Link href={`/runbooks/runs/${runbook.runs[0].id}`} className="inline-flex items-center gap-1">
                    {day(runbook.runs[0].startedAt)} {runbook.runs[0].drill ? "drill" : "recovery"}{" "}
                    <StateBadge state={runbook.runs[0].state} />
                  </Link>
                ) : (
                  "never"
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
