import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import Link from "next/link";
import { AuditDiff } from "@/components/admin/audit-diff";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { findAuditEntityTypes, findAuditEvents } from "@/lib/audit/queries";
import { parseAuditSearchParams } from "@/lib/audit/search-params";
import { requirePage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { db } = await requirePage("audit.read", "/admin/audit");
  const raw = await searchParams;
  const filter = parseAuditSearchParams(raw);
  const [{ events, nextBefore }, entityTypes] = await Promise.all([
    findAuditEvents(db, filter),
    findAuditEntityTypes(db),
  ]);
  const value = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : "");
  const nextHref = nextBefore
    ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string")), before: String(nextBefore) })}`
    : null;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made in Lifeboat: who, what, when, and the record before and after."
      />
      <form className="mb-4 grid gap-3 sm:grid-cols-5" method="get">
        <Field label="Actor" htmlFor="actor">
          <Input id="actor" name="actor" defaultValue={value("actor")} placeholder="email contains…" />
        </Field>
        <Field label="Action" htmlFor="action">
          <Input id="action" name="action" defaultValue={value("action")} placeholder="e.g. user." />
        </Field>
        <Field label="Entity" htmlFor="entityType">
          <Select id="entityType" name="entityType" defaultValue={value("entityType")}>
            <option value="">All</option>
            {entityTypes.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </Select>
        </Field>
        <Field label="From (UTC date)" htmlFor="from">
          <Input id="from" name="from" type="date" defaultValue={value("from")} />
        </Field>
        <div className="flex items-end gap-2">
          <Button type="submit">Filter</Button>
          <Link href="/admin/audit" className="px-2 py-1.5 text-sm text-slate-600 underline">
            Clear
          </Link>
        </div>
      </form>
      {events.length === 0 ? (
        <EmptyState title="No audit events match">Change the filters, or make a change somewhere.</EmptyState>
      ) : (
        <DataTable columns={["When (UTC)", "Actor", "Action", "Entity", "Change"]}>
          {events.map((event) => (
            <tr key={String(event.id)} data-testid="audit-row" className="align-top">
              <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">
                {event.at.toISOString().replace("T", " ").slice(0, 19)}
              </td>
              <td className="px-4 py-2">{event.actorEmail}</td>
              <td className="px-4 py-2 font-mono text-xs">{event.action}</td>
              <td className="px-4 py-2 text-xs">
                {event.entityType}
                <div className="font-mono text-slate-400">{event.entityId}</div>
              </td>
              <td className="px-4 py-2">
                <AuditDiff before={event.before} after={event.after} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {nextHref && (
        <div className="mt-4 text-right">
          <Link href={nextHref} className="text-sm text-brand-600 underline">
            Older events →
          </Link>
        </div>
      )}
    </>
  );
}
