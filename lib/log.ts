// Minimal structured logger: one JSON object per line on stdout/stderr. Keys named like secrets are masked.
import { env } from "@/lib/env";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie/i;

function serialize(fields: Record<string, unknown>) {
  return JSON.stringify(fields, (key, value) => {
    if (key && SECRET_KEY.test(key)) return "[redacted]";
    if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
    if (typeof value === "bigint") return value.toString();
    return value;
  });
}

function threshold(): number {
  try {
    return ORDER[env().LOG_LEVEL];
  } catch {
    return ORDER.info;
  }
}

function write(level: Level, fields: Record<string, unknown>, msg: string) {
  if (ORDER[level] < threshold()) return;
  const line = serialize({ level, time: new Date().toISOString(), msg, ...fields });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const logger = {
  debug: (fields: Record<string, unknown>, msg: string) => write("debug", fields, msg),
  info: (fields: Record<string, unknown>, msg: string) => write("info", fields, msg),
  warn: (fields: Record<string, unknown>, msg: string) => write("warn", fields, msg),
  error: (fields: Record<string, unknown>, msg: string) => write("error", fields, msg),
};
