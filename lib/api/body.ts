// Request bodies as a route declares them: JSON checked by a zod schema, or UTF-8 text, each within its byte
// limit. Refusals name the field (lib/api/json.ts): 413 over the limit, 400 not JSON, 422 (or the route's own
// status or answer) against the schema.
import type { z } from "zod";
import { apiError, readBytesBody, readJsonBody, validationError } from "./json";

type JsonBodyDeclaration<S extends z.ZodType = z.ZodType> = {
  schema: S;
  maxBytes: number;
  /** Answer to a body the schema refuses: a status for the usual field errors (default 422), or the route's own format. */
  invalid?: 400 | 422 | ((error: z.ZodError) => Response);
};
/** A raw text document (a plan): its own messages for too large and not UTF-8. */
type TextBodyDeclaration = { text: { tooLarge: string; notText: string }; maxBytes: number };
export type BodyDeclaration = JsonBodyDeclaration | TextBodyDeclaration;

export type BodyOf<B> = B extends { schema: infer S extends z.ZodType }
  ? z.output<S>
  : B extends { text: object }
    ? string
    : undefined;

export type RawBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** Reads the bytes (JSON parsed, not yet checked against the schema); text bodies are decoded here too. */
export async function readDeclaredBody(request: Request, declaration: BodyDeclaration): Promise<RawBody> {
  if ("schema" in declaration) return readJsonBody(request, declaration.maxBytes);
  const bytes = await readBytesBody(request, declaration.maxBytes);
  if (bytes === null)
    return { ok: false, response: apiError(413, { error: declaration.text.tooLarge, field: "(body)" }) };
  try {
    return { ok: true, value: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, response: apiError(422, { error: declaration.text.notText, field: "(body)" }) };
  }
}

/** Checks a read body against the declared schema. */
export function checkBody(
  value: unknown,
  declaration: BodyDeclaration,
): { ok: true; value: unknown } | { ok: false; response: Response } {
  if (!("schema" in declaration)) return { ok: true, value };
  const parsed = declaration.schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const { invalid = 422 } = declaration;
  return {
    ok: false,
    response: typeof invalid === "function" ? invalid(parsed.error) : validationError(parsed.error, invalid),
  };
}
