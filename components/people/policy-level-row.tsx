"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { TargetPicker } from "./target-picker";

type Option = { id: string; name: string };
export type LevelRow = {
  key: number;
  afterMinutes: string;
  contactIds: string[];
  scheduleIds: string[];
  roles: string;
  channelIds: string[];
};

/** One level of a policy in the editor's table: when, whom (contacts, schedules, roles), through which channels. */
export function PolicyLevelRow(props: {
  row: LevelRow;
  index: number;
  count: number;
  contacts: Option[];
  schedules: Option[];
  channels: (Option & { ready: boolean })[];
  canEdit: boolean;
  change: (key: number, patch: Partial<LevelRow>) => void;
  move: (index: number, by: number) => void;
  remove: (key: number) => void;
}) {
  const { row, index, contacts, schedules, channels, canEdit, change, move, remove } = props;
  return (
    <tr data-testid={`level-${index + 1}`}>
      <td className="py-2 pr-2 font-medium">{index + 1}</td>
      <td className="py-2 pr-2">
        <Input
          aria-label={`Level ${index + 1} after minutes`}
          className="w-20"
          inputMode="numeric"
          value={row.afterMinutes}
          onChange={(e) => change(row.key, { afterMinutes: e.target.value })}
        />
      </td>
      <td className="py-2 pr-2">
        <TargetPicker
          level={index + 1}
          noun="contact"
          options={contacts}
          chosen={row.contactIds}
          canEdit={canEdit}
          onChange={(contactIds) => change(row.key, { contactIds })}
        />
      </td>
      <td className="py-2 pr-2">
        <TargetPicker
          level={index + 1}
          noun="schedule"
          options={schedules}
          chosen={row.scheduleIds}
          canEdit={canEdit}
          onChange={(scheduleIds) => change(row.key, { scheduleIds })}
        />
      </td>
      <td className="py-2 pr-2">
        <Input
          aria-label={`Level ${index + 1} roles`}
          className="w-44"
          value={row.roles}
          placeholder="on-call engineer"
          onChange={(e) => change(row.key, { roles: e.target.value })}
        />
      </td>
      <td className="py-2 pr-2">
        <div className="flex flex-col gap-0.5">
          {channels.map((c) => (
            <label key={c.id} className="flex items-center gap-1 whitespace-nowrap text-xs">
              <input
                type="checkbox"
                aria-label={`Level ${index + 1} via ${c.name}`}
                checked={row.channelIds.includes(c.id)}
                onChange={(e) =>
                  change(row.key, {
                    channelIds: e.target.checked ? [...row.channelIds, c.id] : row.channelIds.filter((x) => x !== c.id),
                  })
                }
              />
              {c.name}
              {!c.ready && <span className="text-amber-700">(not ready)</span>}
            </label>
          ))}
        </div>
      </td>
      <td className="whitespace-nowrap py-2">
        {canEdit && (
          <>
            <Button
              type="button"
              variant="ghost"
              aria-label={`Move level ${index + 1} up`}
              disabled={index === 0}
              onClick={() => move(index, -1)}
            >
              ↑
            </Button>
            <Button
              type="button"
              variant="ghost"
              aria-label={`Move level ${index + 1} down`}
              disabled={index === props.count - 1}
              onClick={() => move(index, 1)}
            >
              ↓
            </Button>
            <Button
              type="button"
              variant="ghost"
              aria-label={`Remove level ${index + 1}`}
              onClick={() => remove(row.key)}
            >
              ✕
            </Button>
          </>
        )}
      </td>
    </tr>
  );
}
