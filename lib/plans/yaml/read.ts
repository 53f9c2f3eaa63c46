// The YAML (and JSON: JSON is YAML) form of a plan: parsePlanYaml reads one with a problem per mistake, each
// with the line it is on; planToYaml writes one deterministically (what `plan export` prints).
import { z } from "zod";
import {
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  visit,
  type Node as YamlNode,
  type YAMLMap,
} from "yaml";
import { PLAN_FORMAT_VERSION, planSchema, type Plan, type PlanProblem, type PlanReading } from "../format";

const EMPTY_PLAN = (): Plan => ({ systems: [] });

/** Tags a plan may state explicitly (`!!str 123`); anything else (`!foo`, `!!binary`) is refused. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq", "merge"].map((t) => `tag:yaml.org,2002:${t}`));

type PathSegment = string | number;

/** `systems[0].services[2].rtoMinutes`; keys that are not identifiers as `config["a b"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** Normalises line breaks (CRLF and a lone CR are one break, as in YAML) so that line numbers are right. */
export function normalizeLineBreaks(source: string): string {
  return source.replace(/\r\n?/g, "\n");
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** Services outside the plan that a dependsOn may name (the importer passes what the database holds). */
export type KnownService = (system: string, service: string) => boolean;
export type PlanReadOptions = { known?: KnownService };

/**
 * Reads a YAML (or JSON) plan. Every mistake is a problem with its line: YAML syntax, several documents, custom
 * tags, a root that is not a mapping, each schema issue (unknown fields named on their own line), duplicate
 * names, dependsOn naming no service of the plan (nor one `options.known` accepts) and dependency cycles.
 * `plan` is the plan when it matches the schema (even with problems of the later checks), else empty.
 */
export function parsePlanYaml(source: string, options: PlanReadOptions = {}): PlanReading {
  const reading: PlanReading = { format: "yaml", plan: EMPTY_PLAN(), problems: [], unparsed: [], notFound: [], notes: [] };
  const text = normalizeLineBreaks(source.replace(/^\uFEFF/, ""));
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, merge: true, uniqueKeys: true, prettyErrors: false, logLevel: "error" });
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
        reading.problems.push({ line, message: `Custom YAML tag ${shortTag(node.tag)} is not supported: a plan holds plain values` });
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
    reading.problems.push({ line: 1, message: `The YAML could not be read: ${error instanceof Error ? error.message : String(error)}` });
    return reading;
  }

  const locate = (path: readonly PathSegment[]) => lineOfPath(doc, path, lineAt);
  const result = planSchema.safeParse(data);
  if (!result.success) {
    reading.problems.push(...zodProblems(result.error.issues, data, locate));
    return reading;
  }

  reading.plan = result.data;
  const withLine = (problem: PathedProblem): PlanProblem => ({ line: locate(problem.at), path: problem.path, message: problem.message });
  reading.problems.push(...duplicateNameChecks(result.data).map(withLine), ...dependencyChecks(result.data, options.known).map(withLine));
  return reading;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function shortTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

function syntaxProblem(doc: Document.Parsed, error: { code: string; message: string; pos: [number, number] }, lineAt: (offset: number) => number): PlanProblem {
  if (error.code === "MULTIPLE_DOCS") {
    return { line: lineAt(error.pos[0]), message: `Several YAML documents (a "---" at line ${lineAt(error.pos[0])}): a plan is one document` };
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
      if ((node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) && node.range && node.range[0] <= offset && offset <= node.range[2]) {
        if (found === undefined || node.range[0] > found) found = node.range[0];
      }
    },
  });
  return found;
}

/** The line of the node at the path, or of its nearest existing parent; for a mapping member, its key's line. */
function lineOfPath(doc: Document.Parsed, path: readonly PathSegment[], lineAt: (offset: number) => number): number {
  let node: unknown = doc.contents;
  let line = doc.contents?.range ? lineAt(doc.contents.range[0]) : 1;
  for (const segment of path) {
    node = resolve(doc, node);
    if (isMap(node)) {
      const pair = findPair(doc, node, String(segment), new Set());
      if (!pair) break;
      const key = pair.key as YamlNode | null;
      const value = pair.value as YamlNode | null;
      const at = key?.range?.[0] ?? value?.range?.[0];
      if (at !== undefined) line = lineAt(at);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as YamlNode | undefined;
      if (!item) break;
      if (item.range) line = lineAt(item.range[0]);
      node = item;
    } else break;
  }
  return line;
}

/**
 * Finds the lines of plan paths ("systems[0].services[1].dependsOn[0]") in a YAML source, for problems found
 * after reading (the importer's, against the database). Parses once; answers undefined if the source does not parse.
 */
