"use client";

import { useAction } from "next-safe-action/hooks";
import { updateTierDefaultsAction } from "@/app/(app)/inventory/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { FormErrors, nestedErrors } from "@/components/ui/form-errors";
import { TIER_NAMES, TIERS, type Tier } from "@/lib/inventory/tiers";

type Row = { tier: number; rtoMinutes: number; rpoMinutes: number; version: number };

/** The four tiers' default targets, edited as one table. Read-only for everyone but admins. */
export function TierDefaultsForm({ defaults, canEdit }: { defaults: Row[]; canEdit: boolean }) {
  const save = useAction(updateTierDefaultsAction);
  const byTier = new Map(defaults.map((d) => [d.tier, d]));
  const issues = nestedErrors(save.result, "tiers", (i) => `Tier ${i + 1}`);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.execute({
      tiers: TIERS.map((tier) => ({
        tier,
        version: byTier.get(tier)?.version ?? 1,
        rtoMinutes: String(form.get(`rto-${tier}`) ?? ""),
        rpoMinutes: String(form.get(`rpo-${tier}`) ?? ""),
      })),
    });
  }

  return (
    <Card className="max-w-2xl p-5">
      <form onSubmit={onSubmit} noValidate>
        <table className="w-full text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2">Tier</th>
              <th className="py-2">Default RTO (minutes)</th>
              <th className="py-2">Default RPO (minutes)</th>
            </tr>
          </thead>
          <tbody>
            {TIERS.map((tier) => (
              <tr key={tier}>
                <td className="py-1.5 pr-3 font-medium">
                  {tier} · {TIER_NAMES[tier as Tier]}
                </td>
                <td className="py-1.5 pr-3">
                  <Input
                    name={`rto-${tier}`}
                    aria-label={`Tier ${tier} RTO`}
                    inputMode="numeric"
                    defaultValue={byTier.get(tier)?.rtoMinutes ?? ""}
                    disabled={!canEdit}
                  />
                </td>
                <td className="py-1.5">
                  <Input
                    name={`rpo-${tier}`}
                    aria-label={`Tier ${tier} RPO`}
                    inputMode="numeric"
                    defaultValue={byTier.get(tier)?.rpoMinutes ?? ""}
                    disabled={!canEdit}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {canEdit && (
          <div className="mt-4 space-y-2">
            {issues.length > 0 && (
              <ul role="alert" className="list-inside list-disc text-sm text-red-600">
                {issues.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
            <FormErrors result={save.result} />
            {save.hasSucceeded && (
              <p role="status" className="text-sm text-green-700">
                Saved.
              </p>
            )}
            <Button type="submit" disabled={save.isExecuting}>
              Save tier defaults
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}
