// docs/plan.schema.json: the JSON Schema of the plan format, generated from lib/plans/format.ts so that editors
// can check and complete plan files. schema-file.test.ts fails when the committed file is stale; refresh it with
//   npx tsx lib/plans/schema-file.ts
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { planSchema } from "./format";

export const PLAN_SCHEMA_ID = "https://lifeboat.dev/schemas/plan-v1.json";
/** Where the schema is committed, from the repository root. */
export const PLAN_SCHEMA_FILE = "docs/plan.schema.json";

/** The JSON Schema (draft 2020-12) of what a plan file may hold: the input side (defaults make fields optional). */
export function planJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(planSchema, { target: "draft-2020-12", io: "input" });
  return { $schema, $id: PLAN_SCHEMA_ID, ...schema };
}

/** The file's exact content: 2-space indentation and a final newline. */
export function planJsonSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}

function writePlanJsonSchema(): string {
  const file = fileURLToPath(new URL(`../../${PLAN_SCHEMA_FILE}`, import.meta.url));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, planJsonSchemaText());
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(`Wrote ${writePlanJsonSchema()}`);
}