export function planLineLocator(source: string): (path: string) => number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(normalizeLineBreaks(source.replace(/^\uFEFF/, "")), { lineCounter, merge: true, prettyErrors: false, logLevel: "silent" });
  if (doc.errors.length) return () => undefined;
  return (path) => {
    const segments: PathSegment[] = [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
    return lineOfPath(doc, segments, (offset) => lineCounter.linePos(offset).line);
  };
}

function resolve(doc: Document.Parsed, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(doc);
  return current;
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return (typeof value === "symbol" && value.description === "<<") || (value === "<<" && (!key.type || key.type === Scalar.PLAIN));
}

/** The pair for a key: the map's own, else one merged in with `<<:` (earlier sources win, as when merging). */
function findPair(doc: Document.Parsed, map: YAMLMap, key: string, seen: Set<unknown>): { key: unknown; value: unknown } | undefined {
  if (seen.has(map)) return undefined;
  seen.add(map);
  for (const pair of map.items) {
    if (isPair(pair) && !isMergeKey(pair.key) && keyText(pair.key) === key) return pair;
  }
  for (const pair of map.items) {
    if (!isPair(pair) || !isMergeKey(pair.key)) continue;
    const source = resolve(doc, pair.value);
    const sources = isSeq(source) ? source.items.map((item) => resolve(doc, item)) : [source];
    for (const merged of sources) {
      if (!isMap(merged)) continue;
      const found = findPair(doc, merged, key, seen);
      if (found) return found;
    }
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return "";
  return typeof key === "object" ? undefined : String(key);
}

// zod issues → problems ---------------------------------------------------------------------------------------

type Issue = z.core.$ZodIssue;

function zodProblems(issues: readonly Issue[], data: unknown, locate: (path: readonly PathSegment[]) => number): PlanProblem[] {
  const problems: PlanProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((s): s is PathSegment => typeof s === "string" || typeof s === "number");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const line = locate([...path, key]);
        const where = path.length > 0 ? `in ${formatPath(path)}` : "at the top level";
        problems.push({ line, path: formatPath([...path, key]), message: `Unknown field "${key}" ${where}` });
      }
      continue;
    }
    const at = formatPath(path);
    const message = issueMessage(issue, valueAt(data, path));
    problems.push({ line: locate(path), path: at || undefined, message: at ? `${at}: ${message}` : message });
  }
  return problems;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

/** zod's own messages ("Invalid input: expected string, received number") in the plan's words; format.ts's kept. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (big|small)|Unrecognized)/;

function issueMessage(issue: Issue, value: unknown): string {
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type": {
      if (value === undefined) return "is required";
      const expected = EXPECTED[issue.expected] ?? `must be ${issue.expected}`;
      return `${expected} (got ${describeValue(value)})`;
    }
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of: ${issue.values.map((v) => String(v)).join(", ")}`;
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "array" || issue.origin === "set") return `has at most ${max} items`;
      if (issue.origin === "string") return `is at most ${max} characters`;
      return issue.inclusive === false ? `must be below ${max}` : `is at most ${max}`;
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "array" || issue.origin === "set") return `needs at least ${min} item${min === 1 ? "" : "s"}`;
      if (issue.origin === "string") return min <= 1 ? "is required" : `is at least ${min} characters`;
      return issue.inclusive === false ? `must be above ${min}` : `is at least ${min}`;
    }
    default:
      return issue.message;
  }
}

const EXPECTED: Record<string, string> = {
  string: "must be text",
  number: "must be a number",
  int: "must be a whole number",
  boolean: "must be true or false",
  array: "must be a list",
  object: "must be a mapping (field: value)",
  record: "must be a mapping (field: value)",
};

function describeValue(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number") return Number.isInteger(value) ? `${value}` : `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object") return "a mapping";
  return typeof value;
}

// Checks zod cannot make ----------------------------------------------------------------------------------

/** A problem found on the plan itself, placed by its path (the caller adds lines when it has a source). */
type PathedProblem = { at: PathSegment[]; path: string; message: string };

function pathed(at: PathSegment[], message: string): PathedProblem {
  const path = formatPath(at);
  return { at, path, message: `${path}: ${message}` };
}

function duplicateNameChecks(plan: Plan): PathedProblem[] {
  const problems: PathedProblem[] = [];
  const check = <T extends { name: string }>(items: readonly T[] | undefined, at: PathSegment[], what: string, within: string) => {
    const first = new Map<string, number>();
    (items ?? []).forEach((item, index) => {
      const earlier = first.get(item.name);
      if (earlier === undefined) first.set(item.name, index);
      else problems.push(pathed([...at, index, "name"], `duplicate ${what} "${item.name}"${within} (first at ${formatPath([...at, earlier])})`));
    });
  };
  check(plan.systems, ["systems"], "system", "");
  plan.systems.forEach((system, s) => {
    check(system.services, ["systems", s, "services"], "service", ` in system "${system.name}"`);
    check(system.runbooks, ["systems", s, "runbooks"], "runbook", ` in system "${system.name}"`);
  });
  return problems;
}

