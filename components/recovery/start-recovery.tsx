"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { startRecoveryAction } from "@/app/(app)/runbooks/actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { FormErrors } from "@/components/ui/form-errors";

type Choice = { id: string; name: string; systemName: string; steps: number };

/** Picks a runbook and starts it for this incident (or as a drill). Double clicks start one run. */
export function StartRecovery({
  incidentId,
  choices,
  label = "Start recovery",
}: {
  incidentId?: string;
  choices: Choice[];
  label?: string;
}) {
  const router = useRouter();
  const start = useAction(startRecoveryAction, {
    onSuccess: ({ data }) => (incidentId ? router.refresh() : data && router.push(`/runbooks/runs/${data.id}`)),
  });
  if (choices.length === 0) return <p className="text-sm text-slate-500">No runbooks yet: write one under Runbooks.</p>;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        start.execute({ runbookId: String(new FormData(event.currentTarget).get("runbookId")), incidentId });
      }}
    >
      <Select name="runbookId" aria-label="Runbook" className="w-auto" defaultValue={choices[0]!.id}>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} — {c.systemName} ({c.steps} steps)
          </option>
        ))}
      </Select>
      <Button type="submit" disabled={start.isExecuting}>
        {start.isExecuting ? "Starting…" : label}
      </Button>
      <FormErrors result={start.result} />
    </form>
  );
}
