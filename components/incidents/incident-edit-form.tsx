"use client";
// Severity, commander, status-page level and affected services, saved together against the version the
// commander saw: a concurrent change is refused with what the other person changed.
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateIncidentAction } from "@/app/(app)/incidents/actions";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { fieldError, FormErrors } from "@/components/ui/form-errors";
import { CommanderOptions, SeverityOptions, StatusPageOptions } from "./selects";
import type { Severity, StatusPageLevel } from "@/lib/generated/prisma/enums";
import { ServicePicker, type PickedService } from "./service-picker";

type Props = {
  incident: {
    id: string;
    version: number;
    severity: Severity;
    statusPageLevel: StatusPageLevel;
    commanderId: string | null;
    services: PickedService[];
  };
  commanders: { id: string; name: string; email: string }[];
};

export function IncidentEditForm({ incident, commanders }: Props) {
  const router = useRouter();
  const [services, setServices] = useState(incident.services);
  const update = useAction(updateIncidentAction, { onSuccess: () => router.refresh() });
  const error = (field: string) => fieldError(update.result, field);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.execute({
      incidentId: incident.id,
      version: incident.version,
      severity: String(form.get("severity")) as Severity,
      statusPageLevel: String(form.get("statusPageLevel")) as StatusPageLevel,
      commanderId: String(form.get("commanderId") ?? "") || null,
      serviceIds: services.map((s) => s.id),
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate key={incident.version}>
      <Field label="Severity" htmlFor="edit-severity" error={error("severity")}>
        <Select id="edit-severity" name="severity" defaultValue={incident.severity}>
          <SeverityOptions />
        </Select>
      </Field>
      <Field
        label="Status page shows"
        htmlFor="edit-status-page"
        error={error("statusPageLevel")}
        hint="The public sees the title and public notes."
      >
        <Select id="edit-status-page" name="statusPageLevel" defaultValue={incident.statusPageLevel}>
          <StatusPageOptions />
        </Select>
      </Field>
      <Field label="Commander" htmlFor="edit-commander" error={error("commanderId")}>
        <Select id="edit-commander" name="commanderId" defaultValue={incident.commanderId ?? ""}>
          <CommanderOptions commanders={commanders} none="(nobody)" />
        </Select>
      </Field>
      <Field label="Affected services" htmlFor="edit-services" error={error("serviceIds")}>
        <ServicePicker id="edit-services" value={services} onChange={setServices} />
      </Field>
      <Button type="submit" variant="secondary" disabled={update.isExecuting}>
        Save changes
      </Button>
      <FormErrors result={update.result} />
    </form>
  );
}
