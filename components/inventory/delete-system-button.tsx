"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { deleteSystemAction } from "@/app/(app)/inventory/actions";
import { Button } from "@/components/ui/button";
import { FormErrors } from "@/components/ui/form-errors";

export function DeleteSystemButton({ id, version, name }: { id: string; version: number; name: string }) {
  const router = useRouter();
  const remove = useAction(deleteSystemAction, { onSuccess: () => router.push("/inventory/systems") });
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={remove.isExecuting}
        onClick={() => window.confirm(`Delete the system ${name}?`) && remove.execute({ id, version })}
      >
        Delete system
      </Button>
      <FormErrors result={remove.result} />
    </div>
  );
}
