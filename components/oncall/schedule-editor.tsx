"use client";
// The schedule editor: name, zone and layers (zone, first handoff, shift length, restrictions, people in turn),
// saved whole in one action so the server checks the version the editor loaded.

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createScheduleAction, updateScheduleAction } from "@/app/(app)/people/schedules/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { fieldError, FormErrors, nestedErrors, type ActionResult } from "@/components/ui/form-errors";
import { LayerFields, MembersEditor, restrictionRow, RestrictionsEditor, type RestrictionRow } from "./layer-parts";

type Option = { id: string; name: string };
type Unit = "hours" | "days" | "weeks";
export type EditableLayer = {
  name: string;
  timeZone: string;
  startDate: string;
  handoffTime: string;
  shiftLength: number;
  shiftUnit: Unit;
  restrictions: { days: number[]; from: string; to: string }[];
  memberIds: string[];
};
type EditableSchedule = {
  id?: string;
  version?: number;
  name: string;
  description: string;
  timeZone: string;
  layers: EditableLayer[];
};

type LayerRow = Omit<EditableLayer, "shiftLength" | "restrictions"> & {
  key: number;
  shiftLength: string;
  restrictions: RestrictionRow[];
};

let nextKey = 1;
const toRow = (l: EditableLayer): LayerRow => ({
  ...l,
  key: nextKey++,
  shiftLength: String(l.shiftLength),
  restrictions: l.restrictions.map(restrictionRow),
});

/** The first message zod gave for one field of layer `index`. */
function layerError(result: ActionResult, index: number, field: string): string | undefined {
  const layers = (result.validationErrors as Record<string, unknown> | undefined)?.layers as
    Record<string, Record<string, { _errors?: string[] }> | undefined> | undefined;
  return layers?.[String(index)]?.[field]?._errors?.[0];
}

