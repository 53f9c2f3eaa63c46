import { describe, expect, it } from "vitest";
import { judgeAttempt } from "./login-throttle";

const limits = { maxPerAccount: 5, maxPerIp: 30, windowMinutes: 15 };
const now = new Date("2026-11-21T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("judgeAttempt", () => {
  it("allows attempts under both limits", () => {
    expect(judgeAttempt({ account: 4, ip: 29, oldestAccountFailure: minutesAgo(1), oldestIpFailure: minutesAgo(1) }, limits, now)).toEqual({ allowed: true });
  });

  it("locks the account at the limit and says when the oldest failure leaves the window", () => {
    expect(judgeAttempt({ account: 5, ip: 5, oldestAccountFailure: minutesAgo(10), oldestIpFailure: minutesAgo(10) }, limits, now)).toEqual({
      allowed: false,
      reason: "account_locked",
      retryAfterSeconds: 300,
    });
  });

  it("limits the address when it alone is over", () => {
    expect(judgeAttempt({ account: 0, ip: 30, oldestAccountFailure: null, oldestIpFailure: minutesAgo(14.5) }, limits, now)).toEqual({
      allowed: false,
      reason: "ip_limited",
      retryAfterSeconds: 30,
    });
  });
});
