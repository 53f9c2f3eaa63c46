"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { deletePolicyAction } from "@/app/(app)/people/actions";
import { Button } from "@/components/ui/button";
import { FormErrors } from "@/components/ui/form-errors";

export function DeletePolicyButton({ id, version, name }: { id: string; version: number; name: string }) {
  const router = useRouter();
  const remove = useAction(deletePolicyAction, { onSuccess: () => router.push("/people/policies") });
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        disabled={remove.isExecuting}
        onClick={() =>
          window.confirm(`Delete the policy ${name}? Systems using it fall back to their tier's policy.`) &&
          remove.execute({ id, version })
        }
      >
        Delete policy
      </Button>
      <FormErrors result={remove.result} />
    </div>
  );
}
