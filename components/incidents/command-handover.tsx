"use client";
// "Hand over": the commander (or an admin) passes command to another admin or commander; and the nudge to
// move to Verifying once a run has verified every affected service.
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { changeStatusAction, handOverAction } from "@/app/(app)/incidents/actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { fieldError, FormErrors } from "@/components/ui/form-errors";

export function HandOver({
  incident,
  candidates,
}: {
  incident: { id: string; version: number };
  candidates: { id: string; name: string; email: string }[];
}) {
  const router = useRouter();
  const hand = useAction(handOverAction, { onSuccess: () => router.refresh() });
  if (candidates.length === 0) return null;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const toUserId = String(new FormData(event.currentTarget).get("toUserId") ?? "");
        hand.execute({ incidentId: incident.id, version: incident.version, toUserId });
      }}
    >
      <label htmlFor="handover-to" className="text-sm">
        Hand over to
      </label>
      <Select id="handover-to" name="toUserId" className="min-h-11 w-auto" defaultValue="">
        <option value="">Choose…</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.email})
          </option>
        ))}
      </Select>
      <Button type="submit" variant="secondary" className="min-h-11" disabled={hand.isExecuting}>
        Hand over
      </Button>
      {fieldError(hand.result, "toUserId") && (
        <p className="text-sm text-red-700" role="alert">
          {fieldError(hand.result, "toUserId")}
        </p>
      )}
      <FormErrors result={hand.result} />
    </form>
  );
}

export function MoveToVerifying({ incident }: { incident: { id: string; version: number } }) {
  const router = useRouter();
  const move = useAction(changeStatusAction, { onSuccess: () => router.refresh() });
  return (
    <div
      className="flex flex-wrap items-center gap-3 rounded-md border border-green-600 bg-green-50 p-3"
      data-testid="verify-banner"
    >
      <p className="text-sm text-green-900">A recovery run finished and every affected service is verified healthy.</p>
      <Button
        className="min-h-11"
        disabled={move.isExecuting}
        onClick={() =>
          move.execute({ incidentId: incident.id, version: incident.version, status: "verifying", note: "" })
        }
      >
        Move to Verifying
      </Button>
      <FormErrors result={move.result} />
    </div>
  );
}
