// Errors that are safe to show: a code for programs and a message for people.
// Anything else that escapes an action or route is logged and replaced by a generic message.
export type AppErrorCode =
  "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "VALIDATION" | "RATE_LIMITED" | "UNAVAILABLE";

const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly field?: string;

  constructor(code: AppErrorCode, options: { userMessage: string; field?: string; cause?: unknown }) {
    super(`${code}: ${options.userMessage}`, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = options.userMessage;
    this.field = options.field;
  }

  get httpStatus() {
    return HTTP_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

// Connection-level failures from pg / the Prisma adapter: the database is down or unreachable (stopped,
// restarting, failing over). Postgres's connection-exception class (08…) and shutdown/start-up states
// (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now); Prisma's connection codes (P1001
// can't reach, P1002/P1008 timed out, P1017 server closed the connection, P2024 no pool connection in time).
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "ETIMEDOUT",
  "ECONNRESET",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);
// The Prisma adapter's names for the same (meta.driverAdapterError.cause.kind).
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);

type Inspectable = {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  cause?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: unknown };
};

export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const current = error as Inspectable;
  for (const code of [current.code, current.originalCode]) {
    if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  }
  if (typeof current.kind === "string" && UNREACHABLE_KINDS.has(current.kind)) return true;
  if (
    typeof current.message === "string" &&
    /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|Can't reach database server|the database system is (starting up|shutting down)/i.test(
      current.message,
    )
  ) {
    return true;
  }
  // Prisma keeps the driver's error in meta.driverAdapterError (whose cause holds the SQLSTATE), pg in cause.
  return (
    isDatabaseUnreachable(current.cause, depth + 1) ||
    isDatabaseUnreachable(current.meta?.driverAdapterError, depth + 1)
  );
}