/** Duplicate system names, and duplicate service or runbook names within a system. Problems carry paths, not lines. */
export function duplicateNameProblems(plan: Plan): PlanProblem[] {
  return duplicateNameChecks(plan).map(({ path, message }) => ({ path, message }));
}

type ServiceRef = { system: number; service: number };

function dependencyChecks(plan: Plan, known?: KnownService): PathedProblem[] {
  const problems: PathedProblem[] = [];
  // Names → first occurrence (duplicates are reported on their own).
  const servicesOf = plan.systems.map((system) => {
    const services = new Map<string, number>();
    system.services?.forEach((service, i) => {
      if (!services.has(service.name)) services.set(service.name, i);
    });
    return services;
  });
  const systems = new Map<string, { index: number; services: Map<string, number> }>();
  plan.systems.forEach((system, s) => {
    if (!systems.has(system.name)) systems.set(system.name, { index: s, services: servicesOf[s]! });
  });

  const key = (ref: ServiceRef) => `${ref.system}/${ref.service}`;
  const edges = new Map<string, { to: ServiceRef; at: PathSegment[] }[]>();

  plan.systems.forEach((system, s) => {
    system.services?.forEach((service, i) => {
      const from = { system: s, service: i };
      service.dependsOn?.forEach((entry, d) => {
        const at: PathSegment[] = ["systems", s, "services", i, "dependsOn", d];
        let to: ServiceRef | undefined;
        // The same system first (a service name may contain "/"), then "System / service".
        const same = servicesOf[s]!.get(entry);
        if (same !== undefined) to = { system: s, service: same };
        const splits = crossSystemSplits(entry);
        for (const split of splits) {
          if (to) break;
          const target = systems.get(split.system);
          const index = target?.services.get(split.service);
          if (target && index !== undefined) to = { system: target.index, service: index };
        }
        if (to) {
          const list = edges.get(key(from)) ?? [];
          list.push({ to, at });
          edges.set(key(from), list);
          return;
        }
        if (known && (known(system.name, entry) || splits.some((split) => known(split.system, split.service)))) return;
        const namedSystem = splits.find((split) => systems.has(split.system));
        problems.push(
          pathed(
            at,
            namedSystem
              ? `no service "${namedSystem.service}" in system "${namedSystem.system}"`
              : splits.length > 0
                ? `no service "${entry}" in system "${system.name}", and no system "${splits[0]!.system}"`
                : `no service "${entry}" in system "${system.name}"`,
          ),
        );
      });
    });
  });

  // Cycles: a depth-first search from every service in plan order; each cycle reported once.
  const state = new Map<string, "active" | "done">();
  const stack: { ref: ServiceRef; at?: PathSegment[] }[] = [];
  const reported = new Set<string>();
  const label = (ref: ServiceRef, crossSystem: boolean) => {
    const system = plan.systems[ref.system]!;
    const service = system.services![ref.service]!;
    return crossSystem ? `${system.name} / ${service.name}` : service.name;
  };
  const visitNode = (ref: ServiceRef) => {
    state.set(key(ref), "active");
    for (const edge of edges.get(key(ref)) ?? []) {
      const target = key(edge.to);
      if (state.get(target) === "active") {
        // The cycle: from the target's place on the stack up to ref (the top), and back to the target.
        const start = stack.findIndex((entry) => key(entry.ref) === target);
        const cycle = stack.slice(start).map((entry) => entry.ref);
        const cycleEdges = [...stack.slice(start + 1).map((entry) => entry.at!), edge.at];
        // Start with the service that comes first in the plan, so the report does not depend on where the search began.
        let first = 0;
        cycle.forEach((node, n) => {
          const best = cycle[first]!;
          if (node.system < best.system || (node.system === best.system && node.service < best.service)) first = n;
        });
        const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
        const rotatedEdges = [...cycleEdges.slice(first), ...cycleEdges.slice(0, first)];
        const id = rotated.map(key).join(">");
        if (!reported.has(id)) {
          reported.add(id);
          const crossSystem = rotated.some((node) => node.system !== rotated[0]!.system);
          const names = [...rotated, rotated[0]!].map((node) => label(node, crossSystem));
          problems.push({ at: rotatedEdges[0]!, path: formatPath(rotatedEdges[0]!), message: `Dependency cycle: ${names.join(" → ")}` });
        }
      } else if (!state.has(target)) {
        stack.push({ ref: edge.to, at: edge.at });
        visitNode(edge.to);
        stack.pop();
      }
    }
    state.set(key(ref), "done");
  };
  plan.systems.forEach((system, s) =>
    system.services?.forEach((_service, i) => {
      const ref = { system: s, service: i };
      if (state.has(key(ref))) return;
      stack.push({ ref });
      visitNode(ref);
      stack.pop();
    }),
  );
  return problems;
}

