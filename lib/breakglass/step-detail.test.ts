import { describe, expect, it } from "vitest";
import { describeStep, HIDDEN, redactBody, redactUrl } from "./step-detail";

describe("redactUrl", () => {
  it("prints URLs without credentials exactly as written", () => {
    expect(redactUrl("https://Example.com")).toBe("https://Example.com");
    expect(redactUrl("/api/demo-fleet/search/health?zone=a")).toBe("/api/demo-fleet/search/health?zone=a");
  });

  it("drops user:password and hides secret-looking query values", () => {
    expect(redactUrl("https://bob:pw@example.com/x?access_token=t&sig=s&page=2")).toBe(
      `https://example.com/x?access_token=${HIDDEN}&sig=${HIDDEN}&page=2`,
    );
    expect(redactUrl("/hook?apiKey=k")).toBe(`/hook?apiKey=${HIDDEN}`);
  });

  it("hides path segments that look like tokens (a webhook path can be the secret)", () => {
    expect(redactUrl("https://hooks.example.test/services/T0/B0/CANARYpath4244debf/restart")).toBe(
      `https://hooks.example.test/services/T0/B0/${HIDDEN}/restart`,
    );
    expect(redactUrl("/api/demo-fleet/checkout-api/restart")).toBe("/api/demo-fleet/checkout-api/restart");
  });
});

describe("redactBody", () => {
  it("hides secret fields at any depth in JSON and withholds bodies that are not JSON", () => {
    expect(JSON.parse(redactBody('{"user":"ops","auth":{"password":"p"},"items":[{"apiKey":"k","n":1}]}')!)).toEqual({
      user: "ops",
      auth: HIDDEN,
      items: [{ apiKey: HIDDEN, n: 1 }],
    });
    expect(redactBody("token=abc")).toMatch(/^\(9 characters, not JSON: not printed/);
    expect(redactBody(undefined)).toBeNull();
  });
});

describe("describeStep", () => {
  it("hides header values except harmless ones, and skips GET bodies", () => {
    expect(
      describeStep("http", {
        url: "https://x.example/r",
        method: "GET",
        headers: { Accept: "text/plain", "X-Api-Key": "k" },
        body: "ignored",
      }),
    ).toEqual({
      kind: "http",
      method: "GET",
      url: "https://x.example/r",
      headers: [
        { name: "Accept", value: "text/plain" },
        { name: "X-Api-Key", value: HIDDEN },
      ],
      body: null,
      expect: "any 2xx status",
    });
  });

  it("keeps commands verbatim and reports invalid settings instead of throwing", () => {
    expect(describeStep("command", { command: "  pg_ctl promote -D /var/lib/pg  " })).toEqual({
      kind: "command",
      command: "pg_ctl promote -D /var/lib/pg",
      cwd: null,
    });
    expect(describeStep("healthcheck", { url: "ftp://nope", expectStatus: [200, 204] })).toMatchObject({
      kind: "invalid",
    });
    expect(describeStep("approval", {})).toEqual({ kind: "instructions", text: "" });
  });
});
