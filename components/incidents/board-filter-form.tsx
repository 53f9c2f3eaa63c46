// The board's filters as a plain GET form: the URL holds them, so a reload or a shared link shows the same
// board, and it works before (or without) JavaScript. next/form turns the submit into a client navigation.
import Form from "next/form";
import Link from "next/link";
import { hasFilters, type BoardFilters } from "@/lib/incidents/board-filters";
import { SEVERITIES, SEVERITY_LABELS } from "@/lib/incidents/model";

const control = "min-h-11 w-full max-w-full rounded-md border border-slate-300 bg-white px-2 text-sm";
// On a phone each select takes its own row at the screen's width (a long system name must not widen the page).
const field = "flex min-w-0 max-w-full flex-col text-xs text-slate-700 max-sm:basis-full";
const check = "inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm";

export function BoardFilterForm({
  filters,
  systems,
}: {
  filters: BoardFilters;
  systems: { id: string; name: string }[];
}) {
  return (
    <Form action="/command" className="mb-4 flex flex-wrap items-end gap-2" aria-label="Filter the board">
      <label className={check}>
        <input type="checkbox" name="unack" value="1" defaultChecked={filters.unacknowledged} className="h-5 w-5" />
        Unacknowledged
      </label>
      <label className={check}>
        <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} className="h-5 w-5" />
        Mine (I command)
      </label>
      <label className={field}>
        System
        <select name="system" defaultValue={filters.systemId ?? ""} className={control}>
          <option value="">All systems</option>
          {systems.map((system) => (
            <option key={system.id} value={system.id}>
              {system.name}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        Severity
        <select name="severity" defaultValue={filters.severity ?? ""} className={control}>
          <option value="">All severities</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {SEVERITY_LABELS[severity]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="min-h-11 rounded-md bg-brand-600 px-4 text-sm font-medium text-white">
        Apply filters
      </button>
      {hasFilters(filters) && (
        <Link href="/command" className="inline-flex min-h-11 items-center px-2 text-sm text-brand-700 underline">
          Clear filters
        </Link>
      )}
    </Form>
  );
}
