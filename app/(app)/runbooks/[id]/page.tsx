import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { DrillScheduleForm } from "@/components/recovery/drill-schedule-form";
import { StartRecovery } from "@/components/recovery/start-recovery";
import { StateBadge } from "@/components/recovery/state-badge";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findRunbook } from "@/lib/recovery/runbooks";
import { STEP_KIND_LABELS } from "@/lib/recovery/steps";
import { formatUtc } from "@/lib/format";
import { redactUrl } from "@/lib/security/secrets";

export const dynamic = "force-dynamic";

const utc = (date: Date) => formatUtc(date);

/** What a step does, in one line (every role reads it: URLs without their secrets). */
function describe(kind: string, config: Record<string, unknown>, timeoutSeconds: number) {
  switch (kind) {
    case "http":
      return `${config.method ?? "POST"} ${redactUrl(String(config.url))} · expects ${(config.expectStatus as number[] | undefined)?.join("/") ?? "2xx"} · timeout ${timeoutSeconds} s`;
    case "healthcheck":
      return `poll ${redactUrl(String(config.url))} every ${config.intervalSeconds ?? 2} s until healthy · timeout ${timeoutSeconds} s`;
    case "wait":
      return `wait ${config.seconds} s`;
    case "command":
      return `$ ${config.command}`;
    default:
      return String(config.instructions ?? "");
  }
}

export default async function RunbookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await requirePage("recovery.read", `/runbooks/${id}`);
  const runbook = await findRunbook(db, id.slice(0, 64));
  if (!runbook) notFound();
  const canEdit = can(user.role, "runbooks.edit");
  return (
    <>
      <PageHeader
        title={runbook.name}
        description={`${runbook.system.name} · version ${runbook.version}${runbook.estimatedMinutes ? ` · about ${runbook.estimatedMinutes} min` : ""}`}
        actions={
          canEdit && (
            <LinkButton href={`/runbooks/${runbook.id}/edit`} variant="secondary">
              Edit
            </LinkButton>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          {(runbook.scenario || runbook.symptoms || runbook.detection) && (
            <Card className="space-y-2 p-4 text-sm">
              {runbook.scenario && (
                <p>
                  <span className="font-medium">Scenario:</span> {runbook.scenario}
                </p>
              )}
              {runbook.symptoms && (
                <p className="whitespace-pre-wrap">
                  <span className="font-medium">Symptoms:</span> {runbook.symptoms}
                </p>
              )}
              {runbook.detection && (
                <p className="whitespace-pre-wrap">
                  <span className="font-medium">Detection:</span> {runbook.detection}
                </p>
              )}
            </Card>
          )}
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">Steps</h2>
            <ol className="space-y-2" data-testid="runbook-steps">
              {runbook.steps.map((step) => (
                <li key={step.id} className="rounded border border-slate-200 p-2 text-sm">
                  <p>
                    <span className="font-mono text-xs text-slate-500">
                      {step.position}
                      {step.group ? ` ∥${step.group}` : ""}
                    </span>{" "}
                    <span className="font-medium">{step.title}</span>{" "}
                    <span className="text-xs text-slate-500">
                      {STEP_KIND_LABELS[step.kind]}
                      {step.retries ? ` · ${step.retries} retr${step.retries === 1 ? "y" : "ies"}` : ""}
                      {step.safeToRepeat ? " · safe to repeat" : ""}
                    </span>
                  </p>
                  <p className="break-all font-mono text-xs text-slate-600">
                    {describe(step.kind, step.config as Record<string, unknown>, step.timeoutSeconds)}
                  </p>
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <aside className="space-y-4">
          <Card className="space-y-3 p-4">
            <h2 className="font-semibold">Drills</h2>
            {runbook.drill ? (
              <p className="text-sm">
                Every {runbook.drill.everyDays} days · next {utc(runbook.drill.nextDueAt)}
                {runbook.drill.lastRunAt && ` · last ${utc(runbook.drill.lastRunAt)}`}
              </p>
            ) : (
              <p className="text-sm text-slate-500">Not scheduled.</p>
            )}
            {canEdit && <DrillScheduleForm runbookId={runbook.id} everyDays={runbook.drill?.everyDays ?? null} />}
            {can(user.role, "recovery.command") && (
              <StartRecovery
                choices={[
                  { id: runbook.id, name: runbook.name, systemName: runbook.system.name, steps: runbook.steps.length },
                ]}
                label="Start a drill now"
              />
            )}
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">Runs</h2>
            {runbook.runs.length === 0 ? (
              <p className="text-sm text-slate-500">Never run.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {runbook.runs.map((run) => (
                  <li key={run.id}>
                    <Link href={`/runbooks/runs/${run.id}`} className="text-brand-700 hover:underline">
                      {utc(run.startedAt)}
                    </Link>{" "}
                    {run.drill ? "drill" : run.incident ? `INC-${run.incident.number}` : "recovery"} · v
                    {run.runbookVersion} <StateBadge state={run.state} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </aside>
      </div>
    </>
  );
}
