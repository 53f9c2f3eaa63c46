// Live stream caps with real HTTP on an app server of its own (caps set low: 3 per user, 5 per process,
// on the e2e database): beyond a cap a stream is refused with 429, Retry-After and the cap named; closing a
// stream frees its slot; other users keep getting streams until the process cap; metrics count both.
import { expect, test } from "@playwright/test";
import http from "node:http";
import { signIn } from "../scripts/lib/sign-in";
import { startAppServer, type AppServer } from "../scripts/lib/throwaway";
import { createTestUser } from "./support/db";

let app: AppServer | undefined;
const open: Stream[] = [];

test.afterAll(async () => {
  open.forEach((s) => s.close());
  await app?.stop();
});

type Stream = { status: number; retryAfter: string | undefined; body: string; close: () => void };

/** Opens /api/incidents/stream; a 200 resolves once its first bytes arrive (the stream holds its slot then). */
function openStream(baseUrl: string, cookie: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${baseUrl}/api/incidents/stream`,
      { agent: false, headers: { Accept: "text/event-stream", Cookie: cookie } },
      (res) => {
        const close = () => req.destroy();
        res.on("error", () => {});
        res.setEncoding("utf8");
        let body = "";
        const answer = () => ({
          status: res.statusCode ?? 0,
          retryAfter: res.headers["retry-after"] as string | undefined,
          body,
          close,
        });
        if (res.statusCode === 200) {
          res.once("data", (chunk: string) => {
            body = chunk;
            const stream = answer();
            open.push(stream);
            resolve(stream);
          });
        } else {
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve(answer()));
        }
      },
    );
    req.on("error", reject);
  });
}

async function metric(baseUrl: string, line: string): Promise<number | undefined> {
  const text = await (await fetch(`${baseUrl}/api/metrics`)).text();
  const found = text.split("\n").find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

test("streams are capped per user and per process, answered 429 with Retry-After, and a closed stream frees its slot", async () => {
  test.setTimeout(120_000);
  app = await startAppServer(process.env.E2E_DATABASE_URL!, {
    env: { STREAMS_PER_USER: "3", STREAMS_PER_PROCESS: "5", WORKER: "off", LOG_LEVEL: "warn" },
    logs: Boolean(process.env.E2E_SERVER_LOG),
  });
  const { baseUrl } = app;
  const [viewer, other] = [await createTestUser("viewer", "streams-a"), await createTestUser("viewer", "streams-b")];
  const [a, b] = [
    await signIn(baseUrl, viewer.email, viewer.password),
    await signIn(baseUrl, other.email, other.password),
  ];

  // One user: three streams, the fourth refused with the user cap named.
  const mine = [await openStream(baseUrl, a), await openStream(baseUrl, a), await openStream(baseUrl, a)];
  expect(mine.map((s) => s.status)).toEqual([200, 200, 200]);
  const refused = await openStream(baseUrl, a);
  expect(refused.status).toBe(429);
  expect(refused.retryAfter).toBe("30");
  expect(JSON.parse(refused.body)).toMatchObject({ cap: "user", limit: 3 });

  // Another user still gets streams, up to the process cap (5 in all), then the process cap is named.
  const theirs = [await openStream(baseUrl, b), await openStream(baseUrl, b)];
  expect(theirs.map((s) => s.status)).toEqual([200, 200]);
  const full = await openStream(baseUrl, b);
  expect(full.status).toBe(429);
  expect(full.retryAfter).toBe("30");
  expect(JSON.parse(full.body)).toMatchObject({ cap: "process", limit: 5 });

  // Counted once subscribed to the timeline, a moment after the first bytes.
  await expect.poll(() => metric(baseUrl, "lifeboat_sse_open_streams"), { timeout: 5_000 }).toBe(5);
  expect(await metric(baseUrl, 'lifeboat_sse_streams_refused_total{cap="user"}')).toBe(1);
  expect(await metric(baseUrl, 'lifeboat_sse_streams_refused_total{cap="process"}')).toBe(1);

  // The client goes away: its slot comes back (the server notices the closed socket), and a new stream opens.
  mine[0]!.close();
  const started = Date.now();
  await expect.poll(() => metric(baseUrl, "lifeboat_sse_open_streams"), { timeout: 10_000 }).toBe(4);
  const again = await openStream(baseUrl, a);
  expect(again.status).toBe(200);
  console.log(`stream caps: slot freed ${Date.now() - started} ms after the client closed`);

  // Every stream closed: every slot free, user caps included.
  open.forEach((s) => s.close());
  await expect.poll(() => metric(baseUrl, "lifeboat_sse_open_streams"), { timeout: 10_000 }).toBe(0);
  const after = [
    await openStream(baseUrl, a),
    await openStream(baseUrl, a),
    await openStream(baseUrl, a),
    await openStream(baseUrl, b),
  ];
  expect(after.map((s) => s.status)).toEqual([200, 200, 200, 200]);
});
