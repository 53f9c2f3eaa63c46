// Which runbooks fit an incident: the ones that cover its affected services, best first. A runbook "covers" the
// services its health-check steps verify (the most precise link the data model has: a runbook only proves a
// service back by checking it). A runbook without such steps falls back to every service of its system.
export type CoverageRunbook = {
  id: string;
  name: string;
  /** Union of serviceIds of its health-check steps. */
  checkedServiceIds: string[];
  /** Services of the runbook's system: the fallback claim when it checks none. */
  systemServiceIds: string[];
};

/** The services a runbook's health-check steps verify. */
export const checkedServices = (steps: { kind: string; serviceIds: string[] }[]) => [
  ...new Set(steps.filter((s) => s.kind === "healthcheck").flatMap((s) => s.serviceIds)),
];

export type Coverage = { covered: string[]; extra: number; precise: boolean };

export function coverageOf(runbook: CoverageRunbook, affectedIds: readonly string[]): Coverage {
  const precise = runbook.checkedServiceIds.length > 0;
  const claims = new Set(precise ? runbook.checkedServiceIds : runbook.systemServiceIds);
  const covered = affectedIds.filter((id) => claims.has(id));
  return { covered, extra: claims.size - covered.length, precise };
}

/**
 * Matching runbooks (cover at least one affected service) first: most affected services covered, then fewest
 * extra services, then those proven by health checks, then by name. The best match is preselected; when
 * nothing matches, nothing is.
 */
export function rankRunbooks<R extends CoverageRunbook>(runbooks: R[], affectedIds: readonly string[]) {
  const scored = runbooks.map((runbook) => ({ runbook, coverage: coverageOf(runbook, affectedIds) }));
  const matching = scored
    .filter((s) => s.coverage.covered.length > 0)
    .sort(
      (a, b) =>
        b.coverage.covered.length - a.coverage.covered.length ||
        a.coverage.extra - b.coverage.extra ||
        Number(b.coverage.precise) - Number(a.coverage.precise) ||
        a.runbook.name.localeCompare(b.runbook.name),
    );
  const others = scored
    .filter((s) => s.coverage.covered.length === 0)
    .sort((a, b) => a.runbook.name.localeCompare(b.runbook.name));
  return { matching, others, best: matching[0]?.runbook.id ?? null };
}
