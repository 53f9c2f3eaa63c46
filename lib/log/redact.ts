// What log lines must never carry: values under secret-looking keys (at any depth), the password in a
// URL with credentials (postgres://user:secret@host) and the query of an http(s) URL. Pure, so the rules are unit-tested on their own.

/** Keys whose values are masked wherever they appear: passwords, tokens, cookies, DATABASE_URL… */
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|database_?url|api_?key|credential|private_?key/i;
export const REDACTED = "[redacted]";

const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi;
const MAX_DEPTH = 8;

// A URL's query often is the credential (?token=, ?sig=, ?api_key=): an error quoting a webhook or step URL
// must not copy it into a log line. The path and host stay, so the line still says what failed (and the
// sentence's own punctuation after the URL stays too).
const URL_QUERY = /\b(https?:\/\/[^\s?#"'<>]+\?)[^\s#"'<>]*[^\s#"'<>:,.;)]/gi;

/** Masks the password of every `scheme://user:password@`, and the query of every http(s) URL, in the text. */
export function redactString(text: string): string {
  return text.replace(URL_CREDENTIALS, `$1${REDACTED}@`).replace(URL_QUERY, `$1${REDACTED}`);
}

export type SerializedError = {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  cause?: SerializedError | string;
};

export function serializeError(error: Error, depth = 0): SerializedError {
  const code = (error as { code?: unknown }).code;
  const cause = error.cause;
  return {
    type: error.name,
    message: redactString(error.message),
    ...(error.stack && { stack: redactString(error.stack) }),
    ...(typeof code === "string" && { code }),
    ...(cause !== undefined &&
      depth < 3 && { cause: cause instanceof Error ? serializeError(cause, depth + 1) : redactString(String(cause)) }),
  };
}

/** A copy of `value` with secrets masked, errors made plain and bigints as strings (JSON cannot hold them). */
export function redact(value: unknown, depth = 0, path: object[] = []): unknown {
  if (typeof value === "string") return redactString(value);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Error) return serializeError(value);
  if (value instanceof Date || value instanceof URL)
    return redactString(value instanceof Date ? value.toISOString() : value.href);
  if (path.includes(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[too deep]";
  path.push(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, path));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1, path);
    return out;
  } finally {
    path.pop();
  }
}

/** The fields of one log line, redacted. */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redact(fields) as Record<string, unknown>;
}
