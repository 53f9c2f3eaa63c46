import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { LinkButton } from "@/components/ui/link-button";
import { IncidentRef, SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findIncidents } from "@/lib/incidents/queries";
import { STATUS_LABELS, STATUSES } from "@/lib/incidents/model";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";

export const dynamic = "force-dynamic";

const FILTERS = [["open", "Open"], ["", "All"], ...STATUSES.map((s) => [s, STATUS_LABELS[s]])] as const;

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { user, db } = await requirePage("incidents.read", "/incidents");
  const { status: raw = "open" } = await searchParams;
  const status =
    raw === "open" || (STATUSES as readonly string[]).includes(raw) ? (raw as IncidentStatus | "open") : undefined;
  const incidents = await findIncidents(db, { status, limit: 200 });
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Every incident, declared by hand or opened by an alert, newest first."
        actions={can(user.role, "incidents.respond") && <LinkButton href="/incidents/new">Declare incident</LinkButton>}
      />
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-1 text-sm">
        {FILTERS.map(([value, label]) => (
          <Link
            key={value || "all"}
            href={value ? `/incidents?status=${value}` : "/incidents?status=all"}
            aria-current={(status ?? "all") === (value || "all") ? "page" : undefined}
            className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
          >
            {label}
          </Link>
        ))}
      </nav>
      {incidents.length === 0 ? (
        <EmptyState title="No incidents here">Nothing matches this filter.</EmptyState>
      ) : (
        <DataTable
          columns={["Incident", "Severity", "Status", "System", "Source", "Declared", "Acknowledged"]}
          testId="incident-list"
        >
          {incidents.map((incident) => (
            <tr key={incident.id}>
              <td className="px-4 py-2">
                <IncidentRef number={incident.number} />{" "}
                <Link href={`/incidents/${incident.id}`} className="font-medium text-brand-700 hover:underline">
                  {incident.title}
                </Link>
              </td>
              <td className="px-4 py-2">
                <SeverityBadge severity={incident.severity} />
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={incident.status} />
              </td>
              <td className="px-4 py-2">{incident.system?.name ?? "—"}</td>
              <td className="px-4 py-2 text-xs text-slate-600">
                {incident.source === "manual"
                  ? "declared"
                  : incident.source === "events_api"
                    ? "events API"
                    : "Alertmanager"}
              </td>
              <td className="px-4 py-2 text-xs tabular-nums">
                {incident.declaredAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </td>
              <td className="px-4 py-2 text-xs">
                {incident.acknowledgedBy ?? <span className="text-red-600">not yet</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
