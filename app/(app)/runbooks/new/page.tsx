import { PageHeader } from "@/components/ui/card";
import { RunbookEditor } from "@/components/recovery/runbook-editor";
import { newStep } from "@/components/recovery/step-draft";
import { requirePage } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { findSystemOptions } from "@/lib/inventory/queries";

export const dynamic = "force-dynamic";

export default async function NewRunbookPage({ searchParams }: { searchParams: Promise<{ system?: string }> }) {
  const { db } = await requirePage("runbooks.edit", "/runbooks/new");
  const systems = await findSystemOptions(db);
  const { system = "" } = await searchParams;
  return (
    <>
      <PageHeader
        title="New runbook"
        description="The steps your team takes in one scenario, in order. Steps with the same parallel group run together."
      />
      <RunbookEditor
        systems={systems}
        commandsEnabled={env().RECOVERY_COMMANDS === "on"}
        initial={{
          systemId: systems.some((s) => s.id === system) ? system : "",
          name: "",
          scenario: "",
          symptoms: "",
          detection: "",
          estimatedMinutes: "",
          steps: [newStep("manual")],
        }}
      />
    </>
  );
}
