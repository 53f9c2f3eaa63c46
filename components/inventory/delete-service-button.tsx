"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteServiceAction } from "@/app/(app)/inventory/actions";
import { Button } from "@/components/ui/button";
import { FormErrors } from "@/components/ui/form-errors";

type Props = {
  id: string;
  version: number;
  name: string;
  dependents: { id: string; name: string; systemName: string }[];
  backupRuns: number;
};

/** Delete with a confirmation that lists every service that depends on this one. */
export function DeleteServiceButton({ id, version, name, dependents, backupRuns }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useAction(deleteServiceAction, { onSuccess: () => router.push("/inventory") });

  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Delete
      </Button>
    );
  }
  return (
    <div
      role="dialog"
      aria-label={`Delete ${name}`}
      className="w-full max-w-md rounded-md border border-red-200 bg-red-50 p-4 text-sm"
    >
      <p className="font-medium text-red-800">Delete {name}?</p>
      {dependents.length > 0 ? (
        <>
          <p className="mt-1 text-red-800">
            {dependents.length} service(s) depend on it. Their dependency on {name} will be removed too:
          </p>
          <ul className="mt-1 list-inside list-disc" data-testid="delete-dependents">
            {dependents.map((d) => (
              <li key={d.id}>
                {d.name} <span className="text-slate-500">({d.systemName})</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-1 text-red-800">Nothing depends on it.</p>
      )}
      {backupRuns > 0 && (
        <p className="mt-1 text-red-800" data-testid="delete-backups">
          Its backup policies and the history of {backupRuns} reported backup run(s) are deleted with it.
        </p>
      )}
      <div className="mt-3 space-y-2">
        <FormErrors result={remove.result} />
        <div className="flex gap-2">
          <Button
            variant="danger"
            disabled={remove.isExecuting}
            onClick={() => remove.execute({ id, version, confirmDependents: dependents.map((d) => d.id) })}
          >
            Delete service
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      </div>
    </div>
  );
}
