"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { createSystemAction, updateSystemAction } from "@/app/(app)/inventory/actions";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { Textarea } from "@/components/ui/textarea";

export type SystemFormValues = {
  id?: string;
  version?: number;
  name: string;
  description: string;
  drStrategy: string;
  primaryRegion: string;
  drRegion: string;
};

const FIELDS = [
  { name: "name", label: "Name" },
  { name: "drStrategy", label: "DR strategy", hint: "e.g. active-passive multi-region, backup and restore" },
  { name: "primaryRegion", label: "Primary region" },
  { name: "drRegion", label: "DR region" },
] as const;

export function SystemForm({ initial }: { initial: SystemFormValues }) {
  const router = useRouter();
  const editing = Boolean(initial.id);
  const go = ({ data }: { data?: { id: string } }) => data && router.push(`/inventory/systems/${data.id}`);
  const create = useAction(createSystemAction, { onSuccess: go });
  const update = useAction(updateSystemAction, { onSuccess: go });
  const { result, isExecuting } = editing ? update : create;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    const fields = {
      name: value("name"),
      description: value("description"),
      drStrategy: value("drStrategy"),
      primaryRegion: value("primaryRegion"),
      drRegion: value("drRegion"),
    };
    if (editing) update.execute({ ...fields, id: initial.id!, version: initial.version! });
    else create.execute(fields);
  }

  return (
    <Card className="max-w-3xl p-6">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
        {FIELDS.map((f) => (
          <Field
            key={f.name}
            label={f.label}
            htmlFor={f.name}
            error={fieldError(result, f.name)}
            hint={"hint" in f ? f.hint : undefined}
          >
            <Input
              id={f.name}
              name={f.name}
              defaultValue={initial[f.name]}
              aria-invalid={Boolean(fieldError(result, f.name))}
            />
          </Field>
        ))}
        <div className="sm:col-span-2">
          <Field label="Description" htmlFor="description" error={fieldError(result, "description")}>
            <Textarea id="description" name="description" rows={3} defaultValue={initial.description} />
          </Field>
        </div>
        <FormFooter result={result} pending={isExecuting} label={editing ? "Save system" : "Create system"} />
      </form>
    </Card>
  );
}
