"use client";

import { Select } from "@/components/ui/field";

type Option = { id: string; name: string };

/** A level's chosen targets of one kind (contacts, schedules) as removable chips, and a picker to add one. */
export function TargetPicker(props: {
  level: number;
  noun: string;
  options: Option[];
  chosen: string[];
  canEdit: boolean;
  onChange: (ids: string[]) => void;
}) {
  const { level, noun, options, chosen, canEdit, onChange } = props;
  const name = new Map(options.map((o) => [o.id, o.name]));
  return (
    <>
      <ul className="mb-1 flex flex-wrap gap-1">
        {chosen.map((id) => (
          <li key={id} className="flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs">
            {name.get(id) ?? `unknown ${noun}`}
            {canEdit && (
              <button
                type="button"
                aria-label={`Remove ${name.get(id)} from level ${level}`}
                onClick={() => onChange(chosen.filter((c) => c !== id))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <Select
          aria-label={`Add a ${noun} to level ${level}`}
          value=""
          onChange={(e) => e.target.value && onChange([...chosen, e.target.value])}
          className="w-44"
        >
          <option value="">+ {noun}</option>
          {options
            .filter((o) => !chosen.includes(o.id))
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </Select>
      )}
    </>
  );
}
