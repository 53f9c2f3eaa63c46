"use client";
// Chooses several services by searching (works with thousands): chosen ones show as removable chips.
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { Input } from "@/components/ui/field";
import { fetchServiceOptions, serviceSearchKeys } from "@/components/inventory/service-search";

export type PickedService = { id: string; name: string; systemName?: string };

export function ServicePicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: PickedService[];
  onChange: (services: PickedService[]) => void;
}) {
  const [q, setQ] = useState("");
  const deferred = useDeferredValue(q);
  const options = useQuery({
    queryKey: serviceSearchKeys.query(deferred, ""),
    queryFn: () => fetchServiceOptions(deferred),
    enabled: deferred.trim().length > 0,
  });
  const chosen = new Set(value.map((s) => s.id));
  return (
    <div className="space-y-2">
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label="Affected services">
          {value.map((service) => (
            <li key={service.id} className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-sm">
              {service.name}
              <button
                type="button"
                aria-label={`Remove ${service.name}`}
                className="text-slate-500 hover:text-red-600"
                onClick={() => onChange(value.filter((s) => s.id !== service.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <Input
        id={id}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Search services to add…"
        autoComplete="off"
      />
      {deferred.trim() !== "" && (
        <ul className="max-h-48 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 bg-white text-sm">
          {options.isError && <li className="px-3 py-1.5 text-red-600">Search failed; try again.</li>}
          {options.data?.length === 0 && <li className="px-3 py-1.5 text-slate-500">No service matches.</li>}
          {options.data?.map((option) => (
            <li key={option.id}>
              <button
                type="button"
                disabled={chosen.has(option.id)}
                className="flex w-full justify-between px-3 py-1.5 text-left hover:bg-slate-50 disabled:text-slate-400"
                onClick={() => {
                  onChange([...value, { id: option.id, name: option.name, systemName: option.systemName }]);
                  setQ("");
                }}
              >
                <span>{option.name}</span>
                <span className="text-xs text-slate-500">
                  {option.systemName} · T{option.tier}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
