// Step settings and URLs can carry credentials: an API-key header, a request body with a routing key, a
// ?sig= in a URL, a webhook path that is itself the secret. An exported plan shows them as SECRET_PLACEHOLDER,
// by allow-list (every header but a few harmless ones, every query value, the body, path segments that look
// like tokens). Importing a placeholder keeps the stored value only when everything else about it is what is
// stored — so a plan cannot move a stored credential to another URL or method.
import { canonicalJson } from "@/lib/canonical-json";

/** Stands for a secret value in an exported plan or an edit form; importing it keeps the value Lifeboat already holds. */
export const SECRET_PLACEHOLDER = "<secret: kept in Lifeboat>";

const SAFE_HEADERS = new Set(["accept", "accept-language", "content-type", "user-agent", "cache-control"]);
// URL-safe stand-in while the URL is rebuilt (the URL class would percent-encode the readable placeholder).
const SENTINEL = "LIFEBOATSECRETPLACEHOLDER";
const RELATIVE_BASE = "http://relative.invalid";

/**
 * A path segment that is more likely a token than a word: 20+ characters with no dash or dot (words in paths
 * are dashed), or 12+ mixing letters and digits. Wrongly hiding a segment costs nothing: importing restores it.
 */
export const looksLikeToken = (segment: string) =>
  (segment.length >= 20 && /^[A-Za-z0-9_]+$/.test(segment)) ||
  segment.length >= 40 ||
  (segment.length >= 12 && /[A-Za-z]/.test(segment) && /\d/.test(segment));

/** The URL with credentials, query values and token-like path segments replaced by SECRET_PLACEHOLDER. */
export function redactUrl(value: string): string {
  const relative = value.startsWith("/");
  if (!relative && !(/^https?:\/\//i.test(value) && URL.canParse(value))) return value;
  const url = new URL(value, RELATIVE_BASE);
  if (url.password) url.password = SENTINEL;
  else if (url.username) url.username = SENTINEL;
  for (const key of new Set(url.searchParams.keys())) url.searchParams.set(key, SENTINEL);
  url.pathname = url.pathname
    .split("/")
    .map((segment) => (looksLikeToken(decodeURIComponent(segment)) ? SENTINEL : segment))
    .join("/");
  const text = relative ? url.toString().slice(RELATIVE_BASE.length) : url.toString();
  return text.replaceAll(SENTINEL, SECRET_PLACEHOLDER);
}

/** A copy of a step's settings with secret values replaced by SECRET_PLACEHOLDER. */
export function redactStepConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  if (typeof out.url === "string") out.url = redactUrl(out.url);
  if (out.headers && typeof out.headers === "object") {
    out.headers = Object.fromEntries(
      Object.entries(out.headers as Record<string, unknown>).map(([k, v]) => [
        k,
        SAFE_HEADERS.has(k.toLowerCase()) ? v : SECRET_PLACEHOLDER,
      ]),
    );
  }
  if (typeof out.body === "string" && out.body !== "") out.body = SECRET_PLACEHOLDER;
  return out;
}

export const containsPlaceholder = (value: unknown): boolean =>
  JSON.stringify(value ?? null).includes(SECRET_PLACEHOLDER);

/**
 * The config to store for an incoming step: itself when it holds no placeholder; the stored config when the
 * incoming one is exactly its redacted form; otherwise null (a placeholder with nothing it may stand for).
 */
export function restoreSecrets(
  incoming: Record<string, unknown>,
  stored: Record<string, unknown> | undefined,
): Record<string, unknown> | null {
  if (!containsPlaceholder(incoming)) return incoming;
  if (stored && canonicalJson(redactStepConfig(stored)) === canonicalJson(incoming)) return stored;
  return null;
}

/** The same rule for a single URL (a service's health-check URL). */
export function restoreUrl(incoming: string, stored: string | null | undefined): string | null {
  if (!incoming.includes(SECRET_PLACEHOLDER)) return incoming;
  return stored && redactUrl(stored) === incoming ? stored : null;
}

/** Names that carry credentials in practice: Authorization, X-Api-Key, ?token=, {"password": …}, AccessKeyId, ?sig=… */
export const SECRET_NAME = /pass|secret|token|auth|key|sig|cookie|session|credential|bearer/i;

/** What stands in for a credential in a step's output, for roles that may not see outputs whole. */
const OUTPUT_HIDDEN = "[hidden]";

const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g;
const SCHEME_CREDENTIAL = /\b(Bearer|Basic|Digest|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const URL_IN_TEXT = /https?:\/\/[^\s"'<>]+/g;
// "name": "value" (JSON) and name=value / name: value (env files, YAML, headers, logs), for secret-looking names.
const JSON_FIELD = /("([^"\\]*)"\s*:\s*)("(?:[^"\\]|\\.)*"|[^\s,}\]]+)/g;
const PLAIN_FIELD = /(\b([A-Za-z0-9_.-]+)\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&]+)/g;
// AWS access key ids stand out on their own, whatever they are labelled.
const AWS_KEY_ID = /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g;

/**
 * A step's output or error with what looks like a credential hidden: private keys, bearer/basic credentials,
 * URL secrets (redactUrl), values of secret-looking JSON fields and name=value pairs, AWS key ids. An HTTP
 * step that fetched a credentials document, or a command that printed one, shows its shape, not its values.
 */
export function redactOutput(text: string): string {
  return (
    text
      .replace(PRIVATE_KEY, `-----PRIVATE KEY ${OUTPUT_HIDDEN}-----`)
      .replace(SCHEME_CREDENTIAL, (_, scheme: string) => `${scheme} ${OUTPUT_HIDDEN}`)
      // A URL the executor already redacted ends where its placeholder starts: left as it is.
      .replace(URL_IN_TEXT, (url, offset: number, whole: string) =>
        whole.startsWith(SECRET_PLACEHOLDER, offset + url.length) ? url : redactUrl(url),
      )
      .replace(JSON_FIELD, (all, head: string, name: string) =>
        SECRET_NAME.test(name) ? `${head}"${OUTPUT_HIDDEN}"` : all,
      )
      .replace(PLAIN_FIELD, (all, head: string, name: string, value: string) =>
        SECRET_NAME.test(name) && !value.includes(OUTPUT_HIDDEN) ? `${head}${OUTPUT_HIDDEN}` : all,
      )
      .replace(AWS_KEY_ID, OUTPUT_HIDDEN)
  );
}
