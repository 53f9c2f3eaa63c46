// Writes a plan as YAML, deterministically (what `plan export` prints and the download gives).
import { z } from "zod";
import { Document, Scalar, visit } from "yaml";
import { PLAN_FORMAT_VERSION, planSchema, type Plan } from "../format";

const PLAN_YAML_HEADER = ` Lifeboat DR plan (format version ${PLAN_FORMAT_VERSION}). Schema: docs/plan.schema.json`;

/** Strings a YAML 1.1 reader (PyYAML, older tools) would take for a boolean, a number or a date: quoted. */
const YAML_11_AMBIGUOUS =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[-+]?[0-9][0-9_]*|[-+]?0b[01_]+|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?|\.(?:inf|Inf|INF|nan|NaN|NAN)|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?)$/;

/** The plan with keys in the format's order and empty optional parts left out: what export writes, as a value. */
export function orderedPlan(plan: Plan): Record<string, unknown> {
  return (ordered(plan, planSchema) ?? {}) as Record<string, unknown>;
}

/**
 * The plan as YAML: fields in the order format.ts declares them, lists in the given order, omitted fields
 * and empty optional lists left out (but dependsOn, where an empty list says "depends on nothing"), multi-line
 * text as literal blocks, no line folding. The same plan always gives the same text.
 */
export function planToYaml(plan: Plan): string {
  const value = orderedPlan(plan);
  const doc = new Document(value, { version: "1.2" });
  doc.commentBefore = PLAN_YAML_HEADER;
  visit(doc, {
    Scalar(_key, node) {
      // "<<" as a plain key would be read back as a merge key.
      if (typeof node.value === "string" && (node.value === "<<" || YAML_11_AMBIGUOUS.test(node.value)))
        node.type = Scalar.QUOTE_DOUBLE;
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
    if (Array.isArray(field) && field.length === 0 && key !== "dependsOn" && (fieldSchema?.isOptional() ?? true))
      return;
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
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodReadonly
    ) {
      current = current.unwrap() as z.ZodType;
    } else break;
  }
  return current;
}
