"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { declareIncidentAction } from "@/app/(app)/incidents/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { SystemSelect } from "@/components/inventory/system-select";
import { fieldError, FormErrors } from "@/components/ui/form-errors";
import { Textarea } from "@/components/ui/textarea";
import type { SEVERITIES, STATUS_PAGE_LEVELS } from "@/lib/incidents/model";
import { CommanderOptions, SeverityOptions, StatusPageOptions } from "./selects";
import { ServicePicker, type PickedService } from "./service-picker";

type Option = { id: string; name: string };

export function DeclareForm({
  systems,
  commanders,
  defaultCommanderId,
}: {
  systems: Option[];
  commanders: (Option & { email: string })[];
  defaultCommanderId?: string;
}) {
  const router = useRouter();
  const [services, setServices] = useState<PickedService[]>([]);
  const declare = useAction(declareIncidentAction, {
    onSuccess: ({ data }) => data && router.push(`/incidents/${data.id}`),
  });
  const error = (field: string) => fieldError(declare.result, field);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    declare.execute({
      title: value("title"),
      severity: value("severity") as (typeof SEVERITIES)[number],
      systemId: value("systemId"),
      serviceIds: services.map((s) => s.id),
      commanderId: value("commanderId"),
      statusPageLevel: value("statusPageLevel") as (typeof STATUS_PAGE_LEVELS)[number],
      note: value("note"),
    });
  }

  return (
    <Card className="max-w-3xl p-6">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
        <div className="sm:col-span-2">
          <Field label="What is happening?" htmlFor="title" error={error("title")}>
            <Input
              id="title"
              name="title"
              autoFocus
              aria-invalid={Boolean(error("title"))}
              placeholder="Checkout returns 502 for all users"
            />
          </Field>
        </div>
        <Field label="Severity" htmlFor="severity" error={error("severity")}>
          <Select id="severity" name="severity" defaultValue="SEV2">
            <SeverityOptions />
          </Select>
        </Field>
        <Field
          label="System"
          htmlFor="systemId"
          error={error("systemId")}
          hint="Its escalation policy starts paging at once."
        >
          <SystemSelect
            id="systemId"
            name="systemId"
            defaultValue=""
            systems={systems}
            empty="(from the services, or none)"
          />
        </Field>
        <div className="sm:col-span-2">
          <Field
            label="Affected services"
            htmlFor="services"
            error={error("serviceIds")}
            hint="Each gets a live RTO clock."
          >
            <ServicePicker id="services" value={services} onChange={setServices} />
          </Field>
        </div>
        <Field label="Incident commander" htmlFor="commanderId" error={error("commanderId")}>
          <Select id="commanderId" name="commanderId" defaultValue={defaultCommanderId ?? ""}>
            <CommanderOptions commanders={commanders} none="(nobody yet)" />
          </Select>
        </Field>
        <Field
          label="Public status page"
          htmlFor="statusPageLevel"
          error={error("statusPageLevel")}
          hint="Shows the title to everyone; you can publish later."
        >
          <Select id="statusPageLevel" name="statusPageLevel" defaultValue="operational">
            <StatusPageOptions />
          </Select>
        </Field>
        <div className="sm:col-span-2">
          <Field label="First note (optional)" htmlFor="note" error={error("note")}>
            <Textarea id="note" name="note" rows={3} />
          </Field>
        </div>
        <div className="sm:col-span-2 flex items-center gap-3">
          <Button type="submit" variant="danger" disabled={declare.isExecuting}>
            {declare.isExecuting ? "Declaring…" : "Declare incident"}
          </Button>
          <FormErrors result={declare.result} />
        </div>
      </form>
    </Card>
  );
}
