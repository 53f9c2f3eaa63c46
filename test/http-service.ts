// A real local HTTP service whose answers a test scripts per path: a status, a delay, failures for the
// first N calls, unhealthy for a while. It records every call with when it started and when it answered.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type Reply = { status?: number; delayMs?: number; body?: string };
/** A fixed reply, or one computed from the call's number on this path (1-based). */
export type Behaviour = Reply | ((call: number) => Reply);
type Call = { path: string; method: string; body: string; startedAt: number; answeredAt?: number };

/** 500 for the first `times` calls, then `then`. */
export const failFirst =
  (times: number, then: Reply = { status: 200 }, failure: Reply = { status: 500 }): Behaviour =>
  (call) =>
    call <= times ? failure : then;

/** 503 until `ms` after the first call, then 200. */
export function healthyAfter(ms: number): Behaviour {
  let first = 0;
  return () => {
    first ||= Date.now();
    return Date.now() - first >= ms ? { status: 200, body: "ok" } : { status: 503, body: "starting" };
  };
}

export async function startTestService(routes: Record<string, Behaviour> = {}) {
  const behaviours = new Map(Object.entries(routes));
  const calls: Call[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]!;
      const call: Call = { path, method: req.method ?? "GET", body, startedAt: Date.now() };
      calls.push(call);
      const behaviour = behaviours.get(path) ?? { status: 200 };
      const reply =
        typeof behaviour === "function" ? behaviour(calls.filter((c) => c.path === path).length) : behaviour;
      const answer = () => {
        call.answeredAt = Date.now();
        if (!res.destroyed)
          res.writeHead(reply.status ?? 200, { "Content-Type": "text/plain" }).end(reply.body ?? "ok");
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    /** Sets (or replaces) what a path answers. */
    on(path: string, behaviour: Behaviour) {
      behaviours.set(path, behaviour);
    },
    count: (path: string) => calls.filter((c) => c.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        // Held responses (delays) must not keep the server open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type TestService = Awaited<ReturnType<typeof startTestService>>;

/** A port nothing listens on (bound, then released). */
export async function closedPort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
