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
  const entry = Object.entries(readManifest().node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!entry) throw new Error(`No server action ${exportedName} in ${file}: was it renamed?`);
  return entry[0];
}

/** Posts one call; returns the raw response text (the React flight payload carrying the action's result). */
export async function callServerAction(request: APIRequestContext, file: string, exportedName: string, args: unknown[], baseURL: string) {
  const response = await request.post("/", {
    headers: { "Next-Action": serverActionId(file, exportedName), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseURL },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}
