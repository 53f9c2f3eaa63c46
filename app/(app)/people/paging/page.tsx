import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { SystemSelect } from "@/components/inventory/system-select";
import { requirePage } from "@/lib/auth/session";
import { findServiceOptions, findSystemOptions } from "@/lib/inventory/queries";
import { findPolicyOptions } from "@/lib/people/queries";
import type { Page } from "@/lib/people/paging";
import { pagingQuerySchema } from "@/lib/people/schemas";
import { simulatePaging } from "@/lib/people/simulate";

export const metadata: Metadata = { title: "Who is paged?" };

function PageRows({ pages, testId }: { pages: Page[]; testId: string }) {
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1">When</th>
          <th className="py-1">Level</th>
          <th className="py-1">Who</th>
          <th className="py-1">Channel</th>
          <th className="py-1">Address</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {pages.map((p, i) => (
          <tr key={i} className={p.reachable ? "" : "text-red-700"}>
            <td className="py-1 font-mono text-xs">T+{p.at}m</td>
            <td className="py-1">
              {p.level}
              {p.cycle > 0 && <span className="text-xs text-slate-500"> (repeat {p.cycle})</span>}
            </td>
            <td className="py-1">
              {p.schedule ? (
                <span data-testid="schedule-target">
                  {p.schedule.name} → {p.contact?.name ?? "nobody on call"}
                  {p.contact && (
                    <span className="text-xs text-slate-500"> (on call at T+{p.schedule.onCallAt ?? p.at}m)</span>
                  )}
                </span>
              ) : (
                (p.contact?.name ?? "the channel's room")
              )}
            </td>
            <td className="py-1">
              {p.channel ? (
                <>
                  {p.channel.name} <Badge>{p.channel.type}</Badge>
                </>
              ) : (
                "—"
              )}
            </td>
            <td className="py-1 font-mono text-xs">{p.reachable ? p.address : `✖ ${p.problem}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function PagingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { db } = await requirePage("people.read", "/people/paging");
  const params = pagingQuerySchema.parse(await searchParams);
  const [systems, policies, services] = await Promise.all([
    findSystemOptions(db),
    findPolicyOptions(db),
    params.system ? findServiceOptions(db, { systemId: params.system }) : Promise.resolve([]),
  ]);
  const asked = params.policy || params.system || params.service;
  const result = asked
    ? await simulatePaging(
        db,
        { policyId: params.policy, systemId: params.system, serviceId: params.service },
        params.minute,
      )
    : null;

  return (
    <>
      <PageHeader
        title="Who is paged at T+N?"
        description="Pick a system, one of its services or a policy, and a minute after the incident opened, with nobody acknowledging."
      />
      <form method="get" className="mb-6 grid gap-3 sm:grid-cols-[1fr_1fr_1fr_8rem_auto]">
        <Field label="System" htmlFor="system">
          <SystemSelect id="system" name="system" defaultValue={params.system ?? ""} systems={systems} empty="—" />
        </Field>
        <Field label="Service (optional)" htmlFor="service">
          <Select id="service" name="service" defaultValue={params.service ?? ""}>
            <option value="">{params.system ? "— the whole system —" : "choose a system first"}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Or a policy" htmlFor="policy">
          <Select id="policy" name="policy" defaultValue={params.policy ?? ""}>
            <option value="">—</option>
            {policies.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Minute (T+N)" htmlFor="minute">
          <Input id="minute" name="minute" inputMode="numeric" defaultValue={params.minute} />
        </Field>
        <div className="flex items-end">
          <Button type="submit">Simulate</Button>
        </div>
      </form>
      {!result ? (
        <EmptyState title="Choose what to simulate" />
      ) : !result.policy || !result.at ? (
        <EmptyState title="No escalation policy applies">
          Nobody would be paged. Attach a policy to the system or its tier.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <p className="text-sm" data-testid="paging-summary">
            Policy <strong>{result.policy.name}</strong> ({result.because}). At T+{result.at.minute}m{" "}
            {result.at.currentLevel === null
              ? "nobody has been paged yet."
              : `level ${result.at.currentLevel} has fired; ${result.at.fired.length} notification(s) sent so far.`}
          </p>
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">Sent by T+{result.at.minute}m</h2>
            {result.at.fired.length ? (
              <PageRows pages={result.at.fired} testId="paged-so-far" />
            ) : (
              <p className="text-sm text-slate-500">Nothing yet.</p>
            )}
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 font-semibold">Next, if still nobody acknowledges</h2>
            {result.at.upcoming.length ? (
              <PageRows pages={result.at.upcoming} testId="paged-next" />
            ) : (
              <p className="text-sm text-slate-500">The policy has run out: nobody else will be paged.</p>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
