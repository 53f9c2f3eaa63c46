"use client";
// The incident's runbook choice: the runbooks that cover its affected services first (best one preselected),
// the rest behind "Other runbooks…", the chosen one's steps shown before Start, and a confirmation before a
// runbook that covers none of the affected services (the server refuses it without that confirmation too).
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { startRecoveryAction } from "@/app/(app)/runbooks/actions";
import { Button } from "@/components/ui/button";
import { fieldError, FormErrors } from "@/components/ui/form-errors";

export type RunbookChoice = {
  id: string;
  name: string;
  systemName: string;
  /** Names of the affected services it covers (empty: it covers none). */
  covers: string[];
  steps: { title: string; kind: string }[];
};

function Option({ choice, checked, onPick }: { choice: RunbookChoice; checked: boolean; onPick: () => void }) {
  return (
    <label className="flex min-h-11 cursor-pointer items-center gap-2 rounded px-2 text-sm hover:bg-slate-50">
      <input type="radio" name="runbookId" value={choice.id} checked={checked} onChange={onPick} className="size-5" />
      <span>
        <span className="font-medium">{choice.name}</span>{" "}
        <span className="text-slate-600">
          — {choice.systemName}
          {choice.covers.length > 0 ? ` · covers ${choice.covers.join(", ")}` : " · covers no affected service"}
        </span>
      </span>
    </label>
  );
}

export function IncidentRunbookChoice({
  incidentId,
  matching,
  others,
  best,
  affected,
}: {
  incidentId: string;
  matching: RunbookChoice[];
  others: RunbookChoice[];
  best: string | null;
  affected: string[];
}) {
  const router = useRouter();
  const [picked, setPicked] = useState<string | null>(best);
  const [confirming, setConfirming] = useState(false);
  const start = useAction(startRecoveryAction, {
    onSuccess: () => {
      setConfirming(false);
      router.refresh();
    },
    // A stale page can offer a choice the server now finds uncovered: ask here as well.
    onError: ({ error }) => {
      if (fieldError({ validationErrors: error.validationErrors }, "confirmUncovered")) setConfirming(true);
    },
  });
  const all = [...matching, ...others];
  if (all.length === 0) return <p className="text-sm text-slate-500">No runbooks yet: write one under Runbooks.</p>;
  const chosen = all.find((c) => c.id === picked) ?? null;
  const uncovered = chosen !== null && chosen.covers.length === 0;
  const run = (confirmUncovered: boolean) =>
    chosen && start.execute({ runbookId: chosen.id, incidentId, confirmUncovered });
  const pick = (id: string) => {
    setPicked(id);
    setConfirming(false);
  };

  return (
    <form
      className="space-y-3"
      data-testid="runbook-choice"
      onSubmit={(event) => {
        event.preventDefault();
        if (uncovered) setConfirming(true);
        else run(false);
      }}
    >
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Runbook</legend>
        {matching.length === 0 ? (
          <p className="text-sm text-amber-800" data-testid="no-matching-runbook">
            No runbook covers {affected.length ? affected.join(", ") : "this incident (no affected services named)"}.
            Choose one below only if you are sure.
          </p>
        ) : (
          matching.map((c) => <Option key={c.id} choice={c} checked={picked === c.id} onPick={() => pick(c.id)} />)
        )}
        {others.length > 0 && (
          <details open={matching.length === 0 || others.some((o) => o.id === picked)}>
            <summary className="flex min-h-11 cursor-pointer items-center text-sm text-slate-700">
              Other runbooks… ({others.length})
            </summary>
            {others.map((c) => (
              <Option key={c.id} choice={c} checked={picked === c.id} onPick={() => pick(c.id)} />
            ))}
          </details>
        )}
      </fieldset>
      {chosen && (
        <div data-testid="runbook-steps">
          <p className="text-sm font-medium">Steps of {chosen.name}</p>
          <ol className="list-decimal space-y-0.5 pl-6 text-sm text-slate-700">
            {chosen.steps.map((s, i) => (
              <li key={i}>
                {s.title} <span className="text-slate-600">({s.kind})</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      {confirming && chosen ? (
        <div
          role="alertdialog"
          aria-labelledby="uncovered-question"
          className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3"
        >
          <p id="uncovered-question" className="text-sm text-amber-900">
            {chosen.name} covers none of the affected services
            {affected.length ? ` (${affected.join(", ")})` : ""}. Start it anyway?
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              variant="danger"
              className="min-h-11"
              disabled={start.isExecuting}
              onClick={() => run(true)}
            >
              Start anyway
            </Button>
            <Button type="button" variant="secondary" className="min-h-11" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button type="submit" className="min-h-11" disabled={!chosen || start.isExecuting}>
          {start.isExecuting ? "Starting…" : chosen ? `Start ${chosen.name}` : "Choose a runbook to start"}
        </Button>
      )}
      <FormErrors result={start.result} />
    </form>
  );
}
