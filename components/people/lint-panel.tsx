import type { LintFinding } from "@/lib/people/lint";

function Notes({ notes }: { notes: LintFinding[] }) {
  if (notes.length === 0) return null;
  return (
    <ul data-testid="lint-notes" className="-mt-2 mb-4 space-y-0.5 px-3 text-sm text-slate-600">
      {notes.map((f, i) => (
        <li key={i} data-code={f.code}>
          ℹ {f.message}
        </li>
      ))}
    </ul>
  );
}

/** The matrix linter's findings, shown where people edit (notes, such as an unused schedule, stop nothing). */
export function LintPanel({ findings, title = "Matrix check" }: { findings: LintFinding[]; title?: string }) {
  const notes = findings.filter((f) => f.severity === "info");
  const problems = findings.filter((f) => f.severity !== "info");
  if (problems.length === 0) {
    return (
      <>
        <p
          role="status"
          data-testid="lint-ok"
          className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800"
        >
          {title}: no problems found.
        </p>
        <Notes notes={notes} />
      </>
    );
  }
  const errors = problems.filter((f) => f.severity === "error").length;
  return (
    <>
      <div
        role="status"
        data-testid="lint-findings"
        className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
      >
        <p className="font-medium text-amber-900">
          {title}: {errors} problem(s) that would stop paging, {problems.length - errors} warning(s)
        </p>
        <ul className="mt-1 space-y-0.5">
          {problems.map((f, i) => (
            <li key={i} data-code={f.code} className={f.severity === "error" ? "text-red-700" : "text-amber-900"}>
              {f.severity === "error" ? "✖" : "⚠"} {f.message}
            </li>
          ))}
        </ul>
      </div>
      <Notes notes={notes} />
    </>
  );
}
