import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sessionIsCurrent } from "./session-validity";

const now = Date.UTC(2026, 11, 4, 12, 0, 0);
const seconds = (ms: number) => Math.floor(ms / 1000);

describe("sessionIsCurrent", () => {
  it("accepts a session signed in within the maximum age, with the current password", () => {
    expect(sessionIsCurrent({ authAt: seconds(now - 3_600_000), passwordStamp: "s1" }, "s1", 12, now)).toBe(true);
  });

  it("refuses a session older than the maximum age, however it was refreshed", () => {
    expect(sessionIsCurrent({ authAt: seconds(now - 12 * 3_600_000 - 1000), passwordStamp: "s1" }, "s1", 12, now)).toBe(
      false,
    );
  });

  it("refuses a session from before a password change", () => {
    expect(sessionIsCurrent({ authAt: seconds(now), passwordStamp: "old" }, "new", 12, now)).toBe(false);
  });

  it("refuses tokens without a sign-in time (issued before the limit existed) and ones dated in the future", () => {
    expect(sessionIsCurrent({ passwordStamp: "s1" }, "s1", 12, now)).toBe(false);
    expect(sessionIsCurrent({ authAt: seconds(now + 3_600_000), passwordStamp: "s1" }, "s1", 12, now)).toBe(false);
    expect(sessionIsCurrent({ authAt: seconds(now + 30_000), passwordStamp: "s1" }, "s1", 12, now)).toBe(true);
  });

  it("never accepts a sign-in time that is not a finite number", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constant(null),
          fc.constant(Number.NaN),
          fc.constant(Infinity),
          fc.object(),
          fc.boolean(),
        ),
        (authAt) => {
          expect(sessionIsCurrent({ authAt, passwordStamp: "s1" }, "s1", 12, now)).toBe(false);
        },
      ),
    );
  });
});
