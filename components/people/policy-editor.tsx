"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createPolicyAction, updatePolicyAction } from "@/app/(app)/people/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { fieldError, FormErrors, nestedErrors } from "@/components/ui/form-errors";
import { TIER_NAMES, TIERS } from "@/lib/inventory/tiers";
import { PolicyLevelRow, type LevelRow as Row } from "./policy-level-row";

type Option = { id: string; name: string };
type ChannelOption = Option & { type: string; ready: boolean };
type EditableLevel = {
  afterMinutes: number;
  contactIds: string[];
  roleTargets: string[];
  channelIds: string[];
  scheduleIds: string[];
};
export type EditablePolicy = {
  id?: string;
  version?: number;
  name: string;
  description: string;
  systemId: string | null;
  tier: number | null;
  repeatTimes: number;
  repeatAfterMinutes: number;
  levels: EditableLevel[];
};

let nextKey = 1;
const toRow = (level: EditableLevel): Row => ({
  key: nextKey++,
  afterMinutes: String(level.afterMinutes),
  contactIds: level.contactIds,
  scheduleIds: level.scheduleIds,
  roles: level.roleTargets.join(", "),
  channelIds: level.channelIds,
});

/** The escalation matrix of one policy, edited as a table and saved in one go. */
export function PolicyEditor(props: {
  policy: EditablePolicy;
  contacts: Option[];
  schedules: Option[];
  channels: ChannelOption[];
  systems: Option[];
  canEdit: boolean;
}) {
  const { policy, contacts, schedules, channels, systems, canEdit } = props;
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>(() => policy.levels.map(toRow));
  const [attach, setAttach] = useState(
    policy.systemId ? `system:${policy.systemId}` : policy.tier ? `tier:${policy.tier}` : "",
  );
  const create = useAction(createPolicyAction, {
    onSuccess: ({ data }) => data && router.push(`/people/policies/${data.id}`),
  });
  const update = useAction(updatePolicyAction, { onSuccess: () => router.refresh() });
  const { result, isExecuting } = policy.id ? update : create;

  const change = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: number) =>
    setRows((all) => {
      const next = [...all];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [kind, value] = attach.split(":");
    const fields = {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      systemId: kind === "system" ? value! : null,
      tier: kind === "tier" ? Number(value) : null,
      repeatTimes: Number(form.get("repeatTimes") ?? 0),
      repeatAfterMinutes: Number(form.get("repeatAfterMinutes") ?? 30),
      levels: rows.map((r) => ({
        afterMinutes: r.afterMinutes as unknown as number,
        contactIds: r.contactIds,
        scheduleIds: r.scheduleIds,
        roleTargets: r.roles
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        channelIds: r.channelIds,
      })),
    };
    if (policy.id) update.execute({ ...fields, id: policy.id, version: policy.version! });
    else create.execute(fields);
  }

  const levelErrors = nestedErrors(result, "levels", (i) => `Level ${i + 1}`);

  return (
    <Card className="p-5">
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={!canEdit} className="space-y-4">
          <div className="grid gap-3 sm:grid-cols-[2fr_2fr_1fr_1fr]">
            <Field label="Policy name" htmlFor="policy-name" error={fieldError(result, "name")}>
              <Input id="policy-name" name="name" defaultValue={policy.name} />
            </Field>
            <Field
              label="Applies to"
              htmlFor="policy-attach"
              error={fieldError(result, "systemId") ?? fieldError(result, "tier")}
            >
              <Select id="policy-attach" value={attach} onChange={(e) => setAttach(e.target.value)}>
                <option value="">Nothing yet</option>
                <optgroup label="A system">
                  {systems.map((s) => (
                    <option key={s.id} value={`system:${s.id}`}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="A tier (for systems without their own)">
                  {TIERS.map((t) => (
                    <option key={t} value={`tier:${t}`}>
                      Tier {t} · {TIER_NAMES[t]}
                    </option>
                  ))}
                </optgroup>
              </Select>
            </Field>
            <Field
              label="Repeat the policy"
              htmlFor="repeatTimes"
              error={fieldError(result, "repeatTimes")}
              hint="times, if nobody acknowledges"
            >
              <Input id="repeatTimes" name="repeatTimes" inputMode="numeric" defaultValue={policy.repeatTimes} />
            </Field>
            <Field
              label="Wait before repeating"
              htmlFor="repeatAfterMinutes"
              error={fieldError(result, "repeatAfterMinutes")}
              hint="minutes after the last level"
            >
              <Input
                id="repeatAfterMinutes"
                name="repeatAfterMinutes"
                inputMode="numeric"
                defaultValue={policy.repeatAfterMinutes}
              />
            </Field>
          </div>
          <Field label="Description" htmlFor="policy-description">
            <Input id="policy-description" name="description" defaultValue={policy.description} />
          </Field>

          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="levels-table">
              <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="py-2 pr-2">Level</th>
                  <th className="py-2 pr-2">After (min)</th>
                  <th className="py-2 pr-2">Contacts</th>
                  <th className="py-2 pr-2">Schedules (on call)</th>
                  <th className="py-2 pr-2">Roles</th>
                  <th className="py-2 pr-2">Channels</th>
                  <th className="py-2" />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {rows.map((row, index) => (
                  <PolicyLevelRow
                    key={row.key}
                    row={row}
                    index={index}
                    count={rows.length}
                    contacts={contacts}
                    schedules={schedules}
                    channels={channels}
                    canEdit={canEdit}
                    change={change}
                    move={move}
                    remove={(key) => setRows((all) => all.filter((r) => r.key !== key))}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {canEdit && (
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                const last = rows.at(-1);
                setRows([
                  ...rows,
                  toRow({
                    afterMinutes: last ? Number(last.afterMinutes) + 15 : 0,
                    contactIds: [],
                    scheduleIds: [],
                    roleTargets: [],
                    channelIds: last?.channelIds ?? [],
                  }),
                ]);
              }}
            >
              + Add level
            </Button>
          )}
          {levelErrors.length > 0 && (
            <ul role="alert" data-testid="level-errors" className="list-inside list-disc text-sm text-red-600">
              {levelErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          <FormErrors result={result} />
          {update.hasSucceeded && (
            <p role="status" className="text-sm text-green-700">
              Saved.
            </p>
          )}
          {canEdit && (
            <Button type="submit" disabled={isExecuting}>
              {isExecuting ? "Saving…" : policy.id ? "Save policy" : "Create policy"}
            </Button>
          )}
        </fieldset>
      </form>
    </Card>
  );
}
