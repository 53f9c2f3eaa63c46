"use client";
// Removes one override (asks first: the layers take the range back at once).

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { deleteOverrideAction } from "@/app/(app)/people/schedules/actions";
import { Button } from "@/components/ui/button";
import { FormErrors } from "@/components/ui/form-errors";

export function OverrideDeleteButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const remove = useAction(deleteOverrideAction, { onSuccess: () => router.refresh() });
  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant="secondary"
        className="min-h-11"
        aria-label={`Remove override: ${label}`}
        disabled={remove.isExecuting}
        onClick={() => window.confirm(`Remove the override ${label}?`) && remove.execute({ id })}
      >
        Remove
      </Button>
      <FormErrors result={remove.result} />
    </div>
  );
}
