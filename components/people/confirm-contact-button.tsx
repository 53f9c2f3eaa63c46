"use client";

import { useAction } from "next-safe-action/hooks";
import { confirmContactAction } from "@/app/(app)/people/actions";
import { Button } from "@/components/ui/button";

export function ConfirmContactButton({ id, version, name }: { id: string; version: number; name: string }) {
  const confirm = useAction(confirmContactAction);
  return (
    <div className="mt-1">
      <Button
        variant="secondary"
        className="text-xs"
        disabled={confirm.isExecuting}
        onClick={() => confirm.execute({ id, version })}
        aria-label={`Confirm ${name}'s details`}
      >
        Details still right
      </Button>
      {confirm.result.serverError && <p className="text-xs text-red-600">{confirm.result.serverError}</p>}
    </div>
  );
}
