"use client";
// Resolving on purpose: a native <dialog> that asks for a summary, the last public update (prefilled, posted
// to the status page), the review owner and date (required for SEV1/SEV2), and says what stays open.
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { resolveIncidentAction } from "@/app/(app)/incidents/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { fieldError, FormErrors } from "@/components/ui/form-errors";
import { Textarea } from "@/components/ui/textarea";

type Props = {
  incident: { id: string; version: number; severity: string; published: boolean };
  lastPublicUpdate: string;
  stillFiring: string[];
  commanders: { id: string; name: string; email: string }[];
  defaultOwnerId: string | null;
  reviewRequired: boolean;
  /** YYYY-MM-DD, worked out on the server. */
  defaultDue: string;
};

export function ResolveDialog({
  incident,
  lastPublicUpdate,
  stillFiring,
  commanders,
  defaultOwnerId,
  reviewRequired,
  defaultDue,
}: Props) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const resolve = useAction(resolveIncidentAction, {
    onSuccess: () => {
      dialog.current?.close();
      router.refresh();
    },
  });
  const error = (field: string) => fieldError(resolve.result, field);

  return (
    <>
      <Button variant="secondary" className="min-h-11" onClick={() => dialog.current?.showModal()}>
        Resolve…
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="resolve-title"
        className="m-auto w-full max-w-lg rounded-lg p-0 backdrop:bg-slate-900/50"
        data-testid="resolve-dialog"
      >
        <form
          className="space-y-4 p-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            resolve.execute({
              incidentId: incident.id,
              version: incident.version,
              summary: String(data.get("summary") ?? ""),
              publicUpdate: String(data.get("publicUpdate") ?? ""),
              reviewOwnerId: String(data.get("reviewOwnerId") ?? ""),
              reviewDueOn: String(data.get("reviewDueOn") ?? ""),
            });
          }}
        >
          <h2 id="resolve-title" className="text-lg font-semibold">
            Resolve this incident
          </h2>
          <Field
            label="Summary"
            htmlFor="resolve-summary"
            error={error("summary")}
            hint="What happened and what fixed it (internal)."
          >
            <Textarea id="resolve-summary" name="summary" rows={3} required />
          </Field>
          <Field
            label="Last public update"
            htmlFor="resolve-public"
            error={error("publicUpdate")}
            hint={
              incident.published
                ? "Posted to the public status page."
                : "The incident is not on the status page: kept internal."
            }
          >
            <Textarea id="resolve-public" name="publicUpdate" rows={2} defaultValue={lastPublicUpdate} required />
          </Field>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              label={`Review owner${reviewRequired ? "" : " (optional)"}`}
              htmlFor="resolve-owner"
              error={error("reviewOwnerId")}
            >
              <Select id="resolve-owner" name="reviewOwnerId" defaultValue={defaultOwnerId ?? ""}>
                <option value="">Nobody</option>
                {commanders.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.email})
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label={`Review due${reviewRequired ? "" : " (optional)"}`}
              htmlFor="resolve-due"
              error={error("reviewDueOn")}
            >
              <Input id="resolve-due" name="reviewDueOn" type="date" defaultValue={reviewRequired ? defaultDue : ""} />
            </Field>
          </div>
          <div data-testid="stays-open" className="text-sm">
            {stillFiring.length === 0 ? (
              <p className="text-slate-600">No alerts of this incident are still firing at the source.</p>
            ) : (
              <>
                <p className="font-medium text-red-700">Still open after resolving — firing at the source:</p>
                <ul className="list-disc pl-5">
                  {stillFiring.map((summary, i) => (
                    <li key={i}>{summary}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <FormErrors result={resolve.result} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" className="min-h-11" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" className="min-h-11" disabled={resolve.isExecuting}>
              {resolve.isExecuting ? "Resolving…" : "Resolve incident"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
