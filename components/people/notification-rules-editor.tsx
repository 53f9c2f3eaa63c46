"use client";

import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";

export type RuleChannel = { id: string; name: string; type: string };
export type RuleRow = { key: number; channelId: string; afterMinutes: string };

let nextKey = 1;
export const ruleRow = (rule: { channelId: string; afterMinutes: number | string }): RuleRow => ({
  key: nextKey++,
  channelId: rule.channelId,
  afterMinutes: String(rule.afterMinutes),
});

/**
 * A contact's own paging: each row a channel and how many minutes after a level reaches them it goes out,
 * in order. No rows: the contact is paged on the level's channels.
 */
export function NotificationRulesEditor(props: {
  rows: RuleRow[];
  channels: RuleChannel[];
  errors: string[];
  onChange: (rows: RuleRow[]) => void;
}) {
  const { rows, channels, errors, onChange } = props;
  const change = (key: number, patch: Partial<RuleRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
  };
  return (
    <fieldset className="space-y-2" data-testid="notification-rules">
      <legend className="text-sm font-medium text-slate-700">Notification rules</legend>
      <p className="text-xs text-slate-500">
        When a level pages this contact (by name, role or schedule): each channel, this many minutes later, until
        someone acknowledges. Without rules they get the level&apos;s channels.
      </p>
      {rows.length > 0 && (
        <ol className="space-y-1">
          {rows.map((row, index) => (
            <li key={row.key} className="flex flex-wrap items-center gap-2 text-sm" data-testid={`rule-${index + 1}`}>
              <span className="w-5 text-slate-500">{index + 1}.</span>
              <Select
                aria-label={`Rule ${index + 1} channel`}
                className="w-48"
                value={row.channelId}
                onChange={(e) => change(row.key, { channelId: e.target.value })}
              >
                {channels.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.type})
                  </option>
                ))}
              </Select>
              <span>after</span>
              <Input
                aria-label={`Rule ${index + 1} after minutes`}
                className="w-20"
                inputMode="numeric"
                value={row.afterMinutes}
                onChange={(e) => change(row.key, { afterMinutes: e.target.value })}
              />
              <span>min</span>
              <Button
                type="button"
                variant="ghost"
                aria-label={`Move rule ${index + 1} up`}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                ↑
              </Button>
              <Button
                type="button"
                variant="ghost"
                aria-label={`Move rule ${index + 1} down`}
                disabled={index === rows.length - 1}
                onClick={() => move(index, 1)}
              >
                ↓
              </Button>
              <Button
                type="button"
                variant="ghost"
                aria-label={`Remove rule ${index + 1}`}
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                ✕
              </Button>
            </li>
          ))}
        </ol>
      )}
      {channels.length > 0 ? (
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            const last = rows.at(-1);
            onChange([
              ...rows,
              ruleRow({ channelId: channels[0]!.id, afterMinutes: last ? Number(last.afterMinutes) + 2 || 0 : 0 }),
            ]);
          }}
        >
          + Add rule
        </Button>
      ) : (
        <p className="text-xs text-slate-500">Add an email, SMS or voice channel first.</p>
      )}
      {errors.length > 0 && (
        <ul role="alert" data-testid="rule-errors" className="list-inside list-disc text-sm text-red-600">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
