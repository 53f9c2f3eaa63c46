"use client";

import { useAction } from "next-safe-action/hooks";
import { removeDependencyAction } from "@/app/(app)/inventory/actions";
import { Button } from "@/components/ui/button";

export function RemoveDependencyButton({
  serviceId,
  dependsOnId,
  name,
}: {
  serviceId: string;
  dependsOnId: string;
  name: string;
}) {
  const remove = useAction(removeDependencyAction);
  return (
    <Button
      variant="ghost"
      className="text-xs"
      disabled={remove.isExecuting}
      onClick={() => remove.execute({ serviceId, dependsOnId })}
      aria-label={`Remove dependency on ${name}`}
    >
      Remove
    </Button>
  );
}