export function ScheduleEditor(props: {
  schedule: EditableSchedule;
  contacts: Option[];
  zones: string[];
  canEdit: boolean;
}) {
  const { schedule, contacts, zones, canEdit } = props;
  const router = useRouter();
  const [rows, setRows] = useState<LayerRow[]>(() => schedule.layers.map(toRow));
  const create = useAction(createScheduleAction, {
    onSuccess: ({ data }) => data && router.push(`/people/schedules/${data.id}`),
  });
  const update = useAction(updateScheduleAction, { onSuccess: () => router.refresh() });
  const { result, isExecuting } = schedule.id ? update : create;

  const change = (key: number, patch: Partial<LayerRow>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      timeZone: String(form.get("timeZone") ?? ""),
      layers: rows.map((row) => ({
        name: row.name,
        timeZone: row.timeZone,
        startDate: row.startDate,
        handoffTime: row.handoffTime,
        // The server parses it and names the field when it is not a whole number.
        shiftLength: row.shiftLength as unknown as number,
        shiftUnit: row.shiftUnit,
        restrictions: row.restrictions.map((r) => ({ days: r.days, from: r.from, to: r.to })),
        memberIds: row.memberIds,
      })),
    };
    if (schedule.id) update.execute({ ...fields, id: schedule.id, version: schedule.version! });
    else create.execute(fields);
  }

  const restrictionErrors = (index: number) =>
    nestedErrors(
      {
        validationErrors: (result.validationErrors as { layers?: Record<string, unknown> } | undefined)?.layers?.[
          index
        ],
      },
      "restrictions",
      (i) => `Window ${i + 1}`,
    );

  return (
    <Card className="p-4 sm:p-5">
      <form onSubmit={onSubmit} noValidate>
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <fieldset disabled={!canEdit} className="min-w-0 space-y-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Schedule name" htmlFor="schedule-name" error={fieldError(result, "name")}>
              <Input id="schedule-name" name="name" defaultValue={schedule.name} className="min-h-11" />
            </Field>
            <Field
              label="Shown in time zone"
              htmlFor="schedule-zone"
              error={fieldError(result, "timeZone")}
              hint="IANA zone; each layer hands off in its own zone"
            >
              <Input
                id="schedule-zone"
                name="timeZone"
                list="time-zones"
                defaultValue={schedule.timeZone}
                className="min-h-11"
              />
            </Field>
          </div>
          <Field label="Description" htmlFor="schedule-description" error={fieldError(result, "description")}>
            <Input id="schedule-description" name="description" defaultValue={schedule.description} />
          </Field>

          <p className="text-sm text-slate-600">
            Layers are listed lowest first: where several have someone on call, the one further down wins.
          </p>
          {rows.map((row, index) => {
            const n = index + 1;
            const err = (field: string) => layerError(result, index, field);
            return (
              <section
                key={row.key}
                aria-label={`Layer ${n}`}
                data-testid={`layer-${n}`}
                className="space-y-3 rounded-lg border border-slate-200 p-3"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-semibold">Layer {n}</h3>
                  {canEdit && (
                    <div className="flex gap-1">
                      <Button
                        type="button"
                        variant="ghost"
                        className="min-h-11 min-w-11"
                        aria-label={`Move layer ${n} up`}
                        disabled={index === 0}
                        onClick={() =>
                          setRows((all) => [
                            ...all.slice(0, index - 1),
                            all[index]!,
                            all[index - 1]!,
                            ...all.slice(index + 1),
                          ])
                        }
                      >
                        ↑
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        className="min-h-11 min-w-11"
                        aria-label={`Move layer ${n} down`}
                        disabled={index === rows.length - 1}
                        onClick={() =>
                          setRows((all) => [
                            ...all.slice(0, index),
                            all[index + 1]!,
                            all[index]!,
                            ...all.slice(index + 2),
                          ])
                        }
                      >
                        ↓
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        className="min-h-11"
                        aria-label={`Remove layer ${n}`}
                        onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                      >
                        Remove
                      </Button>
                    </div>
                  )}
                </div>
                <LayerFields n={n} row={row} err={err} onChange={(patch) => change(row.key, patch)} />
                <div className="grid gap-4 md:grid-cols-2">
                  <div>
                    <MembersEditor
                      layer={n}
                      memberIds={row.memberIds}
                      contacts={contacts}
                      canEdit={canEdit}
                      onChange={(memberIds) => change(row.key, { memberIds })}
                    />
                    {err("memberIds") && (
                      <p role="alert" className="mt-1 text-xs text-red-600">
                        Layer {n}: {err("memberIds")}
                      </p>
                    )}
                  </div>
                  <div>
                    <RestrictionsEditor
                      layer={n}
                      rows={row.restrictions}
                      canEdit={canEdit}
                      onChange={(restrictions) => change(row.key, { restrictions })}
                    />
                    {restrictionErrors(index).map((m) => (
                      <p key={m} role="alert" className="mt-1 text-xs text-red-600">
                        Layer {n}: {m}
                      </p>
                    ))}
                  </div>
                </div>
              </section>
            );
          })}
          {canEdit && (
            <Button
              type="button"
              variant="secondary"
              className="min-h-11"
              onClick={() => {
                const last = rows.at(-1);
                setRows([
                  ...rows,
                  toRow({
                    name: "",
                    timeZone: last?.timeZone ?? schedule.timeZone,
                    startDate: last?.startDate ?? new Date().toISOString().slice(0, 10),
                    handoffTime: last?.handoffTime ?? "09:00",
                    shiftLength: 1,
                    shiftUnit: "weeks",
                    restrictions: [],
                    memberIds: [],
                  }),
                ]);
              }}
            >
              + Add layer
            </Button>
          )}
          {fieldError(result, "layers") && (
            <p role="alert" data-testid="layers-error" className="text-sm text-red-600">
              {fieldError(result, "layers")}
            </p>
          )}
          <FormErrors result={result} />
          {update.hasSucceeded && (
            <p role="status" className="text-sm text-green-700">
              Saved.
            </p>
          )}
          {canEdit && (
            <Button type="submit" className="min-h-11" disabled={isExecuting}>
              {isExecuting ? "Saving…" : schedule.id ? "Save schedule" : "Create schedule"}
            </Button>
          )}
        </fieldset>
      </form>
    </Card>
  );
}
