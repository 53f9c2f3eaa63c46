"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { savePostmortemAction } from "@/app/(app)/incidents/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, FormErrors } from "@/components/ui/form-errors";
import { Textarea } from "@/components/ui/textarea";

export function PostmortemForm({ incident }: { incident: { id: string; version: number; postmortem: string } }) {
  const router = useRouter();
  const save = useAction(savePostmortemAction, { onSuccess: () => router.refresh() });
  return (
    <form
      key={incident.version}
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        save.execute({
          incidentId: incident.id,
          version: incident.version,
          text: String(new FormData(event.currentTarget).get("postmortem") ?? ""),
        });
      }}
    >
      <Field
        label="Postmortem notes"
        htmlFor="postmortem"
        error={fieldError(save.result, "text")}
        hint="Root cause, what worked, what to change."
      >
        <Textarea id="postmortem" name="postmortem" rows={8} defaultValue={incident.postmortem} />
      </Field>
      <Button type="submit" variant="secondary" disabled={save.isExecuting}>
        Save postmortem
      </Button>
      <FormErrors result={save.result} />
    </form>
  );
}
