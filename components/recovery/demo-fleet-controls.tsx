"use client";
// Break or restore one simulated service. Each button's accessible name starts with its visible label (WCAG 2.5.3,
// for speech input: "click Break quietly") and then says which service.

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { breakDemoAction, restoreDemoAction } from "@/app/(app)/runbooks/actions";
import { Button } from "@/components/ui/button";
import { FormErrors } from "@/components/ui/form-errors";

export function DemoFleetControls({ slug, name, healthy }: { slug: string; name: string; healthy: boolean }) {
  const router = useRouter();
  const breakIt = useAction(breakDemoAction, {
    onSuccess: ({ data }) => (data?.incident ? router.push(`/incidents/${data.incident.id}`) : router.refresh()),
  });
  const restore = useAction(restoreDemoAction, { onSuccess: () => router.refresh() });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {healthy ? (
        <>
          <Button
            variant="danger"
            onClick={() => breakIt.execute({ slug, raiseAlert: true })}
            disabled={breakIt.isExecuting}
            aria-label={`Break + alert: ${name}`}
          >
            Break + alert
          </Button>
          <Button
            variant="secondary"
            onClick={() => breakIt.execute({ slug, raiseAlert: false })}
            disabled={breakIt.isExecuting}
            aria-label={`Break quietly: ${name}`}
          >
            Break quietly
          </Button>
        </>
      ) : (
        <Button
          variant="secondary"
          onClick={() => restore.execute({ slug })}
          disabled={restore.isExecuting}
          aria-label={`Restore by hand: ${name}`}
        >
          Restore by hand
        </Button>
      )}
      <FormErrors result={breakIt.result} />
      <FormErrors result={restore.result} />
    </div>
  );
}
