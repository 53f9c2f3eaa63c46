import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditDiff } from "@/components/admin/audit-diff";
import { DeletePolicyButton } from "@/components/people/delete-policy-button";
import { LintPanel } from "@/components/people/lint-panel";
import { PolicyEditor } from "@/components/people/policy-editor";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { findAuditEvents } from "@/lib/audit/queries";
import { requirePage } from "@/lib/auth/session";
import { editorOptions } from "@/lib/people/editor-options";
import { lintMatrix } from "@/lib/people/lint";
import { findPagingData } from "@/lib/people/queries";
import { findPolicy } from "@/lib/people/policies";

export const metadata: Metadata = { title: "Escalation policy" };

export default async function PolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await requirePage("people.read", `/people/policies/${id}`);
  const [policy, data, history] = await Promise.all([
    findPolicy(db, id),
    findPagingData(db),
    findAuditEvents(db, { entityType: "EscalationPolicy", entityId: id }).then((page) => page.events),
  ]);
  if (!policy) notFound();
  // One load serves both the editor's choices and the linter.
  const options = editorOptions(data);
  const findings = lintMatrix({ ...data, now: new Date() });
  const editable = {
    id: policy.id,
    version: policy.version,
    name: policy.name,
    description: policy.description,
    systemId: policy.systemId,
    tier: policy.tier,
    repeatTimes: policy.repeatTimes,
    repeatAfterMinutes: policy.repeatAfterMinutes,
    levels: policy.levels.map((l) => ({
      afterMinutes: l.afterMinutes,
      contactIds: l.contacts.map((c) => c.contact.id),
      roleTargets: l.roleTargets,
      channelIds: l.channels.map((c) => c.channel.id),
      scheduleIds: l.schedules.map((s) => s.schedule.id),
    })),
  };
  return (
    <>
      <PageHeader
        title={policy.name}
        description={`Version ${policy.version}`}
        actions={
          <div className="flex items-start gap-4">
            <Link href={`/people/paging?policy=${policy.id}`} className="pt-1.5 text-sm text-brand-700 underline">
              Who is paged at T+N? →
            </Link>
            {can(user.role, "people.edit") && (
              <DeletePolicyButton id={policy.id} version={policy.version} name={policy.name} />
            )}
          </div>
        }
      />
      <LintPanel title="This policy" findings={findings.filter((f) => f.policyId === policy.id)} />
      <PolicyEditor key={policy.version} {...options} policy={editable} canEdit={can(user.role, "people.edit")} />
      <h2 className="mb-2 mt-8 font-semibold">History</h2>
      <Card className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="policy-history">
          <tbody className="divide-y divide-slate-100 align-top">
            {history.map((event) => (
              <tr key={String(event.id)}>
                <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">
                  {event.at.toISOString().replace("T", " ").slice(0, 19)}
                </td>
                <td className="px-4 py-2">{event.actorEmail}</td>
                <td className="px-4 py-2 font-mono text-xs">{event.action}</td>
                <td className="px-4 py-2">
                  <AuditDiff before={event.before} after={event.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
