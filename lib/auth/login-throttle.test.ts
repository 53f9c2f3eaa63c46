import { describe, expect, it } from "vitest";
import { delaySeconds, judgeAttempt } from "./login-throttle";

const limits = { failuresBeforeDelay: 5, firstDelaySeconds: 1, maxPerIp: 30, windowMinutes: 15 };
const now = new Date("2026-11-21T12:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe("delaySeconds", () => {
  it("is nothing below the threshold, then doubles up to the window", () => {
    expect([4, 5, 6, 7, 8, 14, 15, 100].map((n) => delaySeconds(n, limits))).toEqual([0, 1, 2, 4, 8, 512, 900, 900]);
  });
});

describe("judgeAttempt", () => {
  it("allows attempts under both limits", () => {
    expect(
      judgeAttempt({ pair: 4, lastPairFailure: secondsAgo(0), ip: 29, oldestIpFailure: secondsAgo(60) }, limits, now),
    ).toEqual({ allowed: true });
  });

  it("makes the address wait after the threshold, counted from its last failure", () => {
    expect(
      judgeAttempt({ pair: 8, lastPairFailure: secondsAgo(3), ip: 8, oldestIpFailure: secondsAgo(60) }, limits, now),
    ).toEqual({
      allowed: false,
      reason: "delayed",
      retryAfterSeconds: 5,
    });
    expect(
      judgeAttempt({ pair: 8, lastPairFailure: secondsAgo(8), ip: 8, oldestIpFailure: secondsAgo(60) }, limits, now),
    ).toEqual({ allowed: true });
  });

  it("limits the address when it alone is over", () => {
    expect(
      judgeAttempt({ pair: 0, lastPairFailure: null, ip: 30, oldestIpFailure: secondsAgo(14.5 * 60) }, limits, now),
    ).toEqual({
      allowed: false,
      reason: "ip_limited",
      retryAfterSeconds: 30,
    });
  });
});
