import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { RunbookEditor } from "@/components/recovery/runbook-editor";
import { stepToDraft } from "@/components/recovery/step-draft";
import { requirePagePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { redactStepConfig } from "@/lib/security/secrets";
import { findRunbook } from "@/lib/recovery/runbooks";

export const dynamic = "force-dynamic";

export default async function EditRunbookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePagePermission("runbooks.edit", `/runbooks/${id}/edit`);
  const db = getDb();
  const runbook = await findRunbook(db, id.slice(0, 64));
  if (!runbook) notFound();
  const [systems, services] = await Promise.all([
    db.system.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.service.findMany({ where: { id: { in: runbook.steps.flatMap((s) => s.serviceIds) } }, select: { id: true, name: true } }),
  ]);
  const names = new Map(services.map((s) => [s.id, s.name]));
  return (
    <>
      <PageHeader title={`Edit ${runbook.name}`} description={`Version ${runbook.version}. Runs in progress keep the steps they started with.`} />
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
          steps: runbook.steps.map((s) => stepToDraft({ ...s, config: redactStepConfig(s.config as Record<string, unknown>) }, names)),
        }}
      />
    </>
  );
}
