import http from "node:http";
import type { AddressInfo } from "node:net";
import { Agent, fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeStep } from "@/lib/recovery/executors";
import { createGuardedFetch, guardedLookup, OutboundRefusedError, type Resolver } from "./outbound";

// Real HTTP on this machine. 169.254.169.254 cannot be bound here, so the stand-in metadata service listens on
// 127.0.0.1 and is reached the way an attacker reaches it: through 0.0.0.0 (which Linux connects to this host)
// in one of its IPv6 spellings. A harmless service listens on 127.0.0.2, same port.
const CREDENTIALS = JSON.stringify({
  Code: "Success",
  AccessKeyId: "ASIACANARYKEYID00001",
  SecretAccessKey: "canary/secret/access/key/0123456789abcdef",
  Token: "canary-session-token",
});

type Server = { server: http.Server; hits: string[] };
const listen = (host: string, port: number, answer: string): Promise<Server> =>
  new Promise((resolve) => {
    const hits: string[] = [];
    const server = http.createServer((request, response) => {
      hits.push(`${request.socket.localAddress} ${request.url}`);
      response.setHeader("Connection", "close"); // Every request opens its own connection: one lookup each.
      response.end(answer);
    });
    server.listen(port, host, () => resolve({ server, hits }));
  });

let metadata: Server;
let harmless: Server;
let port: number;
const options = { commandsEnabled: false, signal: new AbortController().signal };

beforeAll(async () => {
  metadata = await listen("127.0.0.1", 0, CREDENTIALS);
  port = (metadata.server.address() as AddressInfo).port;
  harmless = await listen("127.0.0.2", port, "ok");
});
afterAll(() => {
  metadata.server.close();
  harmless.server.close();
});

describe("HTTP steps never reach link-local, unspecified or metadata addresses, however they are spelled", () => {
  it("refuses the reported bypass, http://[::ffff:169.254.169.254]/…, before any connection, saying why", async () => {
    const started = performance.now();
    const step = await executeStep(
      {
        kind: "http",
        config: {
          method: "GET",
          url: "http://[::ffff:169.254.169.254]/latest/meta-data/iam/security-credentials/role",
        },
        timeoutSeconds: 5,
      },
      options,
    );
    expect(step.ok).toBe(false);
    expect(step.error).toMatch(
      /refused: ::ffff:a9fe:a9fe is a link-local or metadata address \(169\.254\.169\.254, embedded in IPv6\)/,
    );
    expect(performance.now() - started).toBeLessThan(1000); // Refused, not a connect attempt that timed out.
  });

  it("does not fetch the stand-in metadata service through any IPv6 spelling of 0.0.0.0", async () => {
    for (const host of ["[::ffff:0.0.0.0]", "[0:0:0:0:0:ffff:0:0]", "[::ffff:0:0.0.0.0]", "0.0.0.0", "[::]"]) {
      const url = `http://${host}:${port}/latest/meta-data/iam/security-credentials/role`;
      const step = await executeStep({ kind: "http", config: { method: "GET", url }, timeoutSeconds: 5 }, options);
      expect(step.ok, url).toBe(false);
      expect(step.error, url).toMatch(/refused: .* is an unspecified address/);
      expect(`${step.output} ${step.error}`, url).not.toContain("SecretAccessKey");
    }
    const health = await executeStep(
      {
        kind: "healthcheck",
        config: { url: `http://[::ffff:0:0]:${port}/healthz`, intervalSeconds: 1 },
        timeoutSeconds: 5,
      },
      options,
    );
    expect(health.error).toMatch(/refused/);
    expect(metadata.hits).toEqual([]);
  });

  it("still calls loopback services, the way recovery steps do", async () => {
    const step = await executeStep(
      { kind: "http", config: { method: "GET", url: `http://127.0.0.2:${port}/ping` }, timeoutSeconds: 5 },
      options,
    );
    expect(step.ok).toBe(true);
    expect(step.output).toContain("HTTP 200");
  });
});

describe("DNS rebinding: the connection goes to the address that was checked", () => {
  // Answers the harmless address once, then 0.0.0.0 (the stand-in metadata service) for ever after.
  const rebinding = () => {
    const calls: string[] = [];
    const resolve: Resolver = async (hostname) => {
      calls.push(hostname);
      return [{ address: calls.length === 1 ? "127.0.0.2" : "0.0.0.0", family: 4 }];
    };
    return { resolve, calls };
  };

  it("control: a check that resolves separately from the connect is fooled (so this test can see the attack)", async () => {
    const { resolve } = rebinding();
    const [checked] = await resolve("rebind.test");
    expect(checked!.address).toBe("127.0.0.2"); // The check passes…
    const naive = new Agent({
      connect: {
        lookup: (host, opts, callback) =>
          void resolve(host).then((a) => (opts.all ? callback(null, a) : callback(null, a[0]!.address, 4))),
      },
    });
    const answer = await (await fetch(`http://rebind.test:${port}/latest/meta-data/`, { dispatcher: naive })).text();
    expect(answer).toContain("SecretAccessKey"); // …and the connection lands on the metadata service.
    await naive.close();
    metadata.hits.length = 0;
  });

  it("checks the answer the socket connects to, once per connection, and refuses the rebound one", async () => {
    const { resolve, calls } = rebinding();
    const guarded = createGuardedFetch(resolve);
    harmless.hits.length = 0;
    const first = await guarded(`http://rebind.test:${port}/first`);
    expect(await first.text()).toBe("ok");
    expect(harmless.hits).toEqual(["127.0.0.2 /first"]);
    await expect(guarded(`http://rebind.test:${port}/second`)).rejects.toThrow(
      new OutboundRefusedError(
        "refused: rebind.test resolves to 0.0.0.0, an unspecified address, which Lifeboat never calls",
      ),
    );
    expect(calls).toEqual(["rebind.test", "rebind.test"]); // One lookup per connection, and it is the checked one.
    expect(metadata.hits).toEqual([]);
  });

  it("refuses a name when any of its addresses is forbidden, and answers both lookup styles", async () => {
    const lookup = guardedLookup(async () => [
      { address: "10.0.0.1", family: 4 },
      { address: "fe80::1", family: 6 },
    ]);
    const error = await new Promise((done) => lookup("mixed.test", { all: true }, (e) => done(e)));
    expect(error).toBeInstanceOf(OutboundRefusedError);
    const single = guardedLookup(async () => [{ address: "10.0.0.1", family: 4 }]);
    const answer = await new Promise((done) =>
      single("ok.test", {}, (e, address, family) => done([e, address, family])),
    );
    expect(answer).toEqual([null, "10.0.0.1", 4]);
  });
});
