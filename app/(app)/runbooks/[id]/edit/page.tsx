import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { RunbookEditor } from "@/components/recovery/runbook-editor";
import { stepToDraft } from "@/components/recovery/step-draft";
import { requirePage } from "@/lib/auth/session";
import { findServiceOptions, findSystemOptions } from "@/lib/inventory/queries";
import { env } from "@/lib/env";
import { redactStepConfig } from "@/lib/security/secrets";
import { findRunbook } from "@/lib/recovery/runbooks";

export const dynamic = "force-dynamic";

export default async function EditRunbookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db } = await requirePage("runbooks.edit", `/runbooks/${id}/edit`);
  const runbook = await findRunbook(db, id.slice(0, 64));
  if (!runbook) notFound();
  const [systems, services] = await Promise.all([
    findSystemOptions(db),
    findServiceOptions(db, { ids: runbook.steps.flatMap((s) => s.serviceIds) }),
  ]);
  const names = new Map(services.map((s) => [s.id, s.name]));
  return (
    <>
      <PageHeader
        title={`Edit ${runbook.name}`}
        description={`Version ${runbook.version}. Runs in progress keep the steps they started with.`}
      />
      <RunbookEditor
        systems={systems}
        commandsEnabled={env().RECOVERY_COMMANDS === "on"}
        initial={{
          id: runbook.id,
          version: runbook.version,
          systemId: runbook.systemId,
          name: runbook.name,
          scenario: runbook.scenario,
          symptoms: runbook.symptoms,
          detection: runbook.detection,
          estimatedMinutes: runbook.estimatedMinutes ? String(runbook.estimatedMinutes) : "",
          // Secrets stay on the server: the form gets placeholders, and saving a step unchanged keeps its stored values.
          steps: runbook.steps.map((s) =>
            stepToDraft({ ...s, config: redactStepConfig(s.config as Record<string, unknown>) }, names),
          ),
        }}
      />
    </>
  );
}
