// Step settings can carry credentials: an Authorization header, a ?token= in a URL. An exported plan shows
// such values as SECRET_PLACEHOLDER; importing the placeholder keeps the value Lifeboat already holds for
// that step, so export → import never loses or leaks a secret.
import { SECRET_PLACEHOLDER } from "./format";

const SENSITIVE = /authorization|token|secret|password|passwd|api[-_]?key|apikey|cookie|signature|credential|session|auth/i;

export const isSensitiveName = (name: string) => SENSITIVE.test(name);

// URL-safe stand-in while the URL is rebuilt (the URL class would percent-encode the readable placeholder).
const SENTINEL = "LIFEBOATSECRETPLACEHOLDER";

function redactUrl(value: string): string {
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) return value;
  const url = new URL(value);
  let changed = false;
  if (url.password) {
    url.password = SENTINEL;
    changed = true;
  } else if (url.username) {
    url.username = SENTINEL;
    changed = true;
  }
  for (const key of [...url.searchParams.keys()]) {
    if (isSensitiveName(key)) {
      url.searchParams.set(key, SENTINEL);
      changed = true;
    }
  }
  return changed ? url.toString().replaceAll(SENTINEL, SECRET_PLACEHOLDER) : value;
}

/** A copy of a step's settings with secret values replaced by SECRET_PLACEHOLDER. */
export function redactStepConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  if (typeof out.url === "string") out.url = redactUrl(out.url);
  if (out.headers && typeof out.headers === "object") {
    out.headers = Object.fromEntries(Object.entries(out.headers as Record<string, unknown>).map(([k, v]) => [k, isSensitiveName(k) ? SECRET_PLACEHOLDER : v]));
  }
  return out;
}

export const containsPlaceholder = (value: unknown): boolean => JSON.stringify(value ?? null).includes(SECRET_PLACEHOLDER);

/**
 * Puts back the secrets an exported config hid, from the stored config of the same step. Returns null when a
 * placeholder has nothing to restore from (a new step, or a changed URL): the importer reports it.
 */
export function restoreSecrets(incoming: Record<string, unknown>, stored: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!containsPlaceholder(incoming)) return incoming;
  if (!stored) return null;
  const out: Record<string, unknown> = { ...incoming };
  if (typeof out.url === "string" && out.url.includes(SECRET_PLACEHOLDER)) {
    if (typeof stored.url !== "string" || redactUrl(stored.url) !== out.url) return null;
    out.url = stored.url;
  }
  if (out.headers && typeof out.headers === "object") {
    const storedHeaders = (stored.headers ?? {}) as Record<string, unknown>;
    const headers: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(out.headers as Record<string, unknown>)) {
      if (v !== SECRET_PLACEHOLDER) headers[k] = v;
      else if (typeof storedHeaders[k] === "string") headers[k] = storedHeaders[k];
      else return null;
    }
    out.headers = headers;
  }
  return containsPlaceholder(out) ? null : out;
}
