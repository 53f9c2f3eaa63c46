// Filters live in the URL (a plain GET form), so any view can be shared or bookmarked.
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { SystemSelect } from "@/components/inventory/system-select";
import { RTO_STATUS_LABELS, RTO_STATUSES } from "@/lib/compliance/rules";
import type { ComplianceFilter } from "@/lib/compliance/filter";
import { TIER_NAMES, TIERS } from "@/lib/inventory/tiers";

export function FilterBar({
  filter,
  systems,
  action = "/compliance",
}: {
  filter: ComplianceFilter;
  systems: { id: string; name: string }[];
  action?: string;
}) {
  return (
    <form method="get" action={action} className="mb-6 flex flex-wrap items-end gap-2 print:hidden" aria-label="Filter">
      <label className="text-sm">
        System
        <SystemSelect
          name="system"
          defaultValue={filter.systemId ?? ""}
          className="w-auto"
          systems={systems}
          empty="All systems"
        />
      </label>
      <label className="text-sm">
        Tier
        <Select name="tier" defaultValue={filter.tier ? String(filter.tier) : ""} className="w-auto">
          <option value="">All tiers</option>
          {TIERS.map((t) => (
            <option key={t} value={t}>
              Tier {t} · {TIER_NAMES[t]}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-sm">
        RTO status
        <Select name="status" defaultValue={filter.status ?? ""} className="w-auto">
          <option value="">Any</option>
          {RTO_STATUSES.map((s) => (
            <option key={s} value={s}>
              {RTO_STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-sm">
        Service
        <Input name="q" defaultValue={filter.q ?? ""} placeholder="name contains…" />
      </label>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </form>
  );
}