/** Every way to read "System / service" (either name may contain "/"), both sides trimmed. */
function crossSystemSplits(entry: string): { system: string; service: string }[] {
  const splits: { system: string; service: string }[] = [];
  for (let at = entry.indexOf("/"); at !== -1; at = entry.indexOf("/", at + 1)) {
    const system = entry.slice(0, at).trim();
    const service = entry.slice(at + 1).trim();
    if (system && service) splits.push({ system, service });
  }
  return splits;
}

/**
 * dependsOn entries that name no service: a name in the same system, or "System / service" in another system
 * of the plan; `known` may accept names outside the plan (the importer passes what the database holds).
 * Also a dependency cycle within the plan ("Dependency cycle: a → b → a", placed on its first edge).
 * Problems carry paths, not lines.
 */
export function dependencyProblems(plan: Plan, known?: KnownService): PlanProblem[] {
  return dependencyChecks(plan, known).map(({ path, message }) => ({ path, message }));
}

// ---------------------------------------------------------------------------------------------------------
// Writing

export const PLAN_YAML_HEADER = ` Lifeboat DR plan (format version ${PLAN_FORMAT_VERSION}). Schema: docs/plan.schema.json`;

/** Strings a YAML 1.1 reader (PyYAML, older tools) would take for a boolean, a number or a date: quoted. */
const YAML_11_AMBIGUOUS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[-+]?[0-9][0-9_]*|[-+]?0b[01_]+|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?|\.(?:inf|Inf|INF|nan|NaN|NAN)|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?)$/;

/**
 * The plan as YAML: fields in the order format.ts declares them, lists in the given order, omitted fields
 * and empty optional lists left out (but dependsOn, where an empty list says "depends on nothing"), multi-line
 * text as literal blocks, no line folding. The same plan always gives the same text.
 */
/** The plan with keys in the format's order and empty optional parts left out: what export writes, as a value. */
export function orderedPlan(plan: Plan): Record<string, unknown> {
  return (ordered(plan, planSchema) ?? {}) as Record<string, unknown>;
}

export function planToYaml(plan: Plan): string {
  const value = orderedPlan(plan);
  const doc = new Document(value, { version: "1.2" });
  doc.commentBefore = PLAN_YAML_HEADER;
  visit(doc, {
    Scalar(_key, node) {
      // "<<" as a plain key would be read back as a merge key.
      if (typeof node.value === "string" && (node.value === "<<" || YAML_11_AMBIGUOUS.test(node.value))) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  // Double-quoted text stays on one line: yaml 2.9 folds long ones across lines and then mis-escapes a line of one space.
  return doc.toString({
    lineWidth: 0,
    minContentWidth: 0,
    blockQuote: "literal",
    defaultStringType: "PLAIN",
    defaultKeyType: "PLAIN",
    doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY,
  });
}

/** A copy of the value with object keys in schema order, undefined and (but for dependsOn) empty lists left out. */
function ordered(value: unknown, schema: z.ZodType | undefined): unknown {
  const inner = unwrap(schema);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const element = inner instanceof z.ZodArray ? (inner.element as z.ZodType) : undefined;
    return value.map((item) => ordered(item, element));
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const put = (key: string, fieldSchema: z.ZodType | undefined) => {
    const field = source[key];
    if (field === undefined) return;
    // An empty list says nothing, except for dependsOn ("depends on nothing") and lists the format requires.
    if (Array.isArray(field) && field.length === 0 && key !== "dependsOn" && (fieldSchema?.isOptional() ?? true)) return;
    define(out, key, ordered(field, fieldSchema));
  };
  if (inner instanceof z.ZodObject) {
    const shape = inner.shape as Record<string, z.ZodType>;
    for (const key of Object.keys(shape)) put(key, shape[key]);
    for (const key of Object.keys(source)) if (!Object.hasOwn(shape, key)) put(key, undefined);
  } else {
    const valueSchema = inner instanceof z.ZodRecord ? (inner.valueType as z.ZodType) : undefined;
    for (const key of Object.keys(source)) {
      // In free-form values (a step's config) an empty list is data, not "nothing stated".
      if (source[key] !== undefined) define(out, key, ordered(source[key], valueSchema));
    }
  }
  return out;
}

/** Sets a key as data even when it is "__proto__". */
function define(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; depth < 20 && current; depth++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault || current instanceof z.ZodReadonly) {
      current = current.unwrap() as z.ZodType;
    } else break;
  }
  return current;
}
