// What a runbook step says, in a form a person can carry out by hand when Lifeboat is down. The pack is a
// file that gets copied around, so anything that may be a credential is left out: header values (bar a few
// harmless ones), secret-looking query parameters and JSON fields, and request bodies that are not JSON.
// Commands are printed verbatim: they are the instructions themselves.
import { looksLikeToken, SECRET_NAME } from "@/lib/security/secrets";
import { parseStepConfig, type StepConfig, type StepKindName } from "@/lib/recovery/steps";

export type StepDetail =
  | { kind: "instructions"; text: string }
  | {
      kind: "http";
      method: string;
      url: string;
      headers: { name: string; value: string }[];
      body: string | null;
      expect: string;
    }
  | { kind: "healthcheck"; url: string; everySeconds: number; expect: string }
  | { kind: "wait"; seconds: number }
  | { kind: "command"; command: string; cwd: string | null }
  | { kind: "invalid"; problem: string };

export const HIDDEN = "[hidden]";

// Header values shown as they are; every other header's value is hidden (fail closed).
const PLAIN_HEADERS = new Set(["accept", "content-type", "user-agent", "accept-language", "cache-control"]);

const expected = (statuses: number[] | undefined) =>
  statuses?.length ? `HTTP ${statuses.join(" or ")}` : "any 2xx status";

/** Drops user:password, hides secret-looking query values and token-like path segments; "/paths" on Lifeboat stay paths. */
export function redactUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value, "http://lifeboat.invalid");
  } catch {
    return HIDDEN;
  }
  const secretParams = [...url.searchParams.keys()].filter((name) => SECRET_NAME.test(name));
  // A webhook path can itself be the secret (/services/T0/B0/<token>): the plan export's rule for those.
  const segments = url.pathname.split("/");
  const secretPath = segments.some((segment) => looksLikeToken(decodeURIComponent(segment)));
  // Untouched URLs print exactly as written (the parser would normalise them).
  if (!url.username && !url.password && secretParams.length === 0 && !secretPath) return value;
  url.username = "";
  url.password = "";
  for (const name of secretParams) url.searchParams.set(name, HIDDEN);
  if (secretPath)
    url.pathname = segments
      .map((segment) => (looksLikeToken(decodeURIComponent(segment)) ? HIDDEN : segment))
      .join("/");
  const text = url.toString().replaceAll(encodeURIComponent(HIDDEN), HIDDEN);
  return value.startsWith("/") ? text.slice(url.origin.length) : text;
}

function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, SECRET_NAME.test(key) ? HIDDEN : redactJson(v)]),
    );
  }
  return value;
}

export function redactBody(body: string | undefined): string | null {
  if (body === undefined || body === "") return null;
  try {
    return JSON.stringify(redactJson(JSON.parse(body)), null, 2);
  } catch {
    return `(${body.length} characters, not JSON: not printed in case they hold a secret; see the runbook in Lifeboat)`;
  }
}

function parsed<K extends StepKindName>(
  kind: K,
  config: unknown,
  describe: (config: StepConfig<K>) => StepDetail,
): StepDetail {
  const result = parseStepConfig(kind, config);
  if (result.success) return describe(result.data);
  return {
    kind: "invalid",
    problem: result.error.issues.map((i) => `${i.path.join(".") || "settings"} ${i.message}`).join("; "),
  };
}

export function describeStep(kind: StepKindName, config: unknown): StepDetail {
  switch (kind) {
    case "manual":
    case "approval":
      return parsed(kind, config, (c) => ({ kind: "instructions", text: c.instructions }));
    case "http":
      return parsed(kind, config, (c) => ({
        kind: "http",
        method: c.method,
        url: redactUrl(c.url),
        headers: Object.entries(c.headers).map(([name, value]) => ({
          name,
          value: PLAIN_HEADERS.has(name.toLowerCase()) ? value : HIDDEN,
        })),
        body: c.method === "GET" ? null : redactBody(c.body),
        expect: expected(c.expectStatus),
      }));
    case "healthcheck":
      return parsed(kind, config, (c) => ({
        kind: "healthcheck",
        url: redactUrl(c.url),
        everySeconds: c.intervalSeconds,
        expect: expected(c.expectStatus),
      }));
    case "wait":
      return parsed(kind, config, (c) => ({ kind: "wait", seconds: c.seconds }));
    case "command":
      return parsed(kind, config, (c) => ({ kind: "command", command: c.command, cwd: c.cwd ?? null }));
  }
}
