"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { deleteContactAction } from "@/app/(app)/people/actions";
import { Button } from "@/components/ui/button";
import { FormErrors } from "@/components/ui/form-errors";

export function DeleteContactButton({
  id,
  version,
  name,
  usedBy,
}: {
  id: string;
  version: number;
  name: string;
  usedBy: string[];
}) {
  const router = useRouter();
  const remove = useAction(deleteContactAction, { onSuccess: () => router.push("/people") });
  return (
    <div className="space-y-2">
      {usedBy.length > 0 && (
        <p className="text-sm text-slate-600" data-testid="contact-usage">
          Paged by: {usedBy.join(", ")}. Remove {name} there before deleting.
        </p>
      )}
      <Button
        variant="secondary"
        disabled={remove.isExecuting}
        onClick={() => window.confirm(`Delete ${name}?`) && remove.execute({ id, version })}
      >
        Delete contact
      </Button>
      <FormErrors result={remove.result} />
    </div>
  );
}
