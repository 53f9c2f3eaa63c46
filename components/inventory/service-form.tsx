"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { createServiceAction, updateServiceAction } from "@/app/(app)/inventory/actions";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { SystemSelect } from "@/components/inventory/system-select";
import { fieldError } from "@/components/ui/form-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { Textarea } from "@/components/ui/textarea";
import { SERVICE_KINDS } from "@/lib/inventory/schemas";
import { formatMinutes, TIER_NAMES, TIERS } from "@/lib/inventory/tiers";

type ServiceFormValues = {
  id?: string;
  version?: number;
  systemId: string;
  name: string;
  kind: string;
  tier: number;
  rtoMinutes: number | null;
  rpoMinutes: number | null;
  owner: string;
  healthCheckUrl: string | null;
  notes: string;
};

type Props = {
  initial: ServiceFormValues;
  systems: { id: string; name: string }[];
  tierDefaults: { tier: number; rtoMinutes: number; rpoMinutes: number }[];
};

export function ServiceForm({ initial, systems, tierDefaults }: Props) {
  const router = useRouter();
  const editing = Boolean(initial.id);
  const create = useAction(createServiceAction, {
    onSuccess: ({ data }) => data && router.push(`/inventory/services/${data.id}`),
  });
  const update = useAction(updateServiceAction, {
    onSuccess: ({ data }) => data && router.push(`/inventory/services/${data.id}`),
  });
  const { result, isExecuting } = editing ? update : create;
  const error = (field: string) => fieldError(result, field);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    const fields = {
      systemId: value("systemId"),
      name: value("name"),
      kind: value("kind"),
      tier: Number(value("tier")),
      rtoMinutes: value("rtoMinutes"),
      rpoMinutes: value("rpoMinutes"),
      owner: value("owner"),
      healthCheckUrl: value("healthCheckUrl"),
      notes: value("notes"),
    };
    if (editing) update.execute({ ...fields, id: initial.id!, version: initial.version! });
    else create.execute(fields);
  }

  const defaultsHint = (key: "rtoMinutes" | "rpoMinutes") =>
    `Minutes. Blank uses the tier default (${tierDefaults.map((d) => `T${d.tier} ${formatMinutes(d[key])}`).join(", ") || "none set"}).`;

  return (
    <Card className="max-w-3xl p-6">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
        <Field label="System" htmlFor="systemId" error={error("systemId")}>
          <SystemSelect
            id="systemId"
            name="systemId"
            defaultValue={initial.systemId}
            aria-invalid={Boolean(error("systemId"))}
            systems={systems}
          />
        </Field>
        <Field label="Name" htmlFor="name" error={error("name")}>
          <Input id="name" name="name" defaultValue={initial.name} aria-invalid={Boolean(error("name"))} />
        </Field>
        <Field label="Kind" htmlFor="kind" error={error("kind")} hint="database, cache, api, queue… or your own">
          <Input
            id="kind"
            name="kind"
            list="service-kinds"
            defaultValue={initial.kind}
            aria-invalid={Boolean(error("kind"))}
          />
          <datalist id="service-kinds">
            {SERVICE_KINDS.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
        </Field>
        <Field label="Tier" htmlFor="tier" error={error("tier")}>
          <Select id="tier" name="tier" defaultValue={String(initial.tier)} aria-invalid={Boolean(error("tier"))}>
            {TIERS.map((tier) => (
              <option key={tier} value={tier}>
                Tier {tier} · {TIER_NAMES[tier]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="RTO (minutes)" htmlFor="rtoMinutes" error={error("rtoMinutes")} hint={defaultsHint("rtoMinutes")}>
          <Input
            id="rtoMinutes"
            name="rtoMinutes"
            inputMode="numeric"
            defaultValue={initial.rtoMinutes ?? ""}
            aria-invalid={Boolean(error("rtoMinutes"))}
          />
        </Field>
        <Field label="RPO (minutes)" htmlFor="rpoMinutes" error={error("rpoMinutes")} hint={defaultsHint("rpoMinutes")}>
          <Input
            id="rpoMinutes"
            name="rpoMinutes"
            inputMode="numeric"
            defaultValue={initial.rpoMinutes ?? ""}
            aria-invalid={Boolean(error("rpoMinutes"))}
          />
        </Field>
        <Field label="Owner (person or team)" htmlFor="owner" error={error("owner")}>
          <Input id="owner" name="owner" defaultValue={initial.owner} aria-invalid={Boolean(error("owner"))} />
        </Field>
        <Field label="Health-check URL" htmlFor="healthCheckUrl" error={error("healthCheckUrl")}>
          <Input
            id="healthCheckUrl"
            name="healthCheckUrl"
            type="url"
            defaultValue={initial.healthCheckUrl ?? ""}
            aria-invalid={Boolean(error("healthCheckUrl"))}
          />
        </Field>
        <div className="sm:col-span-2">
          <Field label="Notes" htmlFor="notes" error={error("notes")}>
            <Textarea
              id="notes"
              name="notes"
              rows={3}
              defaultValue={initial.notes}
              aria-invalid={Boolean(error("notes"))}
            />
          </Field>
        </div>
        <FormFooter result={result} pending={isExecuting} label={editing ? "Save service" : "Create service"} />
      </form>
    </Card>
  );
}
