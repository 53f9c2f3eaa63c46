// From a document to an import: read it (Markdown or YAML), let the person name the system when a Markdown
// plan does not, then preview or apply. Shared by the page's actions, the API route and the CLI, so they all
// answer the same thing for the same document.
import type { Db, Reader } from "@/lib/db/client";
import type { AuditActor } from "@/lib/audit/record";
import type { PlanReading } from "./format";
import { importPlan, type ImportOutcome } from "./import";
import type { ImportRequest } from "./schemas";
import { formatFromContent, formatFromName, readPlanDocument } from "./read";
import { planLineLocator, planToYaml, type KnownService } from "./yaml";

const NO_NAME = "No system name found: give one";

/** The services Lifeboat holds, so a plan may depend on one it does not list itself. */
export async function knownServices(db: Reader): Promise<KnownService> {
  const rows = await db.service.findMany({ select: { name: true, system: { select: { name: true } } } });
  const names = new Set(rows.map((r) => `${r.system.name}\u0000${r.name}`));
  return (system, service) => names.has(`${system}\u0000${service}`);
}

/** Reads the document; a name given by the person replaces (or supplies) a Markdown plan's system name. */
export function readForImport(request: ImportRequest, known?: KnownService): PlanReading {
  const reading = readPlanDocument({ name: request.fileName, text: request.text }, { known });
  const name = request.systemName?.trim();
  if (!name || reading.format !== "markdown" || reading.plan.systems.length !== 1) return reading;
  return {
    ...reading,
    plan: { ...reading.plan, systems: [{ ...reading.plan.systems[0]!, name }] },
    problems: reading.problems.filter((p) => p.message !== NO_NAME),
  };
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
  // Only a YAML plan's dependencies are checked while reading (a Markdown one keeps only names it lists itself).
  const isYaml = (formatFromName(request.fileName) ?? formatFromContent(request.text)) === "yaml";
  const { plan, ...reading } = readForImport(request, isYaml ? await knownServices(db) : undefined);
  const yaml = reading.problems.length ? "" : planToYaml(plan);
  if (reading.problems.length) return { reading, yaml, outcome: null };
  const outcome = await importPlan(db, actor, plan, { ...options, source: request.fileName || reading.format });
  // Problems found against the database point at the YAML line they come from.
  if (reading.format === "yaml" && outcome.problems.length) {
    const lineOf = planLineLocator(request.text);
    for (const problem of outcome.problems) if (problem.path) problem.line = lineOf(problem.path);
  }
  return { reading, yaml, outcome };
}
