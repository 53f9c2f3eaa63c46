import type { LintFinding } from "@/lib/people/lint";

/** The matrix linter's findings, shown where people edit. */
export function LintPanel({ findings, title = "Matrix check" }: { findings: LintFinding[]; title?: string }) {
  if (findings.length === 0) {
    return (
      <p
        role="status"
        data-testid="lint-ok"
        className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800"
      >
        {title}: no problems found.
      </p>
    );
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <div
      role="status"
      data-testid="lint-findings"
      className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
    >
      <p className="font-medium text-amber-900">
        {title}: {errors} problem(s) that would stop paging, {findings.length - errors} warning(s)
      </p>
      <ul className="mt-1 space-y-0.5">
        {findings.map((f, i) => (
          <li key={i} className={f.severity === "error" ? "text-red-700" : "text-amber-900"}>
            {f.severity === "error" ? "✖" : "⚠"} {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
