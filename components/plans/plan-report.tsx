// What reading and importing a plan found: problems (nothing is applied while there are any), what would be
// created, changed or skipped and why, how things were read, what the plan does not state, and every line
// that was not understood, with its line number.
import { Badge, Card } from "@/components/ui/card";
import type { ImportReport } from "@/lib/plans/document";
import type { ChangeAction, PlanChange } from "@/lib/plans/import/context";
import { PlanFacts } from "./plan-facts";

const ACTION_LABELS: Record<ChangeAction, string> = {
  create: "Create",
  update: "Change",
  skip: "Skipped",
  unchanged: "Unchanged",
};
const ACTION_TONES: Record<ChangeAction, "green" | "amber" | "slate" | "blue"> = {
  create: "green",
  update: "amber",
  skip: "slate",
  unchanged: "blue",
};

function ChangeList({ changes }: { changes: PlanChange[] }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {changes.map((change, i) => (
        <li key={i} className="py-1.5" data-testid="plan-change" data-action={change.action}>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={ACTION_TONES[change.action]}>{ACTION_LABELS[change.action]}</Badge>
            <span className="text-slate-500">{change.entity}</span>
            <span className="font-medium">{change.name}</span>
          </div>
          {change.details.length > 0 && (
            <ul className="ml-6 mt-1 list-disc text-xs text-slate-600">
              {change.details.map((d, k) => (
                <li key={k}>{d}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

export function PlanReport({ report, children }: { report: ImportReport; children?: React.ReactNode }) {
  const { reading, outcome, yaml } = report;
  const problems = [...reading.problems, ...(outcome?.problems ?? [])];
  const changes = outcome?.changes ?? [];
  const active = changes.filter((c) => c.action !== "unchanged");
  const unchanged = changes.filter((c) => c.action === "unchanged");
  const notes = [
    ...(outcome?.interpretations ?? []).map((n) => n.message),
    ...reading.notes.map((n) => (n.line ? `line ${n.line}: ${n.message}` : n.message)),
  ];
  return (
    <Card className="space-y-4 p-4" data-testid="plan-report">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">
          Preview ({reading.format === "markdown" ? "Markdown plan" : "YAML plan"})
          {outcome && (
            <span className="ml-2 text-sm font-normal text-slate-600">
              {outcome.counts.create} to create · {outcome.counts.update} to change · {outcome.counts.skip} skipped ·{" "}
              {outcome.counts.unchanged} unchanged
            </span>
          )}
        </h2>
        {yaml && (
          <a
            className="text-sm text-brand-700 underline"
            download="lifeboat-plan.yaml"
            href={`data:application/yaml;charset=utf-8,${encodeURIComponent(yaml)}`}
          >
            Download as plan-as-code (YAML)
          </a>
        )}
      </div>

      {problems.length > 0 && (
        <section aria-labelledby="plan-problems" className="rounded-md border border-red-200 bg-red-50 p-3">
          <h3 id="plan-problems" className="text-sm font-semibold text-red-800">
            {problems.length} problem{problems.length === 1 ? "" : "s"}: nothing will be applied
          </h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-red-800" data-testid="plan-problems">
            {problems.map((p, i) => (
              <li key={i}>{p.line ? `line ${p.line}: ${p.message}` : p.message}</li>
            ))}
          </ul>
        </section>
      )}

      {active.length > 0 && <ChangeList changes={active} />}
      {unchanged.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">{unchanged.length} already as the plan says</summary>
          <ChangeList changes={unchanged} />
        </details>
      )}

      <PlanFacts facts={reading.facts} />
      {notes.length > 0 && (
        <section>
          <h3 className="text-sm font-semibold">How it was read</h3>
          <ul className="list-disc pl-5 text-xs text-slate-600">
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      {reading.notFound.length > 0 && (
        <section>
          <h3 className="text-sm font-semibold">Not found in the plan</h3>
          <ul className="list-disc pl-5 text-xs text-slate-600" data-testid="plan-not-found">
            {reading.notFound.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      {reading.unparsed.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm font-semibold">
            {reading.unparsed.length} lines not understood (not imported)
          </summary>
          <ol className="mt-1 max-h-96 overflow-auto font-mono text-xs text-slate-600" data-testid="plan-unparsed">
            {reading.unparsed.map((l) => (
              <li key={l.line}>
                <span className="inline-block w-12 select-none text-right text-slate-400">{l.line}</span> {l.text}
              </li>
            ))}
          </ol>
        </details>
      )}
      {children}
    </Card>
  );
}
