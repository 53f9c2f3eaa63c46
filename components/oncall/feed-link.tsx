"use client";
// A calendar feed's secret URL with a "New link" button (the old URL stops working). The URL is completed with
// the address the browser used, so it is the one a calendar app on this network can reach.

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useSyncExternalStore } from "react";
import { newFeedTokenAction } from "@/app/(app)/people/schedules/actions";
import { Button } from "@/components/ui/button";
import { FormErrors } from "@/components/ui/form-errors";

export function FeedLink({ kind, id, token }: { kind: "schedule" | "contact"; id: string; token: string | null }) {
  const router = useRouter();
  // The server renders the path alone; the browser adds its own origin.
  const origin = useSyncExternalStore(
    () => () => {},
    () => window.location.origin,
    () => "",
  );
  const renew = useAction(newFeedTokenAction, { onSuccess: () => router.refresh() });
  const current = renew.result.data?.feedToken ?? token;
  const url = current ? `${origin}/api/calendar/${kind}s/${current}` : null;
  return (
    <div className="space-y-2 text-sm" data-testid="feed-link">
      {url ? <FeedUrl url={url} /> : <p className="text-slate-600">No calendar link yet.</p>}
      <p className="text-xs text-slate-500">
        Anyone with this link sees the shifts: treat it like a password. A new link stops the old one at once.
      </p>
      <Button
        type="button"
        variant="secondary"
        className="min-h-11"
        disabled={renew.isExecuting}
        onClick={() =>
          (!current || window.confirm("Issue a new link? Calendars using the current one stop updating.")) &&
          renew.execute({ kind, id })
        }
      >
        {current ? "New link" : "Create link"}
      </Button>
      <FormErrors result={renew.result} />
    </div>
  );
}

function FeedUrl({ url }: { url: string }) {
  return (
    <input
      readOnly
      aria-label="Calendar feed URL"
      value={url}
      onFocus={(e) => e.currentTarget.select()}
      className="block min-h-11 w-full rounded-md border border-slate-300 bg-slate-50 px-2 font-mono text-xs"
    />
  );
}
