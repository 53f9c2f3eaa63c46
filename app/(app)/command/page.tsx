import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { CommandBoard } from "@/components/incidents/command-board";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findDashboard } from "@/lib/incidents/dashboard";
import { incidentRef, SEVERITIES } from "@/lib/incidents/model";

export const dynamic = "force-dynamic";

export default async function CommandPage() {
  const { user, db } = await requirePage("incidents.read", "/command");
  const { incidents, alerts, activity } = await findDashboard(db);
  const canDeclare = can(user.role, "incidents.respond");
  return (
    <>
      <PageHeader
        title="Command"
        description="Open incidents, most severe first, with live RTO clocks and escalation."
        actions={canDeclare && <LinkButton href="/incidents/new">Declare incident</LinkButton>}
      />
      <div className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="severity-counts">
        {SEVERITIES.map((severity) => {
          const count = incidents.filter((i) => i.severity === severity).length;
          return (
            <Card key={severity} className="p-3">
              <p className="text-xs text-slate-500">{severity}</p>
              <p className={`text-2xl font-semibold ${count && severity === "SEV1" ? "text-red-700" : ""}`}>{count}</p>
            </Card>
          );
        })}
      </div>
      <CommandBoard incidents={incidents} activity={activity} canDeclare={canDeclare} />
      {alerts.length > 0 && (
        <Card className="mt-6 p-4">
          <h2 className="mb-2 font-semibold">Last alerts</h2>
          <ul className="space-y-1 text-sm" data-testid="last-alerts">
            {alerts.map((alert) => (
              <li key={alert.id}>
                <Badge tone={alert.status === "resolved" ? "green" : "red"}>{alert.status}</Badge>{" "}
                <Link href={`/incidents/${alert.incident.id}`} className="text-brand-700 hover:underline">
                  {incidentRef(alert.incident.number)}
                </Link>{" "}
                {alert.summary}{" "}
                <span className="text-xs text-slate-500">
                  ×{alert.receivedCount} · {alert.lastSeenAt.toISOString().slice(11, 19)} UTC
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
