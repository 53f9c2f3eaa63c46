import { describe, expect, it } from "vitest";
import { appEnvSchema, EnvError, launcherEnvSchema, parseEnvWith } from "./env";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", NEXTAUTH_SECRET: "x".repeat(32) };

describe("env", () => {
  it("parses a valid environment with defaults", () => {
    const env = parseEnvWith(appEnvSchema, valid);
    expect(env).toMatchObject({
      LOGIN_FAILURES_BEFORE_DELAY: 5,
      STREAMS_PER_USER: 10,
      LOGIN_WINDOW_MINUTES: 15,
      LOG_LEVEL: "info",
    });
  });

  it("names every bad or missing variable", () => {
    try {
      parseEnvWith(appEnvSchema, {
        DATABASE_URL: "mysql://nope",
        NEXTAUTH_SECRET: "short",
        LOGIN_WINDOW_MINUTES: "-3",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as EnvError).message;
      expect(message).toMatch(/DATABASE_URL: must be a postgres/);
      expect(message).toMatch(/NEXTAUTH_SECRET: must be at least 32/);
      expect(message).toMatch(/LOGIN_WINDOW_MINUTES/);
    }
  });

  it("refuses the renamed per-account lock setting instead of ignoring it", () => {
    expect(() => parseEnvWith(appEnvSchema, { ...valid, LOGIN_MAX_FAILURES_PER_ACCOUNT: "5" })).toThrow(
      /LOGIN_MAX_FAILURES_PER_ACCOUNT: renamed to LOGIN_FAILURES_BEFORE_DELAY/,
    );
  });

  it("treats empty strings as unset for the launcher", () => {
    const parsed = parseEnvWith(launcherEnvSchema, { DATABASE_URL: "", PORT: "" });
    expect(parsed.PORT).toBe(3000);
    expect(parsed.DATABASE_URL).toBeUndefined();
    expect(() => parseEnvWith(launcherEnvSchema, { PORT: "99999" })).toThrow(/PORT/);
  });
});
