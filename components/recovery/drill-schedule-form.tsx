"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { saveDrillScheduleAction } from "@/app/(app)/runbooks/actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { FormErrors, fieldError } from "@/components/ui/form-errors";

const CADENCES = [
  [30, "Monthly"],
  [90, "Quarterly"],
  [180, "Twice a year"],
  [365, "Yearly"],
] as const;

export function DrillScheduleForm({ runbookId, everyDays }: { runbookId: string; everyDays: number | null }) {
  const router = useRouter();
  const save = useAction(saveDrillScheduleAction, { onSuccess: () => router.refresh() });
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const value = String(new FormData(event.currentTarget).get("everyDays"));
        save.execute({ runbookId, everyDays: value === "" ? null : Number(value) });
      }}
    >
      <Select
        name="everyDays"
        aria-label="Drill cadence"
        className="w-auto"
        defaultValue={everyDays === null ? "" : String(everyDays)}
      >
        <option value="">No drills</option>
        {CADENCES.map(([days, label]) => (
          <option key={days} value={days}>
            {label}
          </option>
        ))}
        {everyDays !== null && !CADENCES.some(([d]) => d === everyDays) && (
          <option value={everyDays}>Every {everyDays} days</option>
        )}
      </Select>
      <Button type="submit" variant="secondary" disabled={save.isExecuting}>
        Save schedule
      </Button>
      {fieldError(save.result, "everyDays") && (
        <p className="text-xs text-red-600">{fieldError(save.result, "everyDays")}</p>
      )}
      <FormErrors result={save.result} />
    </form>
  );
}
