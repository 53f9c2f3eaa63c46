// The one place that reads process.env. Parsed once, on first use, so `next build` can import
// modules without a database; the launcher and instrumentation call it at start and exit on errors.
import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), "must be a postgres:// or postgresql:// URL");

export const appEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)"),
  NEXTAUTH_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Failed sign-ins of one account from one address before that address must wait (other addresses are not slowed). */
  LOGIN_FAILURES_BEFORE_DELAY: positiveInt(5),
  /** The first wait after those failures; it doubles with every further failure, up to the window. */
  LOGIN_FIRST_DELAY_SECONDS: positiveInt(5),
  /** Renamed: an account is no longer locked for everyone. Refused so an old setting is not silently ignored. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z
    .undefined({ error: "renamed to LOGIN_FAILURES_BEFORE_DELAY (failures now count per account and address)" })
    .optional(),
  /** Failed sign-ins per client address inside the window before that address is refused. */
  LOGIN_MAX_FAILURES_PER_IP: positiveInt(30),
  /** Failures older than this are forgotten; no wait is longer. */
  LOGIN_WINDOW_MINUTES: positiveInt(15),
  /** Live timeline streams one user may hold open in one app process (a browser tab holds one). */
  STREAMS_PER_USER: positiveInt(10),
  /** Live timeline streams one app process holds open at most (~180 KB each; 1000 fit the 768 Mi manifest limit). */
  STREAMS_PER_PROCESS: positiveInt(1000),
  SESSION_MAX_AGE_HOURS: positiveInt(12),
  /** smtp://user:pass@host:587 or smtps://…; email channels are off while this is unset. */
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\/.+/.test(value), "must be an smtp:// or smtps:// URL")
    .optional(),
  SMTP_FROM: z.string().default("Lifeboat <lifeboat@localhost>"),
  /** How long one notification attempt may take before it counts as failed. */
  NOTIFY_TIMEOUT_MS: positiveInt(5000),
  /** Alert labels whose values name a Lifeboat service, tried in order (e.g. service, job, instance). */
  ALERT_SERVICE_LABELS: z
    .string()
    .default("service,job,app,instance")
    .transform((v) =>
      v
        .split(",")
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  /** The alert label that names a Lifeboat system (narrows the service match). */
  ALERT_SYSTEM_LABEL: z.string().default("system"),
  /** Run the job worker (escalations, notifications) inside the app process; "off" when `npm run worker` runs apart. */
  WORKER: z.enum(["inline", "off"]).default("inline"),
  /** Runbook `command` steps run shell commands on the worker's host: off unless an operator turns them on. */
  RECOVERY_COMMANDS: z.enum(["on", "off"]).default("off"),
  /** A running step's worker renews its lease this often ×3; a lease past due means the worker died. */
  RECOVERY_LEASE_SECONDS: positiveInt(30),
  /** Folder the job worker keeps the offline break-glass pack in, rewritten on every change; unset = not written. */
  BREAKGLASS_DIR: z.string().optional(),
  /** When set, GET /api/metrics requires `Authorization: Bearer <METRICS_TOKEN>`; unset, it is open (set it in production). */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (try: openssl rand -hex 24)").optional(),
});

export type AppEnv = z.infer<typeof appEnvSchema>;

// Plan reading runs in the app, the CLI (offline, without DATABASE_URL) and tests, so it has its own settings.
const planReadEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** How long reading one plan document (in a worker thread) may take before it is stopped and refused (422). */
  PLAN_PARSE_TIMEOUT_MS: positiveInt(5000),
});

// What `npm start` itself reads before the app exists.
export const launcherEnvSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  PORT: z.coerce.number({ error: "must be a port number (1-65535)" }).int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LIFEBOAT_DATA_DIR: z.string().default(".data"),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  SEED_DEMO: z.enum(["auto", "always", "never"]).default("auto"),
});

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnvWith<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  // Empty strings count as unset, the way shells and compose files usually mean them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`));
  }
  return result.data;
}

let cached: AppEnv | undefined;

export function env(): AppEnv {
  cached ??= parseEnvWith(appEnvSchema, process.env);
  return cached;
}

export function planReadEnv() {
  return parseEnvWith(planReadEnvSchema, process.env);
}

export function launcherEnv() {
  return parseEnvWith(launcherEnvSchema, process.env);
}

// `npm run plan` against a running Lifeboat over HTTP instead of the database (a team's CI).
const planCliEnvSchema = z.object({
  LIFEBOAT_URL: z.url("must be the URL of a running Lifeboat, e.g. https://lifeboat.example.com").optional(),
  LIFEBOAT_TOKEN: z.string().min(1).optional(),
});

export function planCliEnv() {
  return parseEnvWith(planCliEnvSchema, process.env);
}
