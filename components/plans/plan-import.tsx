"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { applyPlanImportAction, previewPlanImportAction } from "@/app/(app)/plans/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { FormErrors, fieldError } from "@/components/ui/form-errors";
import { Textarea } from "@/components/ui/textarea";
import type { ImportReport } from "@/lib/plans/document";
import { PlanReport } from "./plan-report";

/** Paste or upload a plan, preview what it would do, then apply exactly that. */
export function PlanImport() {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | undefined>();
  const [systemName, setSystemName] = useState("");
  const [report, setReport] = useState<ImportReport | null>(null);
  const [applied, setApplied] = useState<ImportReport | null>(null);
  const preview = useAction(previewPlanImportAction, {
    onSuccess: ({ data }) => {
      setReport(data ?? null);
      setApplied(null);
    },
  });
  const apply = useAction(applyPlanImportAction, { onSuccess: ({ data }) => setApplied(data ?? null) });
  const request = { text, fileName, systemName: systemName.trim() || undefined };
  const canApply =
    report?.outcome && !report.outcome.problems.length && !report.reading.problems.length && !applied?.outcome?.applied;

  const changed = () => {
    setReport(null);
    setApplied(null);
  };

  return (
    <div className="space-y-4">
      <Card className="space-y-3 p-4">
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            preview.execute(request);
          }}
        >
          <Field
            label="The plan: Markdown DR plan or Lifeboat YAML"
            htmlFor="plan-text"
            error={fieldError(preview.result, "text")}
            hint="Paste it here, or choose a file. At most 2 MB."
          >
            <Textarea
              id="plan-text"
              rows={12}
              className="font-mono text-xs"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setFileName(undefined);
                changed();
              }}
            />
          </Field>
          <div className="flex flex-wrap items-end gap-4">
            <Field label="…or upload a file" htmlFor="plan-file">
              <input
                id="plan-file"
                type="file"
                accept=".md,.markdown,.yaml,.yml,.json,text/markdown,application/yaml,text/plain"
                className="text-sm"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  setText(await file.text());
                  setFileName(file.name);
                  changed();
                }}
              />
            </Field>
            <Field label="System name (when the document does not say)" htmlFor="plan-system">
              <Input
                id="plan-system"
                value={systemName}
                onChange={(e) => {
                  setSystemName(e.target.value);
                  changed();
                }}
                className="w-72"
              />
            </Field>
            <Button type="submit" disabled={!text.trim() || preview.isExecuting}>
              {preview.isExecuting ? "Reading…" : "Preview import"}
            </Button>
          </div>
          <FormErrors result={preview.result} />
        </form>
      </Card>

      {report && (
        <PlanReport report={applied ?? report}>
          {applied?.outcome?.applied ? (
            <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800">
              Applied: {applied.outcome.counts.create} created, {applied.outcome.counts.update} updated. See the{" "}
              <a className="underline" href="/inventory">
                inventory
              </a>
              .
            </p>
          ) : (
            <div className="flex flex-wrap items-center gap-3">
              <Button
                type="button"
                disabled={!canApply || apply.isExecuting}
                onClick={() => report.outcome && apply.execute({ ...request, fingerprint: report.outcome.fingerprint })}
              >
                {apply.isExecuting ? "Applying…" : "Apply this import"}
              </Button>
              {!canApply && (
                <span className="text-sm text-red-700">
                  Fix the problems above first: nothing can be applied while there are any.
                </span>
              )}
              <FormErrors result={apply.result} />
            </div>
          )}
        </PlanReport>
      )}
    </div>
  );
}
