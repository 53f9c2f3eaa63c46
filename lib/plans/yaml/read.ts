// Reads the YAML (and JSON: JSON is YAML) form of a plan: a problem per mistake, each with the line it is on.
import { isMap, LineCounter, parseDocument, Scalar, visit, type Document } from "yaml";
import { dependencyChecks, duplicateNameChecks, type KnownService, type PathedProblem } from "../checks";
import { planSchema, type Plan, type PlanProblem, type PlanReading } from "../format";
import type { PathSegment } from "../paths";
import { lineOfPath, normalizeLineBreaks } from "./lines";
import { zodProblems } from "./schema-problems";

const EMPTY_PLAN = (): Plan => ({ systems: [] });

/** Tags a plan may state explicitly (`!!str 123`); anything else (`!foo`, `!!binary`) is refused. */
const CORE_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq", "merge"].map((t) => `tag:yaml.org,2002:${t}`),
);

export type PlanReadOptions = { known?: KnownService };

/**
 * Reads a YAML (or JSON) plan. Every mistake is a problem with its line: YAML syntax, several documents, custom
 * tags, a root that is not a mapping, each schema issue (unknown fields named on their own line), duplicate
 * names, dependsOn naming no service of the plan (nor one `options.known` accepts) and dependency cycles.
 * `plan` is the plan when it matches the schema (even with problems of the later checks), else empty.
 */
/** The yaml parser recurses once per level of nesting: "a: : : : …" thousands deep overflows its stack. */
function parseOrNull(text: string, lineCounter: LineCounter) {
  try {
    return parseDocument(text, { lineCounter, merge: true, uniqueKeys: true, prettyErrors: false, logLevel: "error" });
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

export function parsePlanYaml(source: string, options: PlanReadOptions = {}): PlanReading {
  const reading: PlanReading = {
    format: "yaml",
    plan: EMPTY_PLAN(),
    problems: [],
    unparsed: [],
    notFound: [],
    notes: [],
    facts: [],
  };
  const text = normalizeLineBreaks(source.replace(/^\uFEFF/, ""));
  const lineCounter = new LineCounter();
  const doc = parseOrNull(text, lineCounter);
  if (!doc) {
    reading.problems.push({ message: 'The YAML nests too deeply to be a plan (a run of ": " or of indentation?)' });
    return reading;
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;

  // Syntax: reported alone (schema problems of a half-read document would only be noise).
  for (const error of doc.errors) reading.problems.push(syntaxProblem(doc, error, lineAt));
  if (reading.problems.length > 0) return reading;

  for (const warning of doc.warnings) {
    if (warning.code === "TAG_RESOLVE_FAILED") continue; // reported below, as every custom tag is
    reading.notes.push({ line: lineAt(warning.pos[0]), message: `YAML: ${firstLine(warning.message)}` });
  }

  visit(doc, {
    Node(_key, node) {
      if (node.tag && !CORE_TAGS.has(node.tag)) {
        const line = node.range ? lineAt(node.range[0]) : undefined;
        reading.problems.push({
          line,
          message: `Custom YAML tag ${shortTag(node.tag)} is not supported: a plan holds plain values`,
        });
      }
    },
  });
  if (reading.problems.length > 0) return reading;

  if (!isMap(doc.contents)) {
    const line = doc.contents?.range ? lineAt(doc.contents.range[0]) : 1;
    reading.problems.push({ line, message: "Not a plan: expected a mapping with systems:" });
    return reading;
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    // Excessive aliasing (a "billion laughs" document) and other composition failures.
    reading.problems.push({
      line: 1,
      message: `The YAML could not be read: ${error instanceof Error ? error.message : String(error)}`,
    });
    return reading;
  }

  const locate = (path: readonly PathSegment[]) => lineOfPath(doc, path, lineAt);
  const result = planSchema.safeParse(data);
  if (!result.success) {
    reading.problems.push(...zodProblems(result.error.issues, data, locate));
    return reading;
  }

  reading.plan = result.data;
  const withLine = (problem: PathedProblem): PlanProblem => ({
    line: locate(problem.at),
    path: problem.path,
    message: problem.message,
  });
  reading.problems.push(
    ...duplicateNameChecks(result.data).map(withLine),
    ...dependencyChecks(result.data, options.known).map(withLine),
  );
  return reading;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function shortTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

function syntaxProblem(
  doc: Document.Parsed,
  error: { code: string; message: string; pos: [number, number] },
  lineAt: (offset: number) => number,
): PlanProblem {
  if (error.code === "MULTIPLE_DOCS") {
    return {
      line: lineAt(error.pos[0]),
      message: `Several YAML documents (a "---" at line ${lineAt(error.pos[0])}): a plan is one document`,
    };
  }
  let line = lineAt(error.pos[0]);
  let message = firstLine(error.message);
  const quote = /^Missing closing (["'])quote/.exec(message);
  if (quote) {
    // The parser notices at the end of the input; the mistake is where the quote opened.
    const opened = quotedScalarAround(doc, error.pos[0]);
    if (opened !== undefined) line = lineAt(opened);
    message = `Missing closing ${quote[1]} quote`;
  }
  return { line, message: `YAML syntax error: ${message}` };
}

/** Start offset of the innermost quoted scalar that reaches the offset (an unclosed one runs to the end). */
function quotedScalarAround(doc: Document.Parsed, offset: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if (
        (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) &&
        node.range &&
        node.range[0] <= offset &&
        offset <= node.range[2]
      ) {
        if (found === undefined || node.range[0] > found) found = node.range[0];
      }
    },
  });
  return found;
}
