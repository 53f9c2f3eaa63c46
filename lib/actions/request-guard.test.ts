import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionBodyProblem, crossOriginProblem } from "./request-guard";

describe("actionBodyProblem", () => {
  it("lets through what React's client sends: a JSON array as text, or a complete multipart body", () => {
    expect(actionBodyProblem("text/plain;charset=UTF-8", 20, '[{"name":"x"}]')).toBeNull();
    expect(
      actionBodyProblem(
        "multipart/form-data; boundary=----abc",
        60,
        '------abc\r\nContent-Disposition: form-data; name="1"\r\n\r\nx\r\n------abc--\r\n',
      ),
    ).toBeNull();
  });
  it("refuses truncated, trailing-garbage and non-array bodies with a 400", () => {
    for (const body of ['[{"a":1', '[{"a":1}]zz', '{"a":1}', "", "\ufeff[]", "null"])
      expect(actionBodyProblem("text/plain", body.length, body)?.status, body).toBe(400);
  });
  it("refuses a multipart body without its closing boundary, or without a boundary at all", () => {
    expect(actionBodyProblem("multipart/form-data; boundary=x", 3, "a=1")?.status).toBe(400);
    expect(actionBodyProblem("multipart/form-data", 3, "--x--")?.status).toBe(400);
  });
  it("refuses bodies over the limit by their declared or actual size", () => {
    expect(actionBodyProblem("text/plain", ACTION_BODY_LIMIT_BYTES + 1, "[]")?.status).toBe(413);
    expect(actionBodyProblem("text/plain", 0, `["${"x".repeat(ACTION_BODY_LIMIT_BYTES)}"]`)?.status).toBe(413);
  });
});

describe("crossOriginProblem", () => {
  const headers = (values: Record<string, string>) => new Headers(values);
  it("lets through a same-origin action, by Host or by the proxy's X-Forwarded-Host, and leaves a missing Origin to Next", () => {
    expect(crossOriginProblem(headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBeNull();
    expect(
      crossOriginProblem(
        headers({
          origin: "https://dr.example.com",
          host: "app:3000",
          "x-forwarded-host": "DR.example.com, proxy.internal",
        }),
      ),
    ).toBeNull();
    expect(crossOriginProblem(headers({ host: "127.0.0.1:3000" }))).toBeNull();
  });
  it("refuses another site, another port, the null origin and garbage with a 403", () => {
    for (const origin of [
      "https://evil.example",
      "http://127.0.0.1:3001",
      "null",
      "not a url",
      "http://127.0.0.1:3000.evil.example",
    ]) {
      expect(crossOriginProblem(headers({ origin, host: "127.0.0.1:3000" }))?.status, origin).toBe(403);
    }
    expect(
      crossOriginProblem(
        headers({ origin: "https://dr.example.com", host: "dr.example.com", "x-forwarded-host": "evil.example" }),
      )?.status,
    ).toBe(403);
  });
});
