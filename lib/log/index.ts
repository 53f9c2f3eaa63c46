// Structured logs: one JSON object per line (pino), info and below on stdout, warn and error on stderr.
// Every line carries the request id of the request it was written for, when there is one (the API route
// wrapper and the server-action middleware set it: lib/log/context.ts). Values under secret-looking
// keys, and passwords inside URLs, are masked (lib/log/redact.ts). Never log request bodies.
import pino, { type DestinationStream } from "pino";
import { env } from "@/lib/env";
import { currentRequestId } from "./context";
import { redactFields, serializeError } from "./redact";

export type LogLevel = "debug" | "info" | "warn" | "error";
type LogFields = Record<string, unknown>;

export type Logger = {
  debug(fields: LogFields, msg: string): void;
  info(fields: LogFields, msg: string): void;
  warn(fields: LogFields, msg: string): void;
  error(fields: LogFields, msg: string): void;
  /** A logger whose lines all carry `bindings` too. */
  child(bindings: LogFields): Logger;
};

export type LoggerOptions = { level?: LogLevel; destination?: DestinationStream };

function configuredLevel(): LogLevel {
  try {
    return env().LOG_LEVEL;
  } catch {
    return "info";
  }
}

function wrap(base: pino.Logger): Logger {
  return {
    debug: (fields, msg) => base.debug(fields, msg),
    info: (fields, msg) => base.info(fields, msg),
    warn: (fields, msg) => base.warn(fields, msg),
    error: (fields, msg) => base.error(fields, msg),
    // pino formats a child's bindings with no formatter: redact them here.
    child: (bindings) => wrap(base.child(redactFields(bindings))),
  };
}

function standardStreams(): DestinationStream {
  // dedupe: each line goes to the stream with the highest level it reaches, so warn/error only to stderr.
  return pino.multistream(
    [
      { level: "debug", stream: pino.destination({ fd: 1, sync: true }) },
      { level: "warn", stream: pino.destination({ fd: 2, sync: true }) },
    ],
    { dedupe: true },
  );
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return wrap(
    pino(
      {
        level: options.level ?? configuredLevel(),
        messageKey: "msg",
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: {
          level: (label) => ({ level: label }),
          bindings: (bindings) => redactFields(bindings),
          log: (fields) => redactFields(fields),
        },
        // Errors are made plain (and redacted) by redactFields already.
        serializers: { err: (value: unknown) => (value instanceof Error ? serializeError(value) : value) },
        mixin: () => {
          const requestId = currentRequestId();
          return requestId ? { requestId } : {};
        },
      },
      options.destination ?? standardStreams(),
    ),
  );
}

// Created on first use, so importing this module reads no settings (next build imports everything).
let root: Logger | undefined;
const base = () => (root ??= createLogger());

export const logger: Logger = {
  debug: (fields, msg) => base().debug(fields, msg),
  info: (fields, msg) => base().info(fields, msg),
  warn: (fields, msg) => base().warn(fields, msg),
  error: (fields, msg) => base().error(fields, msg),
  child: (bindings) => base().child(bindings),
};
