// Helpers for machine-facing route handlers: bounded JSON bodies and errors that name the field.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { isAppError, isDatabaseUnreachable } from "@/lib/errors";
import { logger } from "@/lib/log";
import { findUnstorableText } from "@/lib/storable-text";

export type ApiError = { error: string; field?: string; issues?: { field: string; message: string }[] };

export function apiError(status: number, body: ApiError) {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** Reads the body as a stream and stops past `maxBytes` (so a chunked upload cannot fill memory): null when larger. */
export async function readBytesBody(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads at most `maxBytes` of JSON; anything else is a 4xx naming the problem. */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const tooLarge = {
    ok: false as const,
    response: apiError(413, { error: `Body is over ${maxBytes} bytes`, field: "(body)" }),
  };
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return tooLarge;
  const bytes = await readBytesBody(request, maxBytes);
  if (bytes === null) return tooLarge;
  const text = Buffer.from(bytes).toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, response: apiError(400, { error: "Body is not valid JSON", field: "(body)" }) };
  }
  // Text Postgres cannot hold as sent (NUL, lone surrogates): refused here rather than failing or altered on insert.
  const unstorable = findUnstorableText(value);
  if (unstorable)
    return {
      ok: false,
      response: apiError(422, { error: `${unstorable.field}: ${unstorable.message}`, field: unstorable.field }),
    };
  return { ok: true, value };
}

/**
 * A NUL in the path or a query parameter (`%00`) would reach a Postgres query and fail it with a 500:
 * the 400 naming the parameter, for every route (apiRoute() asks), or null when the URL is fine.
 */
export function unstorableUrlResponse(url: string): Response | null {
  const { pathname, searchParams } = new URL(url);
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return apiError(400, { error: "(path): is not valid percent-encoded UTF-8", field: "(path)" });
  }
  const problem = findUnstorableText({ "(path)": path, ...Object.fromEntries(searchParams) });
  return problem ? apiError(400, { error: `${problem.field}: ${problem.message}`, field: problem.field }) : null;
}

/** Field errors: 422 by default; machine intake endpoints answer 400 like the senders expect. */
export function validationError(error: z.ZodError, status = 422) {
  const issues = error.issues.map((i) => ({
    field: i.path.join(".") || (i.code === "unrecognized_keys" ? i.keys.join(", ") : "(body)"),
    message: i.message,
  }));
  return apiError(status, { error: `${issues[0]!.field}: ${issues[0]!.message}`, field: issues[0]!.field, issues });
}

/** Domain errors keep their status; an unreachable database is 503 (retry later); anything else 500, logged. */
export function errorResponse(error: unknown) {
  if (isAppError(error)) return apiError(error.httpStatus, { error: error.userMessage, field: error.field });
  if (isDatabaseUnreachable(error)) return apiError(503, { error: "Database unreachable; retry later" });
  logger.error({ err: error }, "api request failed");
  return apiError(500, { error: "Internal error" });
}
