import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { AutoRefresh } from "@/components/recovery/auto-refresh";
import { RunPanel } from "@/components/recovery/run-panel";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { findRun } from "@/lib/recovery/queries";

export const dynamic = "force-dynamic";

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await requirePage("recovery.read", `/runbooks/runs/${id}`);
  const run = await findRun(db, id.slice(0, 64), user.role);
  if (!run) notFound();
  const active = ["running", "waiting", "paused"].includes(run.state);
  return (
    <>
      <PageHeader
        title={`${run.drill ? "Drill" : "Recovery"}: ${run.runbookName}`}
        description={
          run.incident
            ? `For INC-${run.incident.number} ${run.incident.title}`
            : "A drill: the same engine, no incident. Measured times count as drill results."
        }
      />
      {run.incident && (
        <p className="mb-4 text-sm">
          <Link href={`/incidents/${run.incident.id}`} className="text-brand-700 hover:underline">
            Open the incident and its live timeline
          </Link>
        </p>
      )}
      <Card className="p-4">
        <RunPanel
          run={run}
          can={{ operate: can(user.role, "recovery.operate"), command: can(user.role, "recovery.command") }}
          commandsEnabled={env().RECOVERY_COMMANDS === "on"}
        />
      </Card>
      <AutoRefresh active={active} />
    </>
  );
}
