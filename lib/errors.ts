// Errors that are safe to show: a code for programs and a message for people.
// Anything else that escapes an action or route is logged and replaced by a generic message.
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "VALIDATION"
  | "RATE_LIMITED"
  | "UNAVAILABLE";

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

// Connection-level failures from pg / the Prisma adapter: the database is down or unreachable.
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "ECONNRESET", "57P01", "57P03", "P1001"]);

export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error as { code?: string; cause?: unknown; message?: string } | undefined, depth = 0;
    current && depth < 6;
    current = current.cause as typeof current, depth++) {
    if (current.code && UNREACHABLE_CODES.has(current.code)) return true;
    if (typeof current.message === "string" && /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|the database system is (starting up|shutting down)/i.test(current.message)) {
      return true;
    }
  }
  return false;
}
