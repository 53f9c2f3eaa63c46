"use client";
// Writes a runbook: details, then ordered steps (reorder, remove, add), each with its kind's settings.
// Saved whole against the version opened; runs in progress keep the steps they started with.
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createRunbookAction, updateRunbookAction } from "@/app/(app)/runbooks/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { SystemSelect } from "@/components/inventory/system-select";
import { fieldError, FormErrors, nestedErrors } from "@/components/ui/form-errors";
import { Textarea } from "@/components/ui/textarea";
import { STEP_KIND_LABELS, STEP_KINDS } from "@/lib/recovery/steps";
import { StepFields, type StepDraft } from "./step-fields";
import { draftToStep, newStep } from "./step-draft";

export type RunbookDraft = {
  id?: string;
  version?: number;
  systemId: string;
  name: string;
  scenario: string;
  symptoms: string;
  detection: string;
  estimatedMinutes: string;
  steps: StepDraft[];
};

export function RunbookEditor({
  initial,
  systems,
  commandsEnabled,
}: {
  initial: RunbookDraft;
  systems: { id: string; name: string }[];
  commandsEnabled: boolean;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [localError, setLocalError] = useState<string | null>(null);
  const done = ({ data }: { data?: { id: string } }) => data && router.push(`/runbooks/${data.id}`);
  const create = useAction(createRunbookAction, { onSuccess: done });
  const update = useAction(updateRunbookAction, { onSuccess: done });
  const { result, isExecuting } = draft.id ? update : create;
  const stepIssues = nestedErrors(result, "steps", (i) => `Step ${i + 1}`);

  const set = (patch: Partial<RunbookDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setStep = (index: number, patch: Partial<StepDraft>) =>
    set({ steps: draft.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  const move = (index: number, by: number) => {
    const steps = [...draft.steps];
    const [step] = steps.splice(index, 1);
    steps.splice(index + by, 0, step!);
    set({ steps });
  };

  function save(event: React.FormEvent) {
    event.preventDefault();
    setLocalError(null);
    const steps = draft.steps.map(draftToStep);
    const broken = steps.findIndex((s) => "error" in s);
    if (broken >= 0) return setLocalError(`Step ${broken + 1}: ${(steps[broken] as { error: string }).error}`);
    const fields = {
      systemId: draft.systemId,
      name: draft.name,
      scenario: draft.scenario,
      symptoms: draft.symptoms,
      detection: draft.detection,
      estimatedMinutes: draft.estimatedMinutes.trim() ? Number(draft.estimatedMinutes) : null,
      steps: steps as Exclude<(typeof steps)[number], { error: string }>[],
    };
    if (draft.id) update.execute({ ...fields, id: draft.id, version: draft.version! });
    else create.execute(fields);
  }

  return (
    <form onSubmit={save} className="space-y-4" noValidate>
      <Card className="grid gap-4 p-6 sm:grid-cols-2">
        <Field label="Name" htmlFor="name" error={fieldError(result, "name")}>
          <Input
            id="name"
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            placeholder="Database primary lost"
          />
        </Field>
        <Field label="System" htmlFor="systemId" error={fieldError(result, "systemId")}>
          <SystemSelect
            id="systemId"
            value={draft.systemId}
            onChange={(e) => set({ systemId: e.target.value })}
            systems={systems}
            empty="Choose…"
          />
        </Field>
        <Field label="Scenario" htmlFor="scenario" error={fieldError(result, "scenario")}>
          <Input id="scenario" value={draft.scenario} onChange={(e) => set({ scenario: e.target.value })} />
        </Field>
        <Field
          label="Estimated time (minutes)"
          htmlFor="estimatedMinutes"
          error={fieldError(result, "estimatedMinutes")}
        >
          <Input
            id="estimatedMinutes"
            inputMode="numeric"
            value={draft.estimatedMinutes}
            onChange={(e) => set({ estimatedMinutes: e.target.value })}
          />
        </Field>
        <Field label="Symptoms" htmlFor="symptoms" error={fieldError(result, "symptoms")}>
          <Textarea id="symptoms" rows={2} value={draft.symptoms} onChange={(e) => set({ symptoms: e.target.value })} />
        </Field>
        <Field label="Detection" htmlFor="detection" error={fieldError(result, "detection")}>
          <Textarea
            id="detection"
            rows={2}
            value={draft.detection}
            onChange={(e) => set({ detection: e.target.value })}
          />
        </Field>
      </Card>

      <h2 className="font-semibold">Steps</h2>
      <ol className="space-y-3">
        {draft.steps.map((step, index) => (
          <li key={step.key}>
            <Card className="space-y-3 p-4" data-testid="step-editor">
              <div className="grid gap-2 sm:grid-cols-12">
                <span className="font-mono text-sm text-slate-500 sm:col-span-1">{index + 1}</span>
                <div className="sm:col-span-5">
                  <Field label="Title" htmlFor={`step-${index}-title`}>
                    <Input
                      id={`step-${index}-title`}
                      value={step.title}
                      onChange={(e) => setStep(index, { title: e.target.value })}
                    />
                  </Field>
                </div>
                <div className="sm:col-span-2">
                  <Field label="Kind" htmlFor={`step-${index}-kind`}>
                    <Select
                      id={`step-${index}-kind`}
                      value={step.kind}
                      onChange={(e) => setStep(index, { kind: e.target.value as StepDraft["kind"] })}
                    >
                      {STEP_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {STEP_KIND_LABELS[k]}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </div>
                <div className="sm:col-span-1">
                  <Field label="Timeout s" htmlFor={`step-${index}-timeout`}>
                    <Input
                      id={`step-${index}-timeout`}
                      inputMode="numeric"
                      value={step.timeoutSeconds}
                      onChange={(e) => setStep(index, { timeoutSeconds: e.target.value })}
                    />
                  </Field>
                </div>
                <div className="sm:col-span-1">
                  <Field label="Retries" htmlFor={`step-${index}-retries`}>
                    <Input
                      id={`step-${index}-retries`}
                      inputMode="numeric"
                      value={step.retries}
                      onChange={(e) => setStep(index, { retries: e.target.value })}
                    />
                  </Field>
                </div>
                <div className="sm:col-span-2">
                  <Field label="Parallel group" htmlFor={`step-${index}-group`}>
                    <Input
                      id={`step-${index}-group`}
                      inputMode="numeric"
                      value={step.group}
                      placeholder="—"
                      onChange={(e) => setStep(index, { group: e.target.value })}
                    />
                  </Field>
                </div>
              </div>
              <StepFields
                step={step}
                index={index}
                onChange={(patch) => setStep(index, patch)}
                commandsEnabled={commandsEnabled}
              />
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <label className="flex items-center gap-1.5">
                  <input
                    type="checkbox"
                    checked={step.safeToRepeat}
                    onChange={(e) => setStep(index, { safeToRepeat: e.target.checked })}
                  />{" "}
                  Safe to repeat after a crash
                </label>
                <span className="ml-auto flex gap-1">
                  <Button
                    type="button"
                    variant="ghost"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={`Move step ${index + 1} up`}
                  >
                    ↑
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    disabled={index === draft.steps.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={`Move step ${index + 1} down`}
                  >
                    ↓
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    className="text-red-700"
                    onClick={() => set({ steps: draft.steps.filter((_, i) => i !== index) })}
                  >
                    Remove
                  </Button>
                </span>
              </div>
            </Card>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => set({ steps: [...draft.steps, newStep()] })}>
          Add step
        </Button>
      </div>
      {(localError || stepIssues.length > 0) && (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="step-errors">
          {localError && <p>{localError}</p>}
          {stepIssues.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      <FormErrors result={result} />
      <Button type="submit" disabled={isExecuting}>
        {isExecuting ? "Saving…" : "Save runbook"}
      </Button>
    </form>
  );
}
