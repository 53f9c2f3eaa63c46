import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card } from "@/components/ui/card";
import { IncidentRef, SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { IncidentControls } from "@/components/incidents/incident-controls";
import { IncidentEditForm } from "@/components/incidents/incident-edit-form";
import { LiveTimeline } from "@/components/incidents/live-timeline";
import { PostmortemForm } from "@/components/incidents/postmortem-form";
import { RtoClock } from "@/components/incidents/rto-clock";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findEscalationState } from "@/lib/incidents/escalation";
import { PUBLISH_LABELS } from "@/lib/incidents/model";
import { findCommanders, findIncident, findLastPublicUpdate } from "@/lib/incidents/queries";
import { defaultReviewDue, needsReview } from "@/lib/incidents/resolve";
import { HandOver, MoveToVerifying } from "@/components/incidents/command-handover";
import { PagingHealthBanner } from "@/components/incidents/paging-health-banner";
import { PageNow } from "@/components/incidents/page-now";
import { findPageNowChoices } from "@/lib/incidents/page-now";
import { ResolveDialog } from "@/components/incidents/resolve-dialog";
import { findLatestTimeline } from "@/lib/incidents/timeline";
import { env } from "@/lib/env";
import { findIncidentRuns, findRunbookChoices } from "@/lib/recovery/queries";
import { RunPanel } from "@/components/recovery/run-panel";
import { IncidentRunbookChoice, type RunbookChoice } from "@/components/recovery/incident-runbook-choice";
import { formatUtc } from "@/lib/format";

export const dynamic = "force-dynamic";

