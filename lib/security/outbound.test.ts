import { describe, expect, it } from "vitest";
import { isForbiddenAddress, outboundProblem } from "./outbound";

describe("outbound requests", () => {
  it("refuses link-local, unspecified and metadata addresses, in every spelling", () => {
    for (const address of ["169.254.169.254", "169.254.0.1", "0.0.0.0", "::ffff:169.254.169.254", "fe80::1", "FE80::abcd", "::", "fd00:ec2::254"]) {
      expect(isForbiddenAddress(address), address).toBe(true);
    }
  });

  it("allows the private and loopback addresses internal services live on", () => {
    for (const address of ["127.0.0.1", "10.0.0.5", "192.168.1.10", "172.16.0.1", "::1", "fd12:3456::1", "8.8.8.8", "2001:db8::1"]) {
      expect(isForbiddenAddress(address), address).toBe(false);
    }
  });

  it("checks the URL's host, bracketed IPv6 included, and names the reason", async () => {
    expect(await outboundProblem("http://169.254.169.254/latest/meta-data/")).toMatch(/link-local or metadata/);
    expect(await outboundProblem("http://[fe80::1]:8080/")).toMatch(/fe80::1/);
    expect(await outboundProblem("http://127.0.0.1:3000/api/health")).toBeNull();
    expect(await outboundProblem("http://localhost:3000/")).toBeNull();
  });
});
