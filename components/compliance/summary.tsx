import { Card } from "@/components/ui/card";
import type { Tally } from "@/lib/compliance/view";

const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : "—");
const share = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

export function ComplianceSummary({
  total,
  coverage,
}: {
  total: Tally;
  coverage: { systems: number; scheduled: number; overdue: number; drilled90: number };
}) {
  const withRto = total.services - total.noTarget;
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="compliance-summary">
      <Card className="p-4">
        <p className="text-sm text-slate-500">RTO proven and met</p>
        <p className="text-2xl font-semibold">{percent(total.pass, withRto)}</p>
        <p className="text-xs text-slate-500">
          {total.pass} passing · {total.fail} failing · {total.unproven} unproven of {withRto} with a target
        </p>
      </Card>
      <Card className="p-4">
        <p className="text-sm text-slate-500">RPO met now</p>
        <p className="text-2xl font-semibold">{percent(total.rpoWithin, total.rpoTargets)}</p>
        <p className="text-xs text-slate-500">
          {total.rpoWithin} of {total.rpoTargets} services with an RPO
        </p>
      </Card>
      <Card className="p-4">
        <p className="text-sm text-slate-500">Time within RPO</p>
        <p className="text-2xl font-semibold">{share(total.within30Avg)}</p>
        <p className="text-xs text-slate-500">last 30 days (90 days: {share(total.within90Avg)}), mean over services</p>
      </Card>
      <Card className="p-4" data-testid="drill-coverage">
        <p className="text-sm text-slate-500">Drill coverage</p>
        <p className="text-2xl font-semibold">{percent(coverage.scheduled, coverage.systems)}</p>
        <p className="text-xs text-slate-500">
          {coverage.scheduled} of {coverage.systems} systems scheduled · {coverage.overdue} overdue ·{" "}
          {coverage.drilled90} drilled in 90 days
        </p>
      </Card>
    </div>
  );
}

function GroupTable({ title, groups }: { title: string; groups: ({ label: string } & Tally)[] }) {
  return (
    // Six columns do not fit a phone: the table scrolls inside its card, the page does not.
    <Card className="overflow-x-auto p-4">
      <h2 className="mb-2 font-semibold">{title}</h2>
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1">{title.replace("By ", "")}</th>
            <th>Services</th>
            <th>RTO passing</th>
            <th>Failing</th>
            <th>Unproven</th>
            <th>RPO met</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {groups.map((g) => (
            <tr key={g.label}>
              <td className="py-1">{g.label}</td>
              <td>{g.services}</td>
              <td>{percent(g.pass, g.services - g.noTarget)}</td>
              <td className={g.fail ? "text-red-700" : ""}>{g.fail}</td>
              <td className={g.unproven ? "text-amber-700" : ""}>{g.unproven}</td>
              <td>{percent(g.rpoWithin, g.rpoTargets)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

type Groups = ({ label: string } & Tally)[];

/** The figures grouped by system and by tier, side by side: the page and the printable report show the same two. */
export function ComplianceGroups({
  bySystem,
  byTier,
  className,
}: {
  bySystem: Groups;
  byTier: Groups;
  className: string;
}) {
  return (
    <div className={className}>
      <GroupTable title="By system" groups={bySystem} />
      <GroupTable title="By tier" groups={byTier} />
    </div>
  );
}
