// Every fact a Markdown plan states, as read, with the line it came from: the person importing checks each
// against their document at a glance (and sees at once what was not read: the "Not found" list below it).
import { factInWords } from "@/lib/plans/fact-text";
import type { PlanFact } from "@/lib/plans/format";

export function PlanFacts({ facts }: { facts: PlanFact[] }) {
  if (!facts.length) return null;
  return (
    <details open className="text-sm">
      <summary className="cursor-pointer font-semibold">
        What the plan states: {facts.length} fact{facts.length === 1 ? "" : "s"}, each with its line
      </summary>
      <div className="mt-1 max-h-96 overflow-auto">
        <table className="w-full text-left text-xs" data-testid="plan-facts">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="w-14 py-1 pr-2 text-right">
                Line
              </th>
              <th scope="col" className="py-1 pr-2">
                What
              </th>
              <th scope="col" className="py-1 pr-2">
                Read as
              </th>
              <th scope="col" className="py-1 pr-2">
                For
              </th>
              <th scope="col" className="py-1">
                As written
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {facts.map((fact, i) => {
              const { label, value, scope } = factInWords(fact);
              return (
                <tr key={i} data-testid="plan-fact" data-kind={fact.kind} data-line={fact.line}>
                  <td className="py-1 pr-2 text-right font-mono text-slate-600">{fact.line || "–"}</td>
                  <td className="py-1 pr-2 font-medium">{label}</td>
                  <td className={`py-1 pr-2 ${fact.kind === "command" ? "font-mono" : ""}`}>{value}</td>
                  <td className="py-1 pr-2 text-slate-700">{scope ?? ""}</td>
                  <td className="py-1 text-slate-600">{fact.kind === "command" ? "" : fact.text}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
