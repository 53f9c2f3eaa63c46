import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactOnCall } from "@/components/oncall/contact-on-call";
import { ContactForm } from "@/components/people/contact-form";
import { DeleteContactButton } from "@/components/people/delete-contact-button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { findContactOnCall } from "@/lib/oncall/views";
import { findContactUsage } from "@/lib/people/contacts";
import { findContact, findPersonChannelOptions } from "@/lib/people/queries";
import { isStale } from "@/lib/people/model";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await requirePage("people.read", `/people/contacts/${id}`);
  const [contact, usage, onCall, channels] = await Promise.all([
    findContact(db, id),
    findContactUsage(db, id),
    findContactOnCall(db, id),
    findPersonChannelOptions(db),
  ]);
  if (!contact) notFound();
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  const usedBy = usage.map((u) => `${u.policyName} (level ${u.level})`);
  const confirmed = contact.confirmedAt ? contact.confirmedAt.toISOString().slice(0, 10) : "never";

  if (!can(user.role, "people.edit")) {
    return (
      <>
        <PageHeader title={contact.name} description={contact.title} />
        <Card className="max-w-2xl p-5 text-sm">
          <dl className="grid grid-cols-[10rem_1fr] gap-y-2">
            <dt className="text-slate-500">Team</dt>
            <dd>{[contact.team, contact.organization].filter(Boolean).join(" · ") || "—"}</dd>
            <dt className="text-slate-500">Email</dt>
            <dd>{contact.email ?? "—"}</dd>
            <dt className="text-slate-500">Phone</dt>
            <dd>{contact.phone ?? "—"}</dd>
            <dt className="text-slate-500">On-call roles</dt>
            <dd>{contact.roles.join(", ") || "—"}</dd>
            <dt className="text-slate-500">Notification rules</dt>
            <dd data-testid="contact-rules">
              {contact.notificationRules
                .map((r) => `${channelName.get(r.channelId) ?? "a removed channel"} at +${r.afterMinutes} min`)
                .join(", ") || "none: the level's channels"}
            </dd>
            <dt className="text-slate-500">Confirmed</dt>
            <dd>
              {confirmed}
              {isStale(contact.confirmedAt, new Date()) && " (stale)"}
            </dd>
            <dt className="text-slate-500">Paged by</dt>
            <dd>{usedBy.join(", ") || "no policy by name"}</dd>
          </dl>
        </Card>
        <ContactOnCall contactId={contact.id} onCall={onCall} canEdit={false} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={contact.name}
        description={`Details last confirmed: ${confirmed}`}
        actions={<DeleteContactButton id={contact.id} version={contact.version} name={contact.name} usedBy={usedBy} />}
      />
      <ContactForm initial={contact} channels={channels} />
      <ContactOnCall contactId={contact.id} onCall={onCall} canEdit />
    </>
  );
}
