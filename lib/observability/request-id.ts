// Request ids: accepted from the caller (a load balancer or client that already has one) when sane, else
// made here; echoed in the response's x-request-id and carried by every log line of the request. No Node
// APIs: proxy.ts uses this too.

export const REQUEST_ID_HEADER = "x-request-id";

/** Letters, digits, "-", "_" and "." only, 1–100 of them: safe to log and to echo in a header. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The incoming id if it is sane, else null (never trimmed or repaired: a bad id is replaced whole). */
export function sanitizeRequestId(value: string | null | undefined): string | null {
  return typeof value === "string" && SANE_REQUEST_ID.test(value) ? value : null;
}

export function newRequestId(): string {
  return crypto.randomUUID();
}

/** The caller's id when sane, else a new one. */
export function requestIdFrom(value: string | null | undefined): string {
  return sanitizeRequestId(value) ?? newRequestId();
}
