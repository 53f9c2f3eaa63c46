import { describe, expect, it } from "vitest";
import { SECRET_PLACEHOLDER as S } from "./format";
import { redactStepConfig, redactUrl, restoreSecrets, restoreUrl } from "./secrets";

describe("redactUrl", () => {
  it.each([
    ["https://api.example.test/v1/restore", "https://api.example.test/v1/restore"],
    ["https://api.example.test/start?token=abc&mode=full", `https://api.example.test/start?token=${S}&mode=${S}`],
    ["https://user:pa55@db.example.test/x", `https://user:${S}@db.example.test/x`],
    ["https://tok3n@db.example.test/x", `https://${S}@db.example.test/x`],
    ["https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX", `https://hooks.slack.com/services/T0000/B0000/${S}`],
    ["https://x.example.test/hook/a1b2c3d4e5f6a7b8", `https://x.example.test/hook/${S}`],
    ["/api/demo-fleet/payments/restart?sig=zz", `/api/demo-fleet/payments/restart?sig=${S}`],
    ["not a url", "not a url"],
  ])("%s", (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});

describe("step settings", () => {
  const stored = { url: "https://restore.example.test/start", method: "POST", headers: { "X-Api-Key": "k3y", "Content-Type": "application/json" }, body: "{}" };

  it("hide every header but harmless ones, and the body", () => {
    expect(redactStepConfig(stored)).toEqual({ url: stored.url, method: "POST", headers: { "X-Api-Key": S, "Content-Type": "application/json" }, body: S });
  });

  it("restore only for the very step they came from", () => {
    expect(restoreSecrets(redactStepConfig(stored), stored)).toEqual(stored);
    expect(restoreSecrets({ ...redactStepConfig(stored), url: "https://evil.example.test/" }, stored)).toBeNull();
    expect(restoreSecrets({ ...redactStepConfig(stored), method: "PUT" }, stored)).toBeNull();
    expect(restoreSecrets(redactStepConfig(stored), undefined)).toBeNull();
    expect(restoreSecrets({ url: "https://x.example.test/", headers: { A: "b" } }, undefined)).toEqual({ url: "https://x.example.test/", headers: { A: "b" } });
  });

  it("restore a URL only against the same stored URL", () => {
    const url = "https://status.example.test/health?key=hk";
    expect(restoreUrl(redactUrl(url), url)).toBe(url);
    expect(restoreUrl(redactUrl(url), "https://other.example.test/health?key=hk")).toBeNull();
    expect(restoreUrl("https://plain.example.test/", null)).toBe("https://plain.example.test/");
  });
});
