// Calls a server action the way a forged request would: straight to the endpoint with its id,
// bypassing whatever the page shows. The ids come from the build's server-reference manifest.
import type { APIRequestContext } from "@playwright/test";
import { readFileSync } from "node:fs";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

let manifest: Manifest | undefined;

function readManifest(): Manifest {
  manifest ??= JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  return manifest;
}

/** Every server action in the build, once each (an action appears once per page that uses it). */
export function serverActions(): { filename: string; exportedName: string }[] {
  return [...new Map(Object.values(readManifest().node).map((a) => [`${a.filename}#${a.exportedName}`, a])).values()];
}

export function serverActionId(file: string, exportedName: string): string {
  const entry = Object.entries(readManifest().node).find(
    ([, v]) => v.filename === file && v.exportedName === exportedName,
  );
  if (!entry) throw new Error(`No server action ${exportedName} in ${file}: was it renamed?`);
  return entry[0];
}

/** Posts one call; returns the raw response text (the React flight payload carrying the action's result). */
export async function callServerAction(
  request: APIRequestContext,
  file: string,
  exportedName: string,
  args: unknown[],
  baseURL: string,
) {
  const response = await request.post("/", {
    headers: {
      "Next-Action": serverActionId(file, exportedName),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: baseURL,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

export type ActionResult = {
  validationErrors?: Record<string, unknown>;
  serverError?: string;
  data?: unknown;
  unhandledDigest?: string;
};

/**
 * The safe-action result inside a flight payload: the row holding validationErrors, serverError or data
 * (rows are `<hex id>:<JSON>`; the first row only points at it), or the digest of an error row
 * (`<id>:E{"digest":…}`: an error thrown past the action's own handling). Undefined when no row holds one.
 */
export function actionResult(text: string): ActionResult | undefined {
  for (const line of text.split("\n")) {
    const error = /^[0-9a-f]+:E(\{.*\})$/s.exec(line);
    if (error) return { unhandledDigest: String((JSON.parse(error[1]!) as { digest?: unknown }).digest ?? "none") };
    const row = /^[0-9a-f]+:([[{].*)$/s.exec(line);
    if (!row) continue;
    try {
      const value = JSON.parse(row[1]!) as unknown;
      if (
        value &&
        typeof value === "object" &&
        !Array.isArray(value) &&
        ["validationErrors", "serverError", "data"].some((k) => k in value)
      )
        return value as ActionResult;
    } catch {
      // A row of another kind (text chunk, module reference): not the result.
    }
  }
  return undefined;
}

/** Posts a raw body to an action (for malformed bodies that callServerAction's JSON.stringify cannot produce). */
export async function postRawToAction(
  request: APIRequestContext,
  file: string,
  exportedName: string,
  body: Buffer,
  baseURL: string,
  contentType = "text/plain;charset=UTF-8",
) {
  const response = await request.post("/", {
    headers: {
      "Next-Action": serverActionId(file, exportedName),
      "Content-Type": contentType,
      Accept: "text/x-component",
      Origin: baseURL,
    },
    data: body,
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}
