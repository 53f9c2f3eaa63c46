"use client";

import { useQuery } from "@tanstack/react-query";
import { useAction } from "next-safe-action/hooks";
import { useDeferredValue, useState } from "react";
import { addDependencyAction } from "@/app/(app)/inventory/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { fieldError, FormErrors } from "@/components/ui/form-errors";
import { fetchServiceOptions, serviceSearchKeys } from "./service-search";

/** Picks a service (any system) for this one to depend on. A cycle is refused with the loop named. */
export function AddDependency({ serviceId, existing }: { serviceId: string; existing: string[] }) {
  const [q, setQ] = useState("");
  const deferred = useDeferredValue(q);
  const options = useQuery({
    queryKey: serviceSearchKeys.query(deferred, serviceId),
    queryFn: () => fetchServiceOptions(deferred, serviceId),
    enabled: deferred.trim().length > 0,
  });
  const add = useAction(addDependencyAction, { onSuccess: () => setQ("") });
  const message = fieldError(add.result, "dependsOnId");
  const already = new Set(existing);

  return (
    <div className="space-y-2">
      <label htmlFor="dependency-search" className="block text-sm font-medium text-slate-700">
        Add a dependency
      </label>
      <Input
        id="dependency-search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Search services by name…"
        autoComplete="off"
      />
      {message && (
        <p role="alert" data-testid="dependency-error" className="text-sm text-red-600">
          {message}
        </p>
      )}
      <FormErrors result={add.result} />
      <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 bg-white text-sm">
        {options.isError && <li className="px-3 py-2 text-red-600">Search failed; try again.</li>}
        {deferred.trim() === "" && <li className="px-3 py-2 text-slate-500">Type to find a service in any system.</li>}
        {options.data?.length === 0 && <li className="px-3 py-2 text-slate-500">No service matches.</li>}
        {options.data?.map((option) => (
          <li key={option.id} className="flex items-center justify-between gap-2 px-3 py-1.5">
            <span>
              {option.name}{" "}
              <span className="text-xs text-slate-500">
                · {option.systemName} · T{option.tier}
              </span>
            </span>
            {already.has(option.id) ? (
              <span className="text-xs text-slate-400">already a dependency</span>
            ) : (
              <Button
                variant="secondary"
                disabled={add.isExecuting}
                onClick={() => add.execute({ serviceId, dependsOnId: option.id })}
                aria-label={`Depend on ${option.name}`}
              >
                Add
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
