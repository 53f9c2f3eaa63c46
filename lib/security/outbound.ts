// The one way Lifeboat makes its own HTTP requests (webhooks, SMS/voice gateways, runbook HTTP and health-check
// steps): guardedFetch. Where a request may go is lib/security/forbidden-address.ts. The address is checked
// where the socket is opened — a lookup on the HTTP agent resolves the name, checks every address and hands
// the connection only those — so a DNS answer that changes between a check and the connect (rebinding) cannot
// send the request elsewhere. Literal-IP URLs skip lookups, so they are checked before the request. Redirects
// are never followed (the next hop would be another URL to check): every request uses redirect "manual".
import { lookup as dnsLookup } from "node:dns";
import type { LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, fetch, type RequestInit, type Response } from "undici";
import { addressProblem } from "./forbidden-address";

/** A refused request: the message is safe to store and show (it names the host and the address, no URL). */
export class OutboundRefusedError extends Error {
  readonly code = "OUTBOUND_REFUSED";
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefusedError";
  }
}

/** Resolves a host name to every address it has (the system resolver unless a test passes its own). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

const refusal = (host: string, address: string, problem: string) =>
  new OutboundRefusedError(
    host === address
      ? `refused: ${host} is ${problem}, which Lifeboat never calls`
      : `refused: ${host} resolves to ${address}, ${problem}, which Lifeboat never calls`,
  );

/** null when the URL's host is a literal IP address Lifeboat may call, or a name (checked when connecting). */
export function literalProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "not a valid URL";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return `refused: ${parsed.protocol} URLs are not fetched`;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  if (!isIP(host)) return null;
  const problem = addressProblem(host);
  return problem ? refusal(host, host, problem).message : null;
}

/**
 * A socket lookup that resolves once, refuses when any address is forbidden (a name that also points at the
 * metadata service is not one to call), and returns exactly the addresses it checked.
 */
export function guardedLookup(resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((all) => {
        const addresses =
          options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (addresses.length === 0)
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname });
        for (const { address } of addresses) {
          const problem = addressProblem(address);
          if (problem) throw refusal(hostname, address, problem);
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, "", 0));
  };
}

export type GuardedFetch = (url: string, init?: Omit<RequestInit, "dispatcher" | "redirect">) => Promise<Response>;

/** A guarded fetch over its own connection pool; tests pass a resolver of their own. */
export function createGuardedFetch(resolve: Resolver = systemResolver): GuardedFetch {
  // fetch and Agent from the same undici package: a dispatcher from another copy (Node's bundled one) may not fit.
  const agent = new Agent({ connect: { lookup: guardedLookup(resolve) } });
  return async (url, init = {}) => {
    const problem = literalProblem(url);
    if (problem) throw new OutboundRefusedError(problem);
    try {
      return await fetch(url, { ...init, redirect: "manual", dispatcher: agent });
    } catch (error) {
      // undici wraps connect errors as TypeError("fetch failed", { cause }): a refusal is worth saying plainly.
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof OutboundRefusedError) throw cause;
      throw error;
    }
  };
}

export const guardedFetch: GuardedFetch = createGuardedFetch();
