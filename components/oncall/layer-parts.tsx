"use client";
// The parts of a schedule layer in the editor: its plain fields, its members in turn order (up/down/remove, add)
// and its restriction windows (days of the week, from, to). All are controlled by the schedule editor's state.

import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

type Option = { id: string; name: string };
export type RestrictionRow = { key: number; days: number[]; from: string; to: string };

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const tap = "min-h-11 min-w-11";

/** The rotation: who takes the shifts, in turn; the same person may hold several turns. */
export function MembersEditor(props: {
  layer: number;
  memberIds: string[];
  contacts: Option[];
  canEdit: boolean;
  onChange: (memberIds: string[]) => void;
}) {
  const { layer, memberIds, contacts, canEdit, onChange } = props;
  const name = new Map(contacts.map((c) => [c.id, c.name]));
  const move = (index: number, by: number) => {
    const next = [...memberIds];
    const [id] = next.splice(index, 1);
    next.splice(index + by, 0, id!);
    onChange(next);
  };
  return (
    <div>
      <p className="text-sm font-medium text-slate-700">People, in turn</p>
      {memberIds.length === 0 && <p className="text-xs text-slate-500">Nobody yet: a rotation needs someone.</p>}
      <ol className="mt-1 space-y-1" data-testid={`layer-${layer}-members`}>
        {memberIds.map((id, index) => (
          <li key={`${id}-${index}`} className="flex flex-wrap items-center gap-1 text-sm">
            <span className="w-6 text-right font-mono text-xs text-slate-500">{index + 1}.</span>
            <span className="min-w-0 flex-1 truncate">{name.get(id) ?? "unknown contact"}</span>
            {canEdit && (
              <>
                <Button
                  type="button"
                  variant="ghost"
                  className={tap}
                  aria-label={`Move ${name.get(id)} up in layer ${layer}`}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  className={tap}
                  aria-label={`Move ${name.get(id)} down in layer ${layer}`}
                  disabled={index === memberIds.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </Button>
                <Button
                  type="button"
                  variant="ghost"
                  className={tap}
                  aria-label={`Remove ${name.get(id)} from layer ${layer}`}
                  onClick={() => onChange(memberIds.filter((_, i) => i !== index))}
                >
                  ✕
                </Button>
              </>
            )}
          </li>
        ))}
      </ol>
      {canEdit && (
        <Select
          aria-label={`Add a person to layer ${layer}`}
          className="mt-1 min-h-11 max-w-xs"
          value=""
          onChange={(e) => e.target.value && onChange([...memberIds, e.target.value])}
        >
          <option value="">+ person</option>
          {contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      )}
    </div>
  );
}

let nextKey = 1;
export const restrictionRow = (r: { days: number[]; from: string; to: string }): RestrictionRow => ({
  key: nextKey++,
  ...r,
});

/** Windows the layer is on call in (none: always); a window whose end is at or before its start runs past midnight. */
export function RestrictionsEditor(props: {
  layer: number;
  rows: RestrictionRow[];
  canEdit: boolean;
  onChange: (rows: RestrictionRow[]) => void;
}) {
  const { layer, rows, canEdit, onChange } = props;
  const change = (key: number, patch: Partial<RestrictionRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <div>
      <p className="text-sm font-medium text-slate-700">Only within</p>
      {rows.length === 0 && <p className="text-xs text-slate-500">Always on call (no restriction).</p>}
      <ul className="mt-1 space-y-2">
        {rows.map((row, index) => {
          const label = `Layer ${layer} window ${index + 1}`;
          return (
            <li key={row.key} className="space-y-1 rounded-md border border-slate-200 p-2" data-testid={`${label}`}>
              <div className="flex flex-wrap gap-1">
                {DAYS.map((day, d) => (
                  <label key={day} className="inline-flex min-h-11 items-center gap-1 px-1 text-xs">
                    <input
                      type="checkbox"
                      aria-label={`${label} ${day}`}
                      checked={row.days.includes(d + 1)}
                      onChange={(e) =>
                        change(row.key, {
                          days: e.target.checked ? [...row.days, d + 1].sort() : row.days.filter((x) => x !== d + 1),
                        })
                      }
                    />
                    {day}
                  </label>
                ))}
              </div>
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Input
                  type="time"
                  aria-label={`${label} from`}
                  className="min-h-11 w-32"
                  value={row.from}
                  onChange={(e) => change(row.key, { from: e.target.value })}
                />
                <span>to</span>
                <Input
                  type="time"
                  aria-label={`${label} to`}
                  className="min-h-11 w-32"
                  value={row.to}
                  onChange={(e) => change(row.key, { to: e.target.value })}
                />
                {canEdit && (
                  <Button
                    type="button"
                    variant="ghost"
                    className={tap}
                    aria-label={`Remove ${label.toLowerCase()}`}
                    onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                  >
                    ✕
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {canEdit && (
        <Button
          type="button"
          variant="secondary"
          className="mt-1 min-h-11"
          onClick={() => onChange([...rows, restrictionRow({ days: [1, 2, 3, 4, 5], from: "09:00", to: "17:00" })])}
        >
          + Window
        </Button>
      )}
    </div>
  );
}

/** The fields of one layer that are plain values (the editor's row, minus its lists). */
type LayerRowFields = {
  name: string;
  timeZone: string;
  startDate: string;
  handoffTime: string;
  shiftLength: string;
  shiftUnit: "hours" | "days" | "weeks";
};

/** A layer's name, zone, first handoff (local date and time in its zone) and shift length. */
export function LayerFields(props: {
  n: number;
  row: LayerRowFields;
  err: (field: string) => string | undefined;
  onChange: (patch: Partial<LayerRowFields>) => void;
}) {
  const { n, row, err, onChange } = props;
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <Field label={`Layer ${n} name`} htmlFor={`layer-${n}-name`} error={err("name")}>
        <Input
          id={`layer-${n}-name`}
          className="min-h-11"
          value={row.name}
          placeholder="e.g. Primary"
          onChange={(e) => onChange({ name: e.target.value })}
        />
      </Field>
      <Field label={`Layer ${n} time zone`} htmlFor={`layer-${n}-zone`} error={err("timeZone")}>
        <Input
          id={`layer-${n}-zone`}
          className="min-h-11"
          list="time-zones"
          value={row.timeZone}
          onChange={(e) => onChange({ timeZone: e.target.value })}
        />
      </Field>
      <Field label={`Layer ${n} start date`} htmlFor={`layer-${n}-start`} error={err("startDate")}>
        <Input
          id={`layer-${n}-start`}
          type="date"
          className="min-h-11"
          value={row.startDate}
          onChange={(e) => onChange({ startDate: e.target.value })}
        />
      </Field>
      <Field
        label={`Layer ${n} handoff time`}
        htmlFor={`layer-${n}-handoff`}
        error={err("handoffTime")}
        hint="local time in the layer's zone"
      >
        <Input
          id={`layer-${n}-handoff`}
          type="time"
          className="min-h-11"
          value={row.handoffTime}
          onChange={(e) => onChange({ handoffTime: e.target.value })}
        />
      </Field>
      <Field label={`Layer ${n} shift length`} htmlFor={`layer-${n}-length`} error={err("shiftLength")}>
        <Input
          id={`layer-${n}-length`}
          inputMode="numeric"
          className="min-h-11"
          value={row.shiftLength}
          onChange={(e) => onChange({ shiftLength: e.target.value })}
        />
      </Field>
      <Field label={`Layer ${n} shift unit`} htmlFor={`layer-${n}-unit`} error={err("shiftUnit")}>
        <Select
          id={`layer-${n}-unit`}
          className="min-h-11"
          value={row.shiftUnit}
          onChange={(e) => onChange({ shiftUnit: e.target.value as LayerRowFields["shiftUnit"] })}
        >
          <option value="hours">hours</option>
          <option value="days">days</option>
          <option value="weeks">weeks</option>
        </Select>
      </Field>
    </div>
  );
}
