import { describe, expect, it } from "vitest";
import { SECRET_PLACEHOLDER as S, redactStepConfig, redactUrl, restoreSecrets, restoreUrl } from "./secrets";

describe("redactUrl", () => {
  it.each([
    ["https://api.example.test/v1/restore", "https://api.example.test/v1/restore"],
    ["https://api.example.test/start?token=abc&mode=full", `https://api.example.test/start?token=${S}&mode=${S}`],
    ["https://user:pa55@db.example.test/x", `https://user:${S}@db.example.test/x`],
    ["https://tok3n@db.example.test/x", `https://${S}@db.example.test/x`],
    [
      "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX",
      `https://hooks.slack.com/services/T0000/B0000/${S}`,
    ],
    ["https://x.example.test/hook/a1b2c3d4e5f6a7b8", `https://x.example.test/hook/${S}`],
    ["/api/demo-fleet/payments/restart?sig=zz", `/api/demo-fleet/payments/restart?sig=${S}`],
    ["not a url", "not a url"],
  ])("%s", (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });
});

describe("step settings", () => {
  const stored = {
    url: "https://restore.example.test/start",
    method: "POST",
    headers: { "X-Api-Key": "k3y", "Content-Type": "application/json" },
    body: "{}",
  };

  it("hide every header but harmless ones, and the body", () => {
    expect(redactStepConfig(stored)).toEqual({
      url: stored.url,
      method: "POST",
      headers: { "X-Api-Key": S, "Content-Type": "application/json" },
      body: S,
    });
  });

  it("restore only for the very step they came from", () => {
    expect(restoreSecrets(redactStepConfig(stored), stored)).toEqual(stored);
    expect(restoreSecrets({ ...redactStepConfig(stored), url: "https://evil.example.test/" }, stored)).toBeNull();
    expect(restoreSecrets({ ...redactStepConfig(stored), method: "PUT" }, stored)).toBeNull();
    expect(restoreSecrets(redactStepConfig(stored), undefined)).toBeNull();
    expect(restoreSecrets({ url: "https://x.example.test/", headers: { A: "b" } }, undefined)).toEqual({
      url: "https://x.example.test/",
      headers: { A: "b" },
    });
  });

  it("restore a URL only against the same stored URL", () => {
    const url = "https://status.example.test/health?key=hk";
    expect(restoreUrl(redactUrl(url), url)).toBe(url);
    expect(restoreUrl(redactUrl(url), "https://other.example.test/health?key=hk")).toBeNull();
    expect(restoreUrl("https://plain.example.test/", null)).toBe("https://plain.example.test/");
  });
});

describe("redactOutput", () => {
  it("hides the credentials a metadata service, a command or a login answer prints, and keeps the rest", async () => {
    const { redactOutput } = await import("./secrets");
    const aws = `GET http://10.0.0.5/latest/meta-data/iam/security-credentials/role → HTTP 200 in 3 ms\n{\n  "Code" : "Success",\n  "AccessKeyId" : "ASIACANARYKEYID00001",\n  "SecretAccessKey" : "canary/secret+key",\n  "Token" : "IQoJb3JpZ2luX2VjE",\n  "Expiration" : "2030-01-01T00:00:00Z"\n}`;
    const shown = redactOutput(aws);
    for (const secret of ["ASIACANARYKEYID00001", "canary/secret+key", "IQoJb3JpZ2luX2VjE"])
      expect(shown).not.toContain(secret);
    expect(shown).toContain('"Code" : "Success"');
    expect(shown).toContain('"Expiration" : "2030-01-01T00:00:00Z"');
    expect(shown).toContain("GET http://10.0.0.5/latest/meta-data/iam/security-credentials/role → HTTP 200 in 3 ms");

    const text = [
      "DB_PASSWORD=hunter2hunter2 PORT=5432",
      "api_key: abcdef0123456789",
      "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig",
      '{"password":"pw-canary-1","user":"admin"}',
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAcanary\n-----END RSA PRIVATE KEY-----",
      "see https://hooks.example.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX?sig=abc123",
      "found AKIAIOSFODNN7EXAMPLE in the logs",
    ].join("\n");
    const out = redactOutput(text);
    for (const secret of [
      "hunter2hunter2",
      "abcdef0123456789",
      "eyJhbGciOiJIUzI1NiJ9",
      "pw-canary-1",
      "MIIEowIBAAKCAQEAcanary",
      "XXXXXXXXXXXXXXXXXXXXXXXX",
      "abc123",
      "AKIAIOSFODNN7EXAMPLE",
    ])
      expect(out, secret).not.toContain(secret);
    for (const kept of ["PORT=5432", '"user":"admin"', "in the logs"]) expect(out).toContain(kept);
  });
});
