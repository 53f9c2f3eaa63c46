import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import Link from "next/link";
import { Objective, TierBadge } from "@/components/inventory/tier-badge";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { SystemSelect } from "@/components/inventory/system-select";
import { LinkButton } from "@/components/ui/link-button";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import {
  findServiceCount,
  findKinds,
  findServicePage,
  serviceListQuerySchema,
  type ServiceListQuery,
  type ServiceSort,
} from "@/lib/inventory/service-list";
import { findSystemOptions } from "@/lib/inventory/queries";
import { TIER_NAMES, TIERS } from "@/lib/inventory/tiers";

export const metadata: Metadata = { title: "Services" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function hrefWith(query: ServiceListQuery, changes: Partial<ServiceListQuery>) {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (
      value !== undefined &&
      value !== "" &&
      !(key === "sort" && value === "name") &&
      !(key === "dir" && value === "asc")
    )
      params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/inventory?${search}` : "/inventory";
}

export default async function ServicesPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, db } = await requirePage("inventory.read", "/inventory");
  const raw = await searchParams;
  const query = serviceListQuerySchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])),
  );
  const [page, total, systems, kinds] = await Promise.all([
    findServicePage(db, query),
    findServiceCount(db, query),
    findSystemOptions(db),
    findKinds(db),
  ]);
  const canEdit = can(user.role, "inventory.edit");

  const sortHeader = (sort: ServiceSort, label: string) => {
    const active = query.sort === sort;
    const dir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <Link href={hrefWith(query, { sort, dir, after: undefined })} className="hover:underline">
        {label}
        {/* aria-sort belongs on a column header, not a link: the link says the order in words instead. */}
        {active && (
          <>
            <span aria-hidden>{query.dir === "asc" ? " ↑" : " ↓"}</span>
            <span className="sr-only">{query.dir === "asc" ? " (sorted ascending)" : " (sorted descending)"}</span>
          </>
        )}
      </Link>
    );
  };

  return (
    <>
      <PageHeader
        title="Services"
        description="Everything Lifeboat recovers, with its tier and objectives. RTO/RPO marked (tier) come from the tier defaults."
        actions={canEdit && <LinkButton href="/inventory/services/new">New service</LinkButton>}
      />
      <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[2fr_1.5fr_1fr_1fr_auto]">
        <Field label="Search" htmlFor="q">
          <Input id="q" name="q" defaultValue={query.q ?? ""} placeholder="name, owner or kind" />
        </Field>
        <Field label="System" htmlFor="system">
          <SystemSelect
            id="system"
            name="system"
            defaultValue={query.system ?? ""}
            systems={systems}
            empty="All systems"
          />
        </Field>
        <Field label="Tier" htmlFor="tier">
          <Select id="tier" name="tier" defaultValue={query.tier ? String(query.tier) : ""}>
            <option value="">All tiers</option>
            {TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {tier} · {TIER_NAMES[tier]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Kind" htmlFor="kind">
          <Select id="kind" name="kind" defaultValue={query.kind ?? ""}>
            <option value="">All kinds</option>
            {kinds.map((kind) => (
              <option key={kind}>{kind}</option>
            ))}
          </Select>
        </Field>
        <div className="flex items-end gap-2">
          {query.sort !== "name" && <input type="hidden" name="sort" value={query.sort} />}
          {query.dir !== "asc" && <input type="hidden" name="dir" value={query.dir} />}
          <Button type="submit">Filter</Button>
          <Link href="/inventory" className="px-1 py-1.5 text-sm text-slate-600 underline">
            Clear
          </Link>
        </div>
      </form>
      <p className="mb-2 text-sm text-slate-600" data-testid="service-count">
        {total} {total === 1 ? "service" : "services"}
      </p>
      {page.services.length === 0 ? (
        <EmptyState title="No services match">
          {canEdit ? "Change the filters, or add a service." : "Change the filters."}
        </EmptyState>
      ) : (
        <DataTable
          columns={[
            sortHeader("name", "Service"),
            sortHeader("system", "System"),
            sortHeader("tier", "Tier"),
            sortHeader("rto", "RTO"),
            sortHeader("rpo", "RPO"),
            "Needs / needed by",
            "Owner",
          ]}
        >
          {page.services.map((s) => (
            <tr key={s.id} data-testid="service-row">
              <td className="px-4 py-2">
                <Link href={`/inventory/services/${s.id}`} className="font-medium text-brand-700 hover:underline">
                  {s.name}
                </Link>
                <div className="text-xs text-slate-500">{s.kind}</div>
              </td>
              <td className="px-4 py-2">
                <Link href={`/inventory/systems/${s.systemId}`} className="hover:underline">
                  {s.systemName}
                </Link>
              </td>
              <td className="px-4 py-2">
                <TierBadge tier={s.tier} />
              </td>
              <td className="px-4 py-2">
                <Objective minutes={s.rtoMinutes} fromTier={s.rtoFromTier} />
              </td>
              <td className="px-4 py-2">
                <Objective minutes={s.rpoMinutes} fromTier={s.rpoFromTier} />
              </td>
              <td className="px-4 py-2 text-slate-600">
                {s.dependencies} / {s.dependents}
              </td>
              <td className="px-4 py-2 text-slate-600">{s.owner || "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="mt-4 flex justify-between text-sm">
        {query.after ? (
          <Link href={hrefWith(query, { after: undefined })} className="text-brand-600 underline">
            ← First page
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Link href={hrefWith(query, { after: page.nextCursor })} className="text-brand-600 underline">
            Next page →
          </Link>
        )}
      </div>
    </>
  );
}
