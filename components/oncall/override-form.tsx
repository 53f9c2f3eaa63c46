"use client";
// Adding an override: someone covers a range (for someone else, optionally). The form's times are wall-clock
// times in the schedule's zone (said on the form), turned into instants here with luxon, so a person in another
// zone types what the schedule's page shows.

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { DateTime } from "luxon";
import { createOverrideAction } from "@/app/(app)/people/schedules/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { fieldError, FormErrors } from "@/components/ui/form-errors";

type Option = { id: string; name: string };

/** A datetime-local value read in `zone`, as an ISO instant; what the browser gave when it is no time at all. */
function instantIn(value: string, zone: string): string {
  const at = DateTime.fromISO(value, { zone });
  return at.isValid ? at.toUTC().toISO()! : value;
}

export function OverrideForm({
  scheduleId,
  timeZone,
  contacts,
}: {
  scheduleId: string;
  timeZone: string;
  contacts: Option[];
}) {
  const router = useRouter();
  const add = useAction(createOverrideAction, { onSuccess: () => router.refresh() });
  const { result } = add;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    add.execute({
      scheduleId,
      contactId: String(form.get("contactId") ?? ""),
      replacesContactId: String(form.get("replacesContactId") ?? "") || null,
      startsAt: instantIn(String(form.get("startsAt") ?? ""), timeZone) as unknown as Date,
      endsAt: instantIn(String(form.get("endsAt") ?? ""), timeZone) as unknown as Date,
      reason: String(form.get("reason") ?? ""),
    });
  }

  const overlaps = add.result.data?.overlaps ?? [];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Add an override">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Who covers" htmlFor="override-contact" error={fieldError(result, "contactId")}>
          <Select id="override-contact" name="contactId" className="min-h-11" defaultValue="">
            <option value="">Choose a person</option>
            {contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Covering for"
          htmlFor="override-replaces"
          error={fieldError(result, "replacesContactId")}
          hint="optional: whose shift this takes"
        >
          <Select id="override-replaces" name="replacesContactId" className="min-h-11" defaultValue="">
            <option value="">Nobody in particular</option>
            {contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="From"
          htmlFor="override-from"
          error={fieldError(result, "startsAt")}
          hint={`local time in ${timeZone}`}
        >
          <Input id="override-from" name="startsAt" type="datetime-local" className="min-h-11" />
        </Field>
        <Field label="To" htmlFor="override-to" error={fieldError(result, "endsAt")} hint={`local time in ${timeZone}`}>
          <Input id="override-to" name="endsAt" type="datetime-local" className="min-h-11" />
        </Field>
      </div>
      <Field label="Reason" htmlFor="override-reason" error={fieldError(result, "reason")}>
        <Input id="override-reason" name="reason" className="min-h-11" placeholder="e.g. swap with Tom" />
      </Field>
      <p className="text-xs text-slate-500">Times are read in the schedule&apos;s zone, {timeZone}.</p>
      <FormErrors result={result} />
      {add.hasSucceeded && (
        <p role="status" className="text-sm text-green-700">
          Override added.
          {overlaps.length > 0 && ` It overlaps an earlier override (${overlaps.join(", ")}): this one wins.`}
        </p>
      )}
      <Button type="submit" className="min-h-11" disabled={add.isExecuting}>
        {add.isExecuting ? "Adding…" : "Add override"}
      </Button>
    </form>
  );
}
