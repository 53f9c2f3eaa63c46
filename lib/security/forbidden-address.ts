// Which IP addresses Lifeboat's own requests may never reach (lib/security/outbound.ts does the requests).
// Private and loopback addresses stay allowed: a DR tool calls internal services by design. Forbidden: link-local
// (169.254/16 holds the cloud metadata services that hand out the host's credentials), unspecified (0.0.0.0
// connects to this host), multicast, broadcast, reserved, and known metadata endpoints outside those ranges.
// Every IPv6 spelling that carries an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) is judged as
// that IPv4 address: the URL parser rewrites [::ffff:169.254.169.254] to [::ffff:a9fe:a9fe], and string
// rules never saw through that. ipaddr.js parses; the rules here only name ranges.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

const FORBIDDEN_V4_RANGES = new Set(["unspecified", "broadcast", "multicast", "linkLocal", "reserved"]);
const FORBIDDEN_V6_RANGES = new Set(["unspecified", "linkLocal", "multicast", "deprecatedSiteLocal", "discard"]);

// Metadata endpoints outside link-local: Alibaba Cloud (100.100.100.200, in carrier-grade NAT space) and
// Azure's WireServer (168.63.129.16, a public address that serves VM extension settings). Nothing a runbook
// or a webhook has any business calling.
const METADATA_V4 = new Set(["100.100.100.200", "168.63.129.16"]);
// AWS's IPv6 metadata endpoint (fd00:ec2::254) and its neighbours (DNS, time) live in fd00:ec2::/32.
const AWS_V6 = ipaddr.parseCIDR("fd00:ec2::/32");
// RFC 4291's deprecated IPv4-compatible form ::a.b.c.d (:: and ::1 excepted, judged as themselves).
const COMPATIBLE = ipaddr.parseCIDR("::/96");

const NAMES: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local or metadata address",
  reserved: "a reserved address",
  deprecatedSiteLocal: "a site-local address",
  discard: "a discard-only address",
};

const v4 = (high: number, low: number): IPv4 => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/** The IPv4 addresses an IPv6 address carries, in every standard embedding. */
function embeddedIPv4(address: IPv6): IPv4[] {
  const p = address.parts;
  switch (address.range()) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
    case "rfc6145": // ::ffff:0:a.b.c.d
    case "rfc6052": // NAT64: 64:ff9b::/96 (and the local-use 64:ff9b:1::/48), address in the last 32 bits
      return [v4(p[6]!, p[7]!)];
    case "6to4": // 2002:AABB:CCDD::/48
      return [v4(p[1]!, p[2]!)];
    case "teredo": // 2001:0:SERVER:flags:port:~CLIENT
      return [v4(p[2]!, p[3]!), v4(~p[6]! & 0xffff, ~p[7]! & 0xffff)];
  }
  // :: and ::1 are judged as themselves (unspecified, loopback); every other ::a.b.c.d as a.b.c.d.
  if (address.match(COMPATIBLE) && (p[6] !== 0 || p[7]! > 1)) return [v4(p[6]!, p[7]!)];
  return [];
}

function ipv4Problem(address: IPv4): string | null {
  if (METADATA_V4.has(address.toString())) return "a cloud metadata address";
  const range = address.range();
  return FORBIDDEN_V4_RANGES.has(range) ? NAMES[range]! : null;
}

/**
 * Why no outbound request may reach this address, or null when it may. Anything that does not parse as an IP
 * address is refused (fail closed): callers pass resolved addresses or literal URL hosts.
 */
export function addressProblem(text: string): string | null {
  const literal = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  // Node's strict check first: ipaddr.js also takes inet_aton's shorthands ("1.2.3"), which no resolver returns.
  if (!isIP(literal)) return "not an IP address";
  const address = ipaddr.parse(literal);
  if (address.kind() === "ipv4") return ipv4Problem(address as IPv4);
  const v6 = address as IPv6;
  if (v6.match(AWS_V6)) return "a cloud metadata address";
  const range = v6.range();
  if (FORBIDDEN_V6_RANGES.has(range)) return NAMES[range]!;
  for (const inner of embeddedIPv4(v6)) {
    const problem = ipv4Problem(inner);
    if (problem) return `${problem} (${inner.toString()}, embedded in IPv6)`;
  }
  return null;
}

export const isForbiddenAddress = (text: string): boolean => addressProblem(text) !== null;
