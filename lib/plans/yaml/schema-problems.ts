// zod's issues with a read plan as problems in the plan's words, each on the line its path is on (the YAML reader's).
import type { z } from "zod";
import type { PlanProblem } from "../format";
import { formatPath, type PathSegment } from "../paths";

type Issue = z.core.$ZodIssue;

/** One problem per issue (one per unknown field), placed by `locate`; messages say what was expected and what came. */
export function zodProblems(
  issues: readonly Issue[],
  data: unknown,
  locate: (path: readonly PathSegment[]) => number,
): PlanProblem[] {
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
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of: ${issue.values.map((v) => String(v)).join(", ")}`;
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "array" || issue.origin === "set") return `has at most ${max} items`;
      if (issue.origin === "string") return `is at most ${max} characters`;
      return issue.inclusive === false ? `must be below ${max}` : `is at most ${max}`;
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "array" || issue.origin === "set")
        return `needs at least ${min} item${min === 1 ? "" : "s"}`;
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
