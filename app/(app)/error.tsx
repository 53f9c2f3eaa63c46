"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

// Server errors arrive here without their message (Next hides it in production), so ask /api/health
// whether the cause is the database and say so plainly instead of a generic failure.
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [databaseDown, setDatabaseDown] = useState<boolean | null>(null);
  useEffect(() => {
    fetch("/api/health", { cache: "no-store" })
      .then((response) => setDatabaseDown(response.status === 503))
      .catch(() => setDatabaseDown(true));
  }, [error]);

  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-200 bg-white p-6 shadow-sm">
      <p className="text-lg font-semibold text-red-700">
        {databaseDown ? "Database unreachable" : "This page failed to load"}
      </p>
      <p className="mt-2 text-sm text-slate-600">
        {databaseDown
          ? "Lifeboat cannot reach its database right now. Nothing saved is lost; try again once it is back."
          : "Something went wrong on the server. It has been logged."}
        {error.digest && <span className="mt-1 block font-mono text-xs text-slate-400">Reference: {error.digest}</span>}
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
