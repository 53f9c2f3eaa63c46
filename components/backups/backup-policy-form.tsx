"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import {
  createBackupPolicyAction,
  deleteBackupPolicyAction,
  updateBackupPolicyAction,
} from "@/app/(app)/backups/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { fieldError, FormErrors } from "@/components/ui/form-errors";
import { VERIFICATION_LABELS, VERIFICATIONS } from "@/lib/backups/rules";

export type BackupPolicyValues = {
  id?: string;
  version?: number;
  serviceId: string;
  name: string;
  intervalMinutes: number | null;
  cron: string | null;
  retentionLocalDays: number | null;
  retentionRemoteDays: number | null;
  locations: string[];
  method: string;
  verification: (typeof VERIFICATIONS)[number];
  requireVerified: boolean;
  graceMinutes: number;
};

export function BackupPolicyForm({ initial, onDone }: { initial: BackupPolicyValues; onDone?: () => void }) {
  const [mode, setMode] = useState<"interval" | "cron">(initial.cron ? "cron" : "interval");
  const create = useAction(createBackupPolicyAction, { onSuccess: () => onDone?.() });
  const update = useAction(updateBackupPolicyAction, { onSuccess: () => onDone?.() });
  const { result, isExecuting } = initial.id ? update : create;
  const id = (name: string) => `${initial.id ?? "new"}-${name}`;
  const err = (name: string) => fieldError(result, name);

  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const v = (name: string) => String(form.get(name) ?? "");
        const fields = {
          serviceId: initial.serviceId,
          name: v("name"),
          intervalMinutes: mode === "interval" ? (v("intervalMinutes") as unknown as number) : null,
          cron: mode === "cron" ? v("cron") : null,
          retentionLocalDays: v("retentionLocalDays") as unknown as number,
          retentionRemoteDays: v("retentionRemoteDays") as unknown as number,
          locations: v("locations")
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean),
          method: v("method"),
          verification: v("verification") as BackupPolicyValues["verification"],
          requireVerified: form.get("requireVerified") === "on",
          graceMinutes: v("graceMinutes") as unknown as number,
        };
        if (initial.id) update.execute({ ...fields, id: initial.id, version: initial.version! });
        else create.execute(fields);
      }}
    >
      <Field label="Policy name" htmlFor={id("name")} error={err("name")}>
        <Input id={id("name")} name="name" defaultValue={initial.name} placeholder="nightly pg_dump" />
      </Field>
      <Field label="Schedule" htmlFor={id("mode")} error={err("intervalMinutes") ?? err("cron")}>
        <div className="flex gap-2">
          <Select
            id={id("mode")}
            value={mode}
            onChange={(e) => setMode(e.target.value as "interval" | "cron")}
            className="w-32"
          >
            <option value="interval">Every N min</option>
            <option value="cron">Cron (UTC)</option>
          </Select>
          {mode === "interval" ? (
            <Input
              aria-label="Interval in minutes"
              name="intervalMinutes"
              inputMode="numeric"
              defaultValue={initial.intervalMinutes ?? ""}
              placeholder="1440"
            />
          ) : (
            <Input aria-label="Cron expression" name="cron" defaultValue={initial.cron ?? ""} placeholder="0 2 * * *" />
          )}
        </div>
      </Field>
      <Field label="Grace before 'missed' (min)" htmlFor={id("grace")} error={err("graceMinutes")}>
        <Input id={id("grace")} name="graceMinutes" inputMode="numeric" defaultValue={initial.graceMinutes} />
      </Field>
      <Field label="Retention, local (days)" htmlFor={id("rl")} error={err("retentionLocalDays")}>
        <Input
          id={id("rl")}
          name="retentionLocalDays"
          inputMode="numeric"
          defaultValue={initial.retentionLocalDays ?? ""}
        />
      </Field>
      <Field label="Retention, remote (days)" htmlFor={id("rr")} error={err("retentionRemoteDays")}>
        <Input
          id={id("rr")}
          name="retentionRemoteDays"
          inputMode="numeric"
          defaultValue={initial.retentionRemoteDays ?? ""}
        />
      </Field>
      <Field label="Method or script" htmlFor={id("method")} error={err("method")}>
        <Input
          id={id("method")}
          name="method"
          defaultValue={initial.method}
          placeholder="./scripts/backup/postgres_backup.sh"
        />
      </Field>
      <Field label="Locations (one per line)" htmlFor={id("locations")} error={err("locations")}>
        <textarea
          id={id("locations")}
          name="locations"
          rows={2}
          defaultValue={initial.locations.join("\n")}
          className="block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
        />
      </Field>
      <Field label="Verification" htmlFor={id("verification")} error={err("verification")}>
        <Select id={id("verification")} name="verification" defaultValue={initial.verification}>
          {VERIFICATIONS.map((v) => (
            <option key={v} value={v}>
              {VERIFICATION_LABELS[v]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Only verified runs count" htmlFor={id("rv")} error={err("requireVerified")}>
        <label className="flex items-center gap-2 pt-1.5 text-sm">
          <input id={id("rv")} type="checkbox" name="requireVerified" defaultChecked={initial.requireVerified} />{" "}
          require verification for the live RPO
        </label>
      </Field>
      <div className="space-y-2 sm:col-span-3">
        <FormErrors result={result} />
        <Button type="submit" disabled={isExecuting}>
          {initial.id ? "Save policy" : "Add backup policy"}
        </Button>
      </div>
    </form>
  );
}

export function DeleteBackupPolicyButton({ id, version, name }: { id: string; version: number; name: string }) {
  const remove = useAction(deleteBackupPolicyAction);
  return (
    <Button
      variant="ghost"
      disabled={remove.isExecuting}
      onClick={() => window.confirm(`Delete ${name} and its run history?`) && remove.execute({ id, version })}
    >
      Delete
    </Button>
  );
}
