// Where Lifeboat's own HTTP requests (webhooks, SMS/voice gateways, runbook HTTP and health-check steps) may go.
// Private and loopback addresses stay allowed: a DR tool calls internal services by design. Link-local addresses
// do not: 169.254.169.254 and friends are cloud metadata services that hand out the host's credentials, and a
// webhook's answer is shown to whoever tests the channel. Checked on the resolved addresses, so a DNS name
// pointing there is refused too (redirects are never followed: every fetch uses redirect "manual").
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

/** True for addresses no outbound request may reach: link-local (IPv4/IPv6, also IPv4-mapped), unspecified, metadata. */
export function isForbiddenAddress(address: string): boolean {
  const v4 = address.toLowerCase().replace(/^::ffff:/, "");
  if (isIP(v4) === 4) {
    const [a, b] = v4.split(".").map(Number);
    return (a === 169 && b === 254) || a === 0;
  }
  const v6 = address.toLowerCase();
  return /^fe[89ab][0-9a-f]:/.test(v6) || v6 === "::" || v6.startsWith("fd00:ec2:");
}

/** null when the URL may be requested, else the reason (for the step output or the delivery record). */
export async function outboundProblem(url: string): Promise<string | null> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return "not a valid URL";
  }
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return null; // Unresolvable: let the request itself fail with its own, clearer error.
  }
  const forbidden = addresses.find(isForbiddenAddress);
  return forbidden ? `refused: ${host} is a link-local or metadata address (${forbidden}), which Lifeboat never calls` : null;
}
