// Step settings and URLs can carry credentials: an API-key header, a request body with a routing key, a
// ?sig= in a URL, a webhook path that is itself the secret. An exported plan shows them as SECRET_PLACEHOLDER,
// by allow-list (every header but a few harmless ones, every query value, the body, path segments that look
// like tokens). Importing a placeholder keeps the stored value only when everything else about it is what is
// stored — so a plan cannot move a stored credential to another URL or method.
import { SECRET_PLACEHOLDER } from "./format";
import { canonicalJson } from "@/lib/canonical-json";

const SAFE_HEADERS = new Set(["accept", "accept-language", "content-type", "user-agent", "cache-control"]);
// URL-safe stand-in while the URL is rebuilt (the URL class would percent-encode the readable placeholder).
const SENTINEL = "LIFEBOATSECRETPLACEHOLDER";
const RELATIVE_BASE = "http://relative.invalid";

/**
 * A path segment that is more likely a token than a word: 20+ characters with no dash or dot (words in paths
 * are dashed), or 12+ mixing letters and digits. Wrongly hiding a segment costs nothing: importing restores it.
 */
export const looksLikeToken = (segment: string) => (segment.length >= 20 && /^[A-Za-z0-9_]+$/.test(segment)) || segment.length >= 40 || (segment.length >= 12 && /[A-Za-z]/.test(segment) && /\d/.test(segment));

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
    out.headers = Object.fromEntries(Object.entries(out.headers as Record<string, unknown>).map(([k, v]) => [k, SAFE_HEADERS.has(k.toLowerCase()) ? v : SECRET_PLACEHOLDER]));
  }
  if (typeof out.body === "string" && out.body !== "") out.body = SECRET_PLACEHOLDER;
  return out;
}

export const containsPlaceholder = (value: unknown): boolean => JSON.stringify(value ?? null).includes(SECRET_PLACEHOLDER);

/**
 * The config to store for an incoming step: itself when it holds no placeholder; the stored config when the
 * incoming one is exactly its redacted form; otherwise null (a placeholder with nothing it may stand for).
 */
export function restoreSecrets(incoming: Record<string, unknown>, stored: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!containsPlaceholder(incoming)) return incoming;
  if (stored && canonicalJson(redactStepConfig(stored)) === canonicalJson(incoming)) return stored;
  return null;
}

/** The same rule for a single URL (a service's health-check URL). */
export function restoreUrl(incoming: string, stored: string | null | undefined): string | null {
  if (!incoming.includes(SECRET_PLACEHOLDER)) return incoming;
  return stored && redactUrl(stored) === incoming ? stored : null;
}
