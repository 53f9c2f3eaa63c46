import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import Link from "next/link";
import { ConfirmContactButton } from "@/components/people/confirm-contact-button";
import { LintPanel } from "@/components/people/lint-panel";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { findContacts } from "@/lib/people/contacts";
import { lintCurrentMatrix } from "@/lib/people/lint-now";
import { isStale } from "@/lib/people/model";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  const { user, db } = await requirePage("people.read", "/people");
  const [contacts, findings] = await Promise.all([findContacts(db), lintCurrentMatrix(db)]);
  const canEdit = can(user.role, "people.edit");
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Contacts"
        description="Everyone Lifeboat can page, inside and outside the company. Details not confirmed in 90 days are marked stale."
        actions={canEdit && <LinkButton href="/people/contacts/new">New contact</LinkButton>}
      />
      <LintPanel findings={findings} />
      {contacts.length === 0 ? (
        <EmptyState title="No contacts yet">
          {canEdit && "Add the people and vendor desks your DR plan relies on."}
        </EmptyState>
      ) : (
        <DataTable columns={["Contact", "Team / organization", "Reach", "On-call roles", "Confirmed"]}>
          {contacts.map((c) => {
            const stale = isStale(c.confirmedAt, now);
            return (
              <tr key={c.id} data-testid={`contact-row-${c.name}`}>
                <td className="px-4 py-2">
                  <Link href={`/people/contacts/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.name}
                  </Link>{" "}
                  {c.external && <Badge tone="blue">external</Badge>}
                  <div className="text-xs text-slate-500">{c.title}</div>
                </td>
                <td className="px-4 py-2 text-slate-600">
                  {[c.team, c.organization].filter(Boolean).join(" · ") || "—"}
                </td>
                <td className="px-4 py-2 text-xs">
                  <div>{c.email ?? <span className="text-slate-400">no email</span>}</div>
                  <div>{c.phone ?? <span className="text-slate-400">no phone</span>}</div>
                  {c.preferredChannels.length > 0 && (
                    <div className="text-slate-500">prefers {c.preferredChannels.join(", ")}</div>
                  )}
                </td>
                <td className="px-4 py-2 text-slate-600">{c.roles.join(", ") || "—"}</td>
                <td className="px-4 py-2">
                  {stale ? <Badge tone="amber">stale</Badge> : <Badge tone="green">current</Badge>}
                  <div className="text-xs text-slate-500">
                    {c.confirmedAt ? c.confirmedAt.toISOString().slice(0, 10) : "never"}
                  </div>
                  {canEdit && stale && <ConfirmContactButton id={c.id} version={c.version} name={c.name} />}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}
