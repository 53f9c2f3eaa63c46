import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { ChannelForm } from "@/components/people/channel-form";
import { ChannelRowActions } from "@/components/people/channel-row-actions";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { findChannels } from "@/lib/people/channels";
import { findContactOptions, findRecentDeliveries } from "@/lib/people/queries";

export const metadata: Metadata = { title: "Channels" };

export default async function ChannelsPage() {
  const { user, db } = await requirePage("people.read", "/people/channels");
  const [channels, contacts, deliveries] = await Promise.all([
    findChannels(db),
    findContactOptions(db),
    findRecentDeliveries(db),
  ]);
  const canEdit = can(user.role, "people.edit");
  const smtp = Boolean(env().SMTP_URL);

  return (
    <>
      <PageHeader
        title="Channels"
        description={`Where notifications go. Email ${smtp ? "sends through the configured SMTP server" : "is off: SMTP_URL is not set"}.`}
      />
      {canEdit && (
        <Card className="mb-6 p-5">
          <h2 className="mb-3 font-semibold">Add a channel</h2>
          <ChannelForm />
        </Card>
      )}
      {channels.length === 0 ? (
        <EmptyState title="No channels yet" />
      ) : (
        <Card className="mb-6 overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">Channel</th>
                <th className="px-4 py-2">Goes to</th>
                <th className="px-4 py-2">State</th>
                {canEdit && <th className="px-4 py-2">Actions</th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {channels.map((c) => (
                <tr key={c.id} className="align-top" data-testid={`channel-row-${c.name}`}>
                  <td className="px-4 py-2">
                    <span className="font-medium">{c.name}</span> <Badge>{c.type}</Badge>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">
                    {c.type === "email" ? "each contact's email" : c.maskedUrl}
                  </td>
                  <td className="px-4 py-2">
                    {!c.enabled ? (
                      <Badge>off</Badge>
                    ) : c.type === "email" && !smtp ? (
                      <Badge tone="amber">not configured</Badge>
                    ) : (
                      <Badge tone="green">ready</Badge>
                    )}
                  </td>
                  {canEdit && (
                    <td className="px-4 py-2">
                      <ChannelRowActions channel={c} contacts={contacts} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <h2 className="mb-2 font-semibold">Recent deliveries</h2>
      {deliveries.length === 0 ? (
        <EmptyState title="Nothing sent yet" />
      ) : (
        <DataTable testId="deliveries" columns={["When (UTC)", "Channel", "To", "What", "Outcome"]}>
          {deliveries.map((d) => (
            <tr key={String(d.id)}>
              <td className="px-4 py-2 font-mono text-xs">
                {d.createdAt.toISOString().replace("T", " ").slice(0, 19)}
              </td>
              <td className="px-4 py-2">{d.channel.name}</td>
              <td className="px-4 py-2 font-mono text-xs">{d.target}</td>
              <td className="px-4 py-2">
                {d.kind}: {d.subject}
              </td>
              <td className="px-4 py-2">
                <Badge tone={d.status === "sent" ? "green" : d.status === "failed" ? "red" : "slate"}>{d.status}</Badge>{" "}
                <span className="text-xs text-slate-500">
                  {d.attempts} attempt(s){d.responseStatus ? ` · ${d.responseStatus}` : ""}
                  {d.lastError && d.status !== "sent" ? ` · ${d.lastError}` : ""}
                </span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