const utc = (date: Date) => formatUtc(date, "second");

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await requirePage("incidents.read", `/incidents/${id}`);
  const incident = await findIncident(db, id.slice(0, 64));
  if (!incident) notFound();
  const offerPaging = can(user.role, "incidents.respond") && incident.status !== "resolved";
  const [timeline, escalation, commanders, runs, runbooks, lastPublicUpdate, pageChoices] = await Promise.all([
    findLatestTimeline(db, incident.id),
    findEscalationState(db, incident.id),
    findCommanders(db),
    findIncidentRuns(db, incident.id, user.role),
    findRunbookChoices(
      db,
      incident.services.map((s) => s.id),
    ),
    findLastPublicUpdate(db, incident.id),
    offerPaging ? findPageNowChoices(db) : null,
  ]);
  const allowed = { respond: can(user.role, "incidents.respond"), command: can(user.role, "incidents.command") };
  const recovery = { operate: can(user.role, "recovery.operate"), command: can(user.role, "recovery.command") };
  const leads = user.role === "admin" || incident.commander?.id === user.id;
  const open = incident.status !== "resolved";
  // A run succeeded and every affected service is verified healthy: offer the next step instead of leaving it.
  const allVerified =
    runs.some((run) => run.state === "succeeded") &&
    incident.services.length > 0 &&
    incident.services.every((s) => s.verifiedAt);
  const offerVerifying =
    allowed.command && allVerified && ["detected", "assessing", "recovering"].includes(incident.status);
  // A runbook already started for this incident shows as its run panel, not as a choice.
  const serviceNames = new Map(incident.services.map((s) => [s.id, s.name]));
  const notStarted = ({ runbook }: { runbook: { id: string } }) => !runs.some((run) => run.runbookId === runbook.id);
  const toChoice = ({ runbook, coverage }: (typeof runbooks.matching)[number]): RunbookChoice => ({
    id: runbook.id,
    name: runbook.name,
    systemName: runbook.system.name,
    covers: coverage.covered.map((id) => serviceNames.get(id) ?? id),
    steps: runbook.steps.map((step) => ({ title: step.title, kind: step.kind })),
  });
  const matching = runbooks.matching.filter(notStarted).map(toChoice);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/incidents" className="text-brand-700 hover:underline">
            Incidents
          </Link>{" "}
          / <IncidentRef number={incident.number} />
        </p>
        <h1 className="text-2xl font-semibold" data-testid="incident-title">
          {incident.title}
        </h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <SeverityBadge severity={incident.severity} />
          <span data-testid="incident-status">
            <StatusBadge status={incident.status} />
          </span>
          <span>
            {incident.system ? (
              <Link href={`/inventory/systems/${incident.system.id}`}>{incident.system.name}</Link>
            ) : (
              "No system"
            )}
          </span>
          <span data-testid="incident-commander">
            · Commander:{" "}
            {incident.commander ? incident.commander.name : <span className="text-amber-800">nobody yet</span>}
          </span>
          <span>· Declared {utc(incident.declaredAt)}</span>
          <span>
            ·{" "}
            {incident.statusPageLevel === "operational"
              ? "Not on the public status page"
              : `Status page: ${PUBLISH_LABELS[incident.statusPageLevel]}`}
          </span>
          {incident.source !== "manual" && (
            <span className="text-xs" title={incident.dedupKey ?? ""}>
              · opened by {incident.source === "alertmanager" ? "Alertmanager" : "events API"}
            </span>
          )}
        </div>
      </header>

      {open && <PagingHealthBanner db={db} incidentId={incident.id} />}
      {offerVerifying && <MoveToVerifying incident={{ id: incident.id, version: incident.version }} />}

      {/* A viewer has no action here: no empty box holding only the shortcut list. */}
      {(allowed.respond || allowed.command) && (
        <Card className="space-y-3 p-4" data-testid="incident-actions">
          <IncidentControls
            resolve={
              allowed.command && open ? (
                <ResolveDialog
                  incident={{
                    id: incident.id,
                    version: incident.version,
                    severity: incident.severity,
                    published: incident.statusPageLevel !== "operational",
                  }}
                  lastPublicUpdate={
                    lastPublicUpdate ??
                    "The problem is resolved and all services are working normally. Thank you for your patience."
                  }
                  stillFiring={incident.alerts.filter((a) => a.status === "firing").map((a) => a.summary)}
                  commanders={commanders}
                  defaultOwnerId={incident.commander?.id ?? null}
                  reviewRequired={needsReview(incident.severity)}
                  defaultDue={defaultReviewDue()}
                />
              ) : undefined
            }
            incident={{
              id: incident.id,
              version: incident.version,
              status: incident.status,
              acknowledged: Boolean(incident.acknowledgedAt),
            }}
            can={allowed}
          />
          {pageChoices && <PageNow incidentId={incident.id} choices={pageChoices} />}
          {allowed.command && leads && open && (
            <HandOver
              incident={{ id: incident.id, version: incident.version }}
              candidates={commanders.filter((c) => c.id !== incident.commander?.id)}
            />
          )}
        </Card>
      )}

      {/* Below lg the two columns dissolve (display: contents) into one column whose order is what a phone needs
          first: actions (recovery), affected services with their clocks, escalation, then the timeline. */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="max-lg:contents lg:col-span-2 lg:space-y-6">
          <Card className="space-y-4 p-4 max-lg:order-1" data-testid="recovery">
            <h2 className="font-semibold">Recovery</h2>
            {runs.map((run) => (
              <RunPanel key={run.id} run={run} can={recovery} commandsEnabled={env().RECOVERY_COMMANDS === "on"} />
            ))}
            {recovery.command && incident.status !== "resolved" && (
              <IncidentRunbookChoice
                incidentId={incident.id}
                matching={matching}
                others={runbooks.others.filter(notStarted).map(toChoice)}
                best={matching[0]?.id ?? null}
                affected={incident.services.map((s) => s.name)}
              />
            )}
            {runs.length === 0 && !recovery.command && (
              <p className="text-sm text-slate-500">No recovery started yet. Commanders start runbooks here.</p>
            )}
          </Card>
          <div className="min-w-0 max-lg:order-4">
            <LiveTimeline incidentId={incident.id} initial={timeline} />
          </div>
        </div>
        <aside className="max-lg:contents lg:space-y-4">
          <Card className="p-4 max-lg:order-3" data-testid="escalation">
            <h2 className="mb-2 font-semibold">Escalation</h2>
            {incident.acknowledgedAt ? (
              <p className="text-sm">
                <Badge tone="green">Acknowledged</Badge> by {incident.acknowledgedBy} at {utc(incident.acknowledgedAt)}
              </p>
            ) : escalation.planned === 0 ? (
              <p className="text-sm text-amber-700">No escalation policy applies: nobody is paged automatically.</p>
            ) : (
              <p className="text-sm">
                <Badge tone="red">Not acknowledged</Badge>{" "}
                {escalation.currentLevel ? `level ${escalation.currentLevel} paged` : "first level due"}
                {escalation.nextDueAt && ` · next page ${utc(escalation.nextDueAt)}`}
              </p>
            )}
            <p className="mt-1 text-xs text-slate-500">
              {escalation.sent} sent · {escalation.failed} failed · {escalation.cancelled} not needed
            </p>
          </Card>

          <Card className="p-4 max-lg:order-2">
            <h2 className="mb-2 font-semibold">Affected services</h2>
            {incident.services.length === 0 ? (
              <p className="text-sm text-slate-500">None named yet.</p>
            ) : (
              <ul className="space-y-3" data-testid="affected-services">
                {incident.services.map((service) => (
                  <li key={service.id}>
                    <Link
                      href={`/inventory/services/${service.id}`}
                      className="text-sm font-medium text-brand-700 hover:underline"
                    >
                      {service.name}
                    </Link>{" "}
                    <span className="text-xs text-slate-500">T{service.tier}</span>
                    <RtoClock
                      declaredAt={incident.declaredAt.toISOString()}
                      rtoMinutes={service.rtoMinutes}
                      verifiedAt={service.verifiedAt?.toISOString()}
                      resolvedAt={incident.resolvedAt?.toISOString()}
                    />
                    {service.dependents.length > 0 && (
                      <p className="text-xs text-slate-500">Needed by {service.dependents.join(", ")}</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>

          {incident.alerts.length > 0 && (
            <Card className="p-4 max-lg:order-5">
              <h2 className="mb-2 font-semibold">Alerts</h2>
              <ul className="space-y-1 text-sm" data-testid="alerts">
                {incident.alerts.map((alert) => (
                  <li key={alert.id}>
                    <Badge
                      tone={alert.status === "resolved" ? "green" : alert.status === "acknowledged" ? "blue" : "red"}
                    >
                      {alert.status}
                    </Badge>{" "}
                    {alert.summary}
                    <span className="block text-xs text-slate-500">
                      received {alert.receivedCount}× · last {utc(alert.lastSeenAt)}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          )}

          {allowed.command && (
            <Card className="p-4 max-lg:order-6">
              <h2 className="mb-2 font-semibold">Details</h2>
              <IncidentEditForm
                incident={{
                  id: incident.id,
                  version: incident.version,
                  severity: incident.severity,
                  statusPageLevel: incident.statusPageLevel,
                  commanderId: incident.commander?.id ?? null,
                  services: incident.services.map((s) => ({ id: s.id, name: s.name })),
                }}
                commanders={commanders}
              />
            </Card>
          )}
        </aside>
      </div>

      {incident.status === "resolved" && (
        <Card className="p-4">
          <h2 className="mb-2 font-semibold">Postmortem</h2>
          {allowed.command ? (
            <PostmortemForm incident={incident} />
          ) : (
            <p className="whitespace-pre-wrap text-sm">{incident.postmortem || "No postmortem notes yet."}</p>
          )}
        </Card>
      )}
    </div>
  );
}
