// The logger (lib/log/index.ts, pino) and its redaction: secrets never reach a line, and lines written while a
// request is served carry its id.
import { describe, expect, it } from "vitest";
import { createLogger, type LogLevel } from "@/lib/log";
import { runWithRequestContext } from "./context";
import { redact, REDACTED, redactString } from "./redact";

function capture(level: LogLevel = "debug") {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  return { logger, lines };
}

describe("redaction", () => {
  it("masks secret-looking keys at any depth, keeps the rest", () => {
    const out = redact({
      password: "hunter2",
      user: {
        email: "a@b.c",
        newPassword: "x",
        apiToken: "lb_1",
        nested: [{ Authorization: "Bearer abc", cookie: "s=1" }],
      },
      DATABASE_URL: "postgres://u:p@h/db",
      databaseUrl: "postgres://u:p@h/db",
      clientSecret: "s",
      count: 3,
    });
    expect(out).toEqual({
      password: REDACTED,
      user: {
        email: "a@b.c",
        newPassword: REDACTED,
        apiToken: REDACTED,
        nested: [{ Authorization: REDACTED, cookie: REDACTED }],
      },
      DATABASE_URL: REDACTED,
      databaseUrl: REDACTED,
      clientSecret: REDACTED,
      count: 3,
    });
  });

  it("drops the query of http(s) URLs in any string: it often is the credential", () => {
    const { logger, lines } = capture();
    logger.error(
      {
        err: new Error("POST https://hooks.example.test/send?api_key=CANARY-1&to=x failed"),
        reason: "GET https://api.example.test/restart?token=CANARY-2: ENOTFOUND",
      },
      "step failed",
    );
    expect(JSON.stringify(lines)).not.toContain("CANARY");
    expect(lines[0]).toMatchObject({
      reason: `GET https://api.example.test/restart?${REDACTED}: ENOTFOUND`,
      err: { message: `POST https://hooks.example.test/send?${REDACTED} failed` },
    });
    expect(redactString("see https://example.com/docs#part, no query")).toBe(
      "see https://example.com/docs#part, no query",
    );
  });

  it("masks the password of a URL inside any string, and inside error messages", () => {
    expect(redactString("connect to postgresql://lifeboat:s3cr3t@db:5432/app failed")).toBe(
      `connect to postgresql://lifeboat:${REDACTED}@db:5432/app failed`,
    );
    expect(redactString("https://example.com/a:b@c")).toBe("https://example.com/a:b@c");
    expect(redact({ reason: "smtp://mailer:pw@smtp.local:587 refused" })).toEqual({
      reason: `smtp://mailer:${REDACTED}@smtp.local:587 refused`,
    });
    const error = redact({ err: new Error("bad url postgres://u:pw@h/db") }) as {
      err: { type: string; message: string; stack: string };
    };
    expect(error.err).toMatchObject({ type: "Error", message: `bad url postgres://u:${REDACTED}@h/db` });
    expect(error.err.stack).not.toContain(":pw@");
  });

  it("survives cycles, bigints and depth", () => {
    const cyclic: Record<string, unknown> = { a: 1, n: BigInt(42) };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({ a: 1, n: "42", self: "[circular]" });
    const shared = { x: 1 };
    expect(redact({ a: shared, b: shared })).toEqual({ a: { x: 1 }, b: { x: 1 } });
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20; i++) deep = { deep };
    expect(JSON.stringify(redact(deep))).toContain("[too deep]");
  });
});

describe("logger", () => {
  it("writes one JSON object per line with level, time, msg and the fields, secrets masked", () => {
    const { logger, lines } = capture();
    logger.info(
      { userId: "u1", token: "lb_secret", headers: { authorization: "Bearer x", cookie: "session=1" } },
      "hello",
    );
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatchObject({
      level: "info",
      msg: "hello",
      userId: "u1",
      token: REDACTED,
      headers: { authorization: REDACTED, cookie: REDACTED },
    });
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
    expect(JSON.stringify(line)).not.toMatch(/lb_secret|Bearer x|session=1/);
  });

  it("serialises errors without leaking credentials, and honours the level", () => {
    const { logger, lines } = capture("warn");
    logger.info({}, "dropped");
    logger.debug({}, "dropped too");
    logger.error({ err: new Error("connect postgres://app:pw@db/app refused") }, "boom");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "error",
      msg: "boom",
      err: { type: "Error", message: `connect postgres://app:${REDACTED}@db/app refused` },
    });
    expect(JSON.stringify(lines[0])).not.toContain(":pw@");
  });

  it("adds the request id of the request being served, also to child loggers", async () => {
    const { logger, lines } = capture();
    logger.info({}, "outside");
    await runWithRequestContext({ requestId: "req-1" }, async () => {
      await Promise.resolve();
      logger.warn({ a: 1 }, "inside");
      logger.child({ component: "x", password: "p" }).info({}, "child");
    });
    expect(lines[0]).not.toHaveProperty("requestId");
    expect(lines[1]).toMatchObject({ requestId: "req-1", a: 1, msg: "inside" });
    expect(lines[2]).toMatchObject({ requestId: "req-1", component: "x", password: REDACTED, msg: "child" });
  });
});
