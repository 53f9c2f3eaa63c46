"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveMatrixAction } from "@/app/(app)/people/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { FormErrors, nestedErrors } from "@/components/ui/form-errors";
import { EVENT_LABELS, INCIDENT_EVENTS, TIMINGS } from "@/lib/people/schemas";

type Event = (typeof INCIDENT_EVENTS)[number];
type Timing = (typeof TIMINGS)[number];
export type MatrixRule = {
  event: Event;
  audience: "internal" | "external";
  channelId: string | null;
  recipients: string;
  timing: Timing;
  minutes: number | null;
};
type Row = {
  key: number;
  event: Event;
  audience: "internal" | "external";
  channelId: string;
  recipients: string;
  timing: Timing;
  minutes: string;
};

const TIMING_LABELS: Record<Timing, string> = {
  immediate: "Immediately",
  within: "Within … min",
  every: "Every … min",
  on_completion: "Upon completion",
};
let nextKey = 1;

/** The notification matrix as one table: event × audience × channel × timing, saved whole. */
export function MatrixEditor(props: {
  systemId: string | null;
  version: number;
  rules: MatrixRule[];
  channels: { id: string; name: string }[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>(() =>
    props.rules.map((r) => ({
      ...r,
      key: nextKey++,
      channelId: r.channelId ?? "",
      minutes: r.minutes === null ? "" : String(r.minutes),
    })),
  );
  const save = useAction(saveMatrixAction, { onSuccess: () => router.refresh() });
  const change = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const ruleErrors = nestedErrors(save.result, "rules", (i) => `Rule ${i + 1}`);

  return (
    <Card className="p-5">
      <fieldset disabled={!props.canEdit}>
        <table className="w-full text-sm" data-testid="matrix-table">
          <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-2 pr-2">Event</th>
              <th className="py-2 pr-2">Audience</th>
              <th className="py-2 pr-2">Channel</th>
              <th className="py-2 pr-2">Recipients</th>
              <th className="py-2 pr-2">When</th>
              <th className="py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row, index) => (
              <tr key={row.key} data-testid={`rule-${index + 1}`}>
                <td className="py-1.5 pr-2">
                  <Select
                    aria-label={`Rule ${index + 1} event`}
                    value={row.event}
                    onChange={(e) => change(row.key, { event: e.target.value as Event })}
                  >
                    {INCIDENT_EVENTS.map((ev) => (
                      <option key={ev} value={ev}>
                        {EVENT_LABELS[ev]}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className="py-1.5 pr-2">
                  <Select
                    aria-label={`Rule ${index + 1} audience`}
                    value={row.audience}
                    onChange={(e) => change(row.key, { audience: e.target.value as Row["audience"] })}
                  >
                    <option value="internal">Internal</option>
                    <option value="external">External</option>
                  </Select>
                </td>
                <td className="py-1.5 pr-2">
                  <Select
                    aria-label={`Rule ${index + 1} channel`}
                    value={row.channelId}
                    onChange={(e) => change(row.key, { channelId: e.target.value })}
                  >
                    <option value="">— none (described) —</option>
                    {props.channels.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className="py-1.5 pr-2">
                  <Input
                    aria-label={`Rule ${index + 1} recipients`}
                    value={row.recipients}
                    placeholder="All hands, customers…"
                    onChange={(e) => change(row.key, { recipients: e.target.value })}
                  />
                </td>
                <td className="flex gap-1 py-1.5 pr-2">
                  <Select
                    aria-label={`Rule ${index + 1} timing`}
                    value={row.timing}
                    onChange={(e) => change(row.key, { timing: e.target.value as Timing })}
                  >
                    {TIMINGS.map((t) => (
                      <option key={t} value={t}>
                        {TIMING_LABELS[t]}
                      </option>
                    ))}
                  </Select>
                  {(row.timing === "within" || row.timing === "every") && (
                    <Input
                      aria-label={`Rule ${index + 1} minutes`}
                      className="w-16"
                      inputMode="numeric"
                      value={row.minutes}
                      onChange={(e) => change(row.key, { minutes: e.target.value })}
                    />
                  )}
                </td>
                <td className="py-1.5">
                  {props.canEdit && (
                    <Button
                      type="button"
                      variant="ghost"
                      aria-label={`Remove rule ${index + 1}`}
                      onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                    >
                      ✕
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {props.canEdit && (
          <div className="mt-3 space-y-2">
            <Button
              type="button"
              variant="secondary"
              onClick={() =>
                setRows([
                  ...rows,
                  {
                    key: nextKey++,
                    event: "detected",
                    audience: "internal",
                    channelId: "",
                    recipients: "",
                    timing: "immediate",
                    minutes: "",
                  },
                ])
              }
            >
              + Add rule
            </Button>
            {ruleErrors.length > 0 && (
              <ul role="alert" className="list-inside list-disc text-sm text-red-600">
                {ruleErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
            <FormErrors result={save.result} />
            <div>
              <Button
                type="button"
                disabled={save.isExecuting}
                onClick={() =>
                  save.execute({
                    systemId: props.systemId,
                    version: props.version,
                    rules: rows.map((r) => ({
                      event: r.event,
                      audience: r.audience,
                      channelId: r.channelId || null,
                      recipients: r.recipients,
                      timing: r.timing,
                      minutes: r.minutes as unknown as number,
                    })),
                  })
                }
              >
                Save matrix
              </Button>
            </div>
          </div>
        )}
      </fieldset>
    </Card>
  );
}
