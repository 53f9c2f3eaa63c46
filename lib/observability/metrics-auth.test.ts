import { describe, expect, it } from "vitest";
import { metricsAuthorized } from "./metrics-auth";

const TOKEN = "metrics-token-0123456789abcdef";

describe("metricsAuthorized", () => {
  it("is open when no token is configured", () => {
    expect(metricsAuthorized(null, undefined)).toBe(true);
    expect(metricsAuthorized("Bearer anything", undefined)).toBe(true);
  });

  it("wants exactly Bearer <token> when one is", () => {
    expect(metricsAuthorized(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(metricsAuthorized(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(metricsAuthorized(null, TOKEN)).toBe(false);
    expect(metricsAuthorized("", TOKEN)).toBe(false);
    expect(metricsAuthorized("Bearer ", TOKEN)).toBe(false);
    expect(metricsAuthorized(TOKEN, TOKEN)).toBe(false);
    expect(metricsAuthorized(`Basic ${TOKEN}`, TOKEN)).toBe(false);
    expect(metricsAuthorized(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(metricsAuthorized(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
  });
});
