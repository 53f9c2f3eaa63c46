"use client";
// "Page now / add responders" on an open incident: one pick (a contact, a schedule's on-call person, or the
// policy's next level) and a message; the pages go out through the escalation like any other.
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { pageNowAction } from "@/app/(app)/incidents/actions";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { fieldError, FormErrors } from "@/components/ui/form-errors";

type Choices = {
  contacts: { id: string; name: string }[];
  schedules: { id: string; name: string; onCall: string | null }[];
};

/** "contact:<id>" → the action's target. */
function targetOf(value: string) {
  const [kind, id = ""] = value.split(/:(.*)/s);
  if (kind === "contact") return { kind: "contact" as const, contactId: id };
  if (kind === "schedule") return { kind: "schedule" as const, scheduleId: id };
  if (kind === "next-level") return { kind: "next-level" as const };
  return undefined;
}

export function PageNow({ incidentId, choices }: { incidentId: string; choices: Choices }) {
  const [done, setDone] = useState("");
  const page = useAction(pageNowAction, {
    onSuccess: ({ data }) => setDone(data ? `Paging ${data.paged} now.` : ""),
    onExecute: () => setDone(""),
  });
  const problem = fieldError(page.result, "target") ?? fieldError(page.result, "message");
  return (
    <form
      className="space-y-2"
      data-testid="page-now"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        page.execute({
          incidentId,
          // An empty pick goes to the server as is: its validation names the field.
          target: targetOf(String(form.get("target") ?? "")) as never,
          message: String(form.get("message") ?? ""),
        });
      }}
    >
      <h3 className="text-sm font-semibold">Page now / add responders</h3>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="page-now-target" className="sr-only">
          Who to page
        </label>
        <Select id="page-now-target" name="target" className="min-h-11 w-auto" defaultValue="">
          <option value="">Who to page…</option>
          <option value="next-level">The policy’s next level</option>
          {choices.schedules.length > 0 && (
            <optgroup label="On call now">
              {choices.schedules.map((s) => (
                <option key={s.id} value={`schedule:${s.id}`}>
                  {s.name} — {s.onCall ?? "nobody on call"}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="Contacts">
            {choices.contacts.map((c) => (
              <option key={c.id} value={`contact:${c.id}`}>
                {c.name}
              </option>
            ))}
          </optgroup>
        </Select>
        <label htmlFor="page-now-message" className="sr-only">
          Message
        </label>
        <Input
          id="page-now-message"
          name="message"
          maxLength={500}
          placeholder="Message, e.g. “need a DBA on the ledger failover”"
          className="min-h-11 min-w-0 flex-1"
        />
        <Button type="submit" variant="secondary" className="min-h-11" disabled={page.isExecuting}>
          Page now
        </Button>
      </div>
      {problem && (
        <p className="text-sm text-red-700" role="alert">
          {problem}
        </p>
      )}
      {done && (
        <p className="text-sm text-green-800" role="status" data-testid="page-now-done">
          {done}
        </p>
      )}
      <FormErrors result={page.result} />
    </form>
  );
}
