import { describe, expect, it } from "vitest";
import { executeStep } from "./executors";

const options = { commandsEnabled: false, signal: new AbortController().signal };

describe("HTTP and health-check steps never call link-local or metadata addresses", () => {
  it("refuses before connecting, naming the address and hiding the URL's secrets", async () => {
    const http = await executeStep(
      {
        kind: "http",
        config: { method: "GET", url: "http://169.254.169.254/latest/meta-data/iam?token=abc" },
        timeoutSeconds: 5,
      },
      options,
    );
    expect(http.ok).toBe(false);
    expect(http.error).toMatch(/169\.254\.169\.254 is a link-local or metadata address/);
    expect(http.error).not.toContain("token=abc");
    const health = await executeStep(
      { kind: "healthcheck", config: { url: "http://[fe80::1]/healthz", intervalSeconds: 1 }, timeoutSeconds: 5 },
      options,
    );
    expect(health.ok).toBe(false);
    expect(health.error).toMatch(/link-local/);
  });
});
