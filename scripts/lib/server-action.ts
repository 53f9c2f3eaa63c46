// Calls a server action over HTTP the way the browser does: a POST to the page the form is on, with the
// action's id (from the build's server-reference manifest, as the e2e specs find it) in `Next-Action`.
import { serverActionId } from "../../e2e/support/server-action";
import type { keepAliveClient } from "./http-client";

type Client = ReturnType<typeof keepAliveClient>;

/** A caller of one action for one signed-in session: `call(pagePath, args)` answers status and flight text. */
export function serverActionCaller(
  client: Client,
  options: { baseUrl: string; cookie: string; file: string; exportedName: string },
) {
  const headers = {
    "Next-Action": serverActionId(options.file, options.exportedName),
    "Content-Type": "text/plain;charset=UTF-8",
    Accept: "text/x-component",
    Origin: options.baseUrl,
    Cookie: options.cookie,
  };
  return (pagePath: string, args: unknown[]) => client.request("POST", pagePath, headers, JSON.stringify(args));
}

/**
 * The `data` a next-safe-action action returned, read from the React flight payload (one `id:json` row
 * per line; the action's result is the row holding `data`, `serverError` or `validationErrors`).
 * Throws with the server's message when the action refused or failed.
 */
export function actionData<T>(status: number, body: string): T {
  if (status !== 200) throw new Error(`server action answered HTTP ${status}: ${body.slice(0, 200)}`);
  for (const line of body.split("\n")) {
    const json = /^[0-9a-f]+:(\{.*\})$/.exec(line)?.[1];
    if (!json) continue;
    let row: { data?: T; serverError?: string; validationErrors?: unknown };
    try {
      row = JSON.parse(json) as typeof row;
    } catch {
      continue;
    }
    if (row.serverError) throw new Error(`server action failed: ${row.serverError}`);
    if (row.validationErrors)
      throw new Error(`server action refused the input: ${JSON.stringify(row.validationErrors)}`);
    if (row.data !== undefined) return row.data;
  }
  throw new Error(`no action result in the response: ${body.slice(0, 300)}`);
}
