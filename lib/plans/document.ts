// From a document to an import: read it (Markdown or YAML), let the person name the system when a Markdown
// plan does not, then preview or apply. Shared by the page's actions, the API route and the CLI, so they all
// answer the same thing for the same document.
import type { Db, Reader } from "@/lib/db/client";
import type { AuditActor } from "@/lib/audit/record";
import type { PlanReading } from "./format";
import { importPlan, type ImportOutcome } from "./import";
import type { ImportRequest } from "./schemas";
import { runPlanJobOffThread } from "./parse-pool";
import { formatFromName } from "./read";
import { planToYaml } from "./yaml/write";

/** "system\u0000service" keys of the services Lifeboat holds, so a plan may depend on one it does not list. */
async function findKnownServices(db: Reader): Promise<string[]> {
  const rows = await db.service.findMany({ select: { name: true, system: { select: { name: true } } } });
  return rows.map((r) => `${r.system.name}\u0000${r.name}`);
}

/**
 * Reads the document in a worker thread (lib/plans/parse-pool.ts), within the time budget; a name given by the
 * person replaces (or supplies) a Markdown plan's system name. The one way the app, the API and the CLI read.
 */
export function readForImport(request: ImportRequest, known?: string[]): Promise<PlanReading> {
  return runPlanJobOffThread({ kind: "read", request, knownServices: known });
}

export type ImportReport = {
  reading: Omit<PlanReading, "plan">;
  /** The plan as read, in the export format: a Markdown plan becomes plan-as-code here. */
  yaml: string;
  /** Null when the document itself has problems (nothing was tried against the database). */
  outcome: ImportOutcome | null;
};

export async function importDocument(
  db: Db,
  actor: AuditActor,
  request: ImportRequest,
  options: { apply: boolean; canEditTiers: boolean; expectedFingerprint?: string },
): Promise<ImportReport> {
  // Only a YAML plan's dependencies are checked against these (a Markdown one keeps only names it lists itself):
  // a file named .md skips the query. Telling the format from the content is the worker's job (it parses YAML).
  const known = formatFromName(request.fileName) === "markdown" ? undefined : await findKnownServices(db);
  const { plan, ...reading } = await readForImport(request, known);
  const yaml = reading.problems.length ? "" : planToYaml(plan);
  if (reading.problems.length) return { reading, yaml, outcome: null };
  const outcome = await importPlan(db, actor, plan, { ...options, source: request.fileName || reading.format });
  // Problems found against the database point at the YAML line they come from.
  if (reading.format === "yaml" && outcome.problems.length) {
    // Parsing the YAML again to find them is the worker's job too.
    const located = outcome.problems.filter((p) => p.path);
    const lines = await runPlanJobOffThread({ kind: "locate", text: request.text, paths: located.map((p) => p.path!) });
    located.forEach((problem, i) => (problem.line = lines[i]));
  }
  return { reading, yaml, outcome };
}
