// A server action's request body is decoded by Next before any of our code runs; a forged body that is not
// what React's client sends (truncated JSON, trailing garbage, a multipart body without its closing
// boundary) makes that decoding throw, and the caller gets an unhandled error in a 200 flight answer. The
// proxy asks this first and answers such a request with a plain 4xx naming the body instead.
/** Next's own limit for action bodies too (next.config.ts serverActions.bodySizeLimit). */
export const ACTION_BODY_LIMIT_BYTES = 3 * 1024 * 1024;

/** What is wrong with an action request's body (size, then shape), or null when Next can decode it. */
export function actionBodyProblem(
  contentType: string,
  contentLength: number,
  body: string,
): { status: 400 | 413; error: string } | null {
  if (contentLength > ACTION_BODY_LIMIT_BYTES || Buffer.byteLength(body) > ACTION_BODY_LIMIT_BYTES)
    return { status: 413, error: "The request body is over 3 MB" };
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "multipart/form-data") {
    const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
    // A complete multipart body ends with its closing delimiter (RFC 2046), optionally followed by a line break.
    return boundary && body.trimEnd().endsWith(`--${boundary}--`)
      ? null
      : { status: 400, error: "The multipart body is incomplete" };
  }
  // Anything else is read as text: React's client sends the arguments as a JSON array.
  try {
    if (Array.isArray(JSON.parse(body))) return null;
  } catch {
    // Not JSON at all: refused below.
  }
  return { status: 400, error: "The action's arguments must be a JSON array" };
}

/**
 * A server action posted from another origin. Next refuses it too, but by throwing, which answers 500 and logs a
 * server error for what is a forged request; the proxy answers 403 first. Next's own rule, mirrored: the
 * Origin's host must equal the first X-Forwarded-Host (set by a proxy in front), else Host. A request without
 * Origin is left to Next (old clients; a browser always sends it on a cross-origin POST).
 */
export function crossOriginProblem(headers: Headers): { status: 403; error: string } | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = ""; // "null" (a sandboxed frame, a file) or garbage: no origin of ours.
  }
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0]!.trim().toLowerCase();
  return originHost && originHost.toLowerCase() === host
    ? null
    : { status: 403, error: "Cross-origin server action refused: its Origin is not this site" };
}
