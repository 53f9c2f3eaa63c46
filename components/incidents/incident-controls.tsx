"use client";
// The commander's working area on an incident: acknowledge, move the status, add a note. One key each:
// a = acknowledge, s = advance the status, n = write a note, ? = list the keys.
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { acknowledgeAction, addNoteAction, changeStatusAction } from "@/app/(app)/incidents/actions";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { fieldError, FormErrors } from "@/components/ui/form-errors";
import { Textarea } from "@/components/ui/textarea";
import { nextStatus, STATUS_LABELS, STATUSES, transitionProblem } from "@/lib/incidents/model";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { useShortcuts } from "./use-shortcuts";

type Props = {
  incident: { id: string; version: number; status: IncidentStatus; acknowledged: boolean };
  can: { respond: boolean; command: boolean };
  /** The Resolve dialog's button, placed with the other commands. */
  resolve?: React.ReactNode;
};

export function IncidentControls({ incident, can, resolve }: Props) {
  const router = useRouter();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [help, setHelp] = useState(false);
  const [note, setNote] = useState("");
  const [isPublic, setPublic] = useState(false);
  const refresh = () => router.refresh();
  const ack = useAction(acknowledgeAction, { onSuccess: refresh });
  const status = useAction(changeStatusAction, { onSuccess: refresh });
  const addNote = useAction(addNoteAction, {
    onSuccess: () => {
      setNote("");
      setPublic(false);
    },
  });
  // Resolving is the Resolve dialog's job (summary, last public update, review owner): never one key or one pick.
  const next = nextStatus(incident.status);
  const advance = next === "resolved" ? null : next;
  const move = (to: IncidentStatus) =>
    status.execute({ incidentId: incident.id, version: incident.version, status: to, note: "" });

  // A resolved incident has nothing left to acknowledge: no button, no `a` (the server refuses it too).
  const acknowledgeable = can.respond && !incident.acknowledged && incident.status !== "resolved";

  useShortcuts({
    a: () => acknowledgeable && !ack.isExecuting && ack.execute({ incidentId: incident.id }),
    s: () => can.command && advance && !status.isExecuting && move(advance),
    n: () => noteRef.current?.focus(),
    "?": () => setHelp((h) => !h),
  });

  function submitNote(event: React.FormEvent) {
    event.preventDefault();
    addNote.execute({ incidentId: incident.id, text: note, public: isPublic });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        {acknowledgeable && (
          <Button
            onClick={() => ack.execute({ incidentId: incident.id })}
            disabled={ack.isExecuting}
            title="Shortcut: a"
          >
            Acknowledge <kbd className="ml-1 rounded bg-white/20 px-1 text-xs">a</kbd>
          </Button>
        )}
        {can.command && advance && (
          <Button variant="secondary" onClick={() => move(advance)} disabled={status.isExecuting} title="Shortcut: s">
            Move to {STATUS_LABELS[advance]} <kbd className="ml-1 rounded bg-slate-100 px-1 text-xs">s</kbd>
          </Button>
        )}
        {can.command && (
          <label className="flex items-center gap-1 text-sm text-slate-600">
            <span className="sr-only">Set status</span>
            <Select
              aria-label="Set status"
              value=""
              className="w-auto"
              onChange={(e) => e.target.value && move(e.target.value as IncidentStatus)}
              disabled={status.isExecuting}
            >
              <option value="">Set status…</option>
              {STATUSES.filter((s) => s !== "resolved" && !transitionProblem(incident.status, s)).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </label>
        )}
        {resolve}
        <button type="button" className="ml-auto text-xs text-slate-500 underline" onClick={() => setHelp((h) => !h)}>
          Keyboard shortcuts (?)
        </button>
      </div>
      {help && (
        <ul
          className="rounded border border-slate-200 bg-slate-50 p-3 text-xs text-slate-700"
          data-testid="shortcut-help"
        >
          {acknowledgeable && (
            <li>
              <kbd>a</kbd> acknowledge (stops paging)
            </li>
          )}
          <li>
            <kbd>s</kbd> move to the next status
          </li>
          <li>
            <kbd>n</kbd> write a note
          </li>
          <li>
            <kbd>?</kbd> show or hide this list
          </li>
        </ul>
      )}
      <FormErrors result={ack.result} />
      <FormErrors result={status.result} />
      {fieldError(status.result, "status") && (
        <p className="text-sm text-red-600" role="alert">
          {fieldError(status.result, "status")}
        </p>
      )}
      {can.respond && (
        <form onSubmit={submitNote} className="space-y-2" noValidate>
          <Field
            label="Add to the timeline"
            htmlFor="note"
            error={fieldError(addNote.result, "text")}
            hint="Shortcut: n. Public notes appear on the status page."
          >
            <Textarea
              id="note"
              ref={noteRef}
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submitNote(e);
                if (e.key === "Escape") e.currentTarget.blur();
              }}
              placeholder="What you see, what you did, what comes next…"
            />
          </Field>
          <div className="flex items-center gap-3">
            <label className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} /> Public (status
              page)
            </label>
            <Button type="submit" disabled={addNote.isExecuting}>
              Add note
            </Button>
            <span className="text-xs text-slate-500">Ctrl+Enter sends</span>
          </div>
          <FormErrors result={addNote.result} />
        </form>
      )}
    </div>
  );
}
