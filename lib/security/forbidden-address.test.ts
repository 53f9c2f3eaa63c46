import { describe, expect, it } from "vitest";
import { addressProblem, isForbiddenAddress } from "./forbidden-address";

// Every address here is written the way it reaches the check: as the URL parser leaves a literal host
// (new URL("http://[::ffff:169.254.169.254]/").hostname is "[::ffff:a9fe:a9fe]") or as a resolver returns it.
const FORBIDDEN: Record<string, string[]> = {
  "IPv4 link-local and metadata": [
    "169.254.169.254",
    "169.254.0.1",
    "169.254.255.255",
    "100.100.100.200",
    "168.63.129.16",
  ],
  "IPv4 unspecified, broadcast, multicast, reserved": [
    "0.0.0.0",
    "0.1.2.3",
    "255.255.255.255",
    "224.0.0.1",
    "239.255.255.250",
    "240.0.0.1",
    "192.0.0.192",
  ],
  "IPv4-mapped (::ffff:a.b.c.d), dotted and hex": [
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe",
    "[::ffff:a9fe:a9fe]",
    "0:0:0:0:0:ffff:169.254.169.254",
    "0:0:0:0:0:FFFF:A9FE:A9FE",
    "::ffff:0.0.0.0",
    "::ffff:0:0",
    "::ffff:e000:1",
    "::ffff:6464:64c8",
  ],
  "SIIT (::ffff:0:a.b.c.d)": ["::ffff:0:169.254.169.254", "::ffff:0:a9fe:a9fe"],
  "IPv4-compatible (::a.b.c.d)": ["::169.254.169.254", "::a9fe:a9fe", "0:0:0:0:0:0:a9fe:a9fe", "::0.0.0.2"],
  "NAT64 (64:ff9b::/96, 64:ff9b:1::/48)": [
    "64:ff9b::169.254.169.254",
    "64:ff9b::a9fe:a9fe",
    "64:ff9b::0.0.0.0",
    "64:ff9b:1::a9fe:a9fe",
  ],
  "6to4 (2002::/16)": ["2002:a9fe:a9fe::", "2002:a9fe:a9fe:1::1", "2002:0:0::1"],
  "Teredo (2001::/32), server or client": ["2001:0:a9fe:a9fe::1", "2001:0:4136:e378:8000:63bf:5601:5601"],
  "IPv6 link-local, site-local, unspecified, multicast, discard": [
    "fe80::1",
    "FE80::abcd",
    "fe80::1%eth0",
    "febf::1",
    "fec0::1",
    "::",
    "0:0:0:0:0:0:0:0",
    "ff02::1",
    "ff05::1:3",
    "100::1",
  ],
  "AWS IPv6 metadata (fd00:ec2::/32)": ["fd00:ec2::254", "fd00:ec2:0:0:0:0:0:254", "fd00:ec2::23"],
  "not an address at all (fail closed)": ["", "localhost", "169.254.169.254.nip.io", "1.2.3", "::ffff:"],
};

const ALLOWED: Record<string, string[]> = {
  "loopback, the recovery steps' own services": [
    "127.0.0.1",
    "127.0.0.53",
    "::1",
    "0:0:0:0:0:0:0:1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
  ],
  "private networks": [
    "10.0.0.5",
    "172.16.0.1",
    "192.168.1.10",
    "100.64.0.1",
    "fd12:3456::1",
    "::ffff:10.1.2.3",
    "64:ff9b::a01:203",
  ],
  "public addresses": [
    "8.8.8.8",
    "1.1.1.1",
    "2001:4860:4860::8888",
    "2606:4700::1111",
    "2002:808:808::1",
    "2001:db8::1",
  ],
};

describe("where outbound requests may go", () => {
  for (const [what, addresses] of Object.entries(FORBIDDEN)) {
    it(`refuses ${what}`, () => {
      for (const address of addresses) expect(addressProblem(address), address).not.toBeNull();
    });
  }

  for (const [what, addresses] of Object.entries(ALLOWED)) {
    it(`allows ${what}`, () => {
      for (const address of addresses) expect(addressProblem(address), address).toBeNull();
    });
  }

  it("judges an embedded IPv4 address as itself and says so", () => {
    expect(addressProblem("::ffff:a9fe:a9fe")).toBe(
      "a link-local or metadata address (169.254.169.254, embedded in IPv6)",
    );
    expect(addressProblem("2002:a9fe:a9fe::")).toContain("169.254.169.254");
    expect(addressProblem("169.254.169.254")).toBe("a link-local or metadata address");
    expect(addressProblem("fd00:ec2::254")).toBe("a cloud metadata address");
  });

  it("agrees with the URL parser's spellings of the reported bypass", () => {
    for (const url of [
      "http://[::ffff:169.254.169.254]/",
      "http://[0:0:0:0:0:ffff:169.254.169.254]/",
      "http://[::169.254.169.254]/",
      "http://[64:ff9b::169.254.169.254]/",
    ]) {
      const host = new URL(url).hostname;
      expect(host, url).not.toContain("169.254");
      expect(isForbiddenAddress(host), `${url} → ${host}`).toBe(true);
    }
  });
});
