"use client";
// Deletes a schedule; the server refuses while an escalation level pages it and names the policies.

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { deleteScheduleAction } from "@/app/(app)/people/schedules/actions";
import { Button } from "@/components/ui/button";
import { FormErrors } from "@/components/ui/form-errors";

export function DeleteScheduleButton({ id, version, name }: { id: string; version: number; name: string }) {
  const router = useRouter();
  const remove = useAction(deleteScheduleAction, { onSuccess: () => router.push("/people/schedules") });
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        className="min-h-11"
        disabled={remove.isExecuting}
        onClick={() =>
          window.confirm(`Delete the schedule ${name} and its overrides?`) && remove.execute({ id, version })
        }
      >
        Delete schedule
      </Button>
      <FormErrors result={remove.result} />
    </div>
  );
}
