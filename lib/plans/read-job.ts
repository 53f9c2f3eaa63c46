// What the plan-reading worker does (lib/plans/parse-worker.ts), kept free of the database and of Next so the
// worker bundle stays small: read a document for import, or find the YAML lines that import problems point at.
import type { PlanReading } from "./format";
import { readPlanDocument } from "./read";
import type { KnownService } from "./checks";
import { planLineLocator } from "./yaml/lines";

type ReadRequest = { text: string; fileName?: string; systemName?: string };

export type PlanJob =
  /** knownServices: "system\u0000service" keys of what Lifeboat holds (a YAML plan may depend on them). */
  { kind: "read"; request: ReadRequest; knownServices?: string[] } | { kind: "locate"; text: string; paths: string[] };

export type PlanJobResult<J extends PlanJob> = J extends { kind: "read" } ? PlanReading : (number | undefined)[];

const NO_NAME = "No system name found: give one";

/** Reads the document; a name given by the person replaces (or supplies) a Markdown plan's system name. */
function readForImport(request: ReadRequest, known?: KnownService): PlanReading {
  const reading = readPlanDocument({ name: request.fileName, text: request.text }, { known });
  const name = request.systemName?.trim();
  if (!name || reading.format !== "markdown" || reading.plan.systems.length !== 1) return reading;
  return {
    ...reading,
    plan: { ...reading.plan, systems: [{ ...reading.plan.systems[0]!, name }] },
    problems: reading.problems.filter((p) => p.message !== NO_NAME),
  };
}

export function runPlanJob(job: PlanJob): PlanReading | (number | undefined)[] {
  if (job.kind === "locate") {
    const lineOf = planLineLocator(job.text);
    return job.paths.map((path) => lineOf(path));
  }
  const names = job.knownServices && new Set(job.knownServices);
  return readForImport(job.request, names && ((system, service) => names.has(`${system}\u0000${service}`)));
}
