import type { Metadata } from "next";
import Link from "next/link";
import { LintPanel } from "@/components/people/lint-panel";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { lintCurrentMatrix } from "@/lib/people/lint-now";
import { findPolicies } from "@/lib/people/policies";

export const metadata: Metadata = { title: "Escalation" };

export default async function PoliciesPage() {
  const { user, db } = await requirePage("people.read", "/people/policies");
  const [policies, findings] = await Promise.all([findPolicies(db), lintCurrentMatrix(db)]);
  return (
    <>
      <PageHeader
        title="Escalation policies"
        description="Who is paged, level by level, until someone acknowledges. A system uses its own policy, else the policy of its most critical tier."
        actions={can(user.role, "people.edit") && <LinkButton href="/people/policies/new">New policy</LinkButton>}
      />
      <LintPanel findings={findings} />
      {policies.length === 0 ? (
        <EmptyState title="No escalation policies yet" />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {policies.map((p) => (
            <Card key={p.id} className="p-4" data-testid="policy-card">
              <div className="flex items-baseline justify-between gap-2">
                <Link href={`/people/policies/${p.id}`} className="font-semibold text-brand-700 hover:underline">
                  {p.name}
                </Link>
                <Badge tone={p.system || p.tier ? "blue" : "slate"}>
                  {p.system ? p.system.name : p.tier ? `Tier ${p.tier}` : "not attached"}
                </Badge>
              </div>
              <ol className="mt-2 space-y-0.5 text-sm text-slate-700">
                {p.levels.map((l) => (
                  <li key={l.position}>
                    <span className="font-mono text-xs text-slate-500">T+{l.afterMinutes}m</span>{" "}
                    {[...l.contacts.map((c) => c.contact.name), ...l.roleTargets.map((r) => `«${r}»`)].join(", ")}{" "}
                    <span className="text-xs text-slate-500">
                      via {l.channels.map((c) => c.channel.name).join(", ")}
                    </span>
                  </li>
                ))}
              </ol>
              {p.repeatTimes > 0 && (
                <p className="mt-1 text-xs text-slate-500">
                  Repeats {p.repeatTimes}× after {p.repeatAfterMinutes} min.
                </p>
              )}
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
