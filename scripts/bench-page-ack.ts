// `npm run bench:page-ack`: acting from a page, end to end, against a production build on a throwaway
// embedded Postgres with the demo data. Each round declares an incident whose policy pages one contact by SMS
// through a loopback "gateway" (node:http); the moment the gateway receives the page is "page sent". The
// bench takes the link out of the text, posts its Acknowledge (as the phone's browser does) and waits for the
// commander's open stream (the dashboard's SSE, signed in) to show the acknowledgement.
// Figures, p50 / p95 / max over the rounds:
// - page sent → commander's stream shows the acknowledgement (the goal: p95 < 1 s), split into the link's
//   Acknowledge round trip (POST → 303) and the rest (commit → stream);
// - declared → page received by the gateway (job wake-up, the policy's first level, delivery), for context;
// Raw baseline: the bare acknowledge write (actFromPage: verify, spend the link, acknowledge, timeline) called
// in-process on the same database, no HTTP and no stream.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { randomBytes } from "node:crypto";
import { createPrismaClient, type Db } from "@/lib/db/client";
import type { TimelineEntry } from "@/lib/incidents/timeline";
import { actFromPage } from "@/lib/incidents/page-actions";
import { newReplyCode } from "@/lib/incidents/page-links";
import { seedDemo } from "@/lib/seed/seed-demo";
import { benchCli, cleanUpOnce, invokedAs, timeRatio, type BenchOptions, type BenchResult } from "./lib/bench-run";
import { ensureBuild } from "./lib/ensure-build";
import { sleep } from "./lib/fan-out";
import { keepAliveClient } from "./lib/http-client";
import { percentiles, type Percentiles } from "./lib/measure";
import { actionData, serverActionCaller } from "./lib/server-action";
import { signIn } from "./lib/sign-in";
import { openSse, type SseStream } from "./lib/sse-client";
import { startAppServer, startThrowawayDatabase, type AppServer, type ThrowawayDatabase } from "./lib/throwaway";

const ROUNDS = 25;
const BASELINE_ROUNDS = 50;
const GOAL_P95_MS = 1000;
const TIMEOUT_MS = 15_000;

/** The loopback gateway: every page it receives, with the moment its body arrived. */
async function startGateway() {
  const received: { to: string; text: string; at: number }[] = [];
  const waiting = new Map<string, (sms: { text: string; at: number }) => void>();
  const server: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      const at = performance.now();
      const sms = JSON.parse(data || "{}") as { to: string; text: string };
      received.push({ ...sms, at });
      res.writeHead(200, { "content-type": "application/json" }).end('{"queued":true}');
      for (const [ref, resolve] of waiting)
        if (sms.text.includes(`${ref} `)) {
          waiting.delete(ref);
          resolve({ text: sms.text, at });
        }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`,
    /** The first page whose text names the incident (`INC-12 `). */
    next(ref: string) {
      const already = received.find((m) => m.text.includes(`${ref} `));
      if (already) return Promise.resolve(already);
      return new Promise<{ text: string; at: number }>((resolve, reject) => {
        waiting.set(ref, resolve);
        setTimeout(() => reject(new Error(`no page for ${ref} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A system whose policy pages one contact by SMS at once, through the gateway. */
async function pagingWorld(db: Db, gatewayUrl: string) {
  const s = randomBytes(3).toString("hex");
  const channel = await db.notificationChannel.create({
    data: { name: `Bench SMS ${s}`, type: "sms", url: gatewayUrl },
  });
  const contact = await db.contact.create({ data: { name: `Bench On-call ${s}`, phone: "+14155550199" } });
  const system = await db.system.create({ data: { name: `Bench Ledger ${s}` } });
  await db.escalationPolicy.create({
    data: {
      name: `Bench paging ${s}`,
      systemId: system.id,
      levels: {
        create: [
          {
            position: 1,
            afterMinutes: 0,
            contacts: { create: [{ contactId: contact.id }] },
            channels: { create: [{ channelId: channel.id }] },
          },
        ],
      },
    },
  });
  return { systemId: system.id, contactId: contact.id };
}

/** The raw floor: the acknowledge write itself, in-process (fresh incident and link each time). */
async function bareAcknowledge(db: Db, contactId: string) {
  const jobs = { enqueue: async () => undefined };
  const times: number[] = [];
  for (let i = 0; i < BASELINE_ROUNDS + 1; i++) {
    const incident = await db.incident.create({ data: { title: `Bench baseline ${i}`, severity: "SEV3" } });
    // The row as issuePageLink writes it (its URL needs the app's settings, which this process has not).
    const { id: linkId } = await db.pageLink.create({
      data: { incidentId: incident.id, contactId, code: newReplyCode(), expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const started = performance.now();
    await actFromPage(db, jobs, { linkId, action: "acknowledge", via: "page link" });
    if (i > 0) times.push(performance.now() - started); // the first warms plans and pools
  }
  return percentiles(times);
}

const ms = (p: Percentiles) => `${p.p50.toFixed(0)} / ${p.p95.toFixed(0)} / ${p.max.toFixed(0)}`;

export async function runPageAckBench(options: BenchOptions): Promise<BenchResult> {
  if (!options.built) await ensureBuild(options.log);
  let database: ThrowawayDatabase | undefined;
  let server: AppServer | undefined;
  let db: Db | undefined;
  let stream: SseStream | undefined;
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
  const cleanUp = cleanUpOnce(
    async () => {
      stream?.close();
      await Promise.race([server?.stop(), sleep(10_000)]);
      await gateway?.stop();
      await db?.$disconnect().catch(() => {});
    },
    () => database,
  );
  try {
    database = await startThrowawayDatabase("lifeboat_bench_page");
    db = createPrismaClient(database.url);
    await seedDemo(db);
    gateway = await startGateway();
    const world = await pagingWorld(db, gateway.url);
    server = await startAppServer(database.url, { env: { LOG_LEVEL: "warn" } });
    const baseUrl = server.baseUrl;
    const cookie = await signIn(baseUrl, "commander@lifeboat.local", "lifeboat-demo");
    const http = keepAliveClient(baseUrl, 2);
    const declare = serverActionCaller(http, {
      baseUrl,
      cookie,
      file: "app/(app)/incidents/actions.ts",
      exportedName: "declareIncidentAction",
    });

    // The commander's dashboard stream, open for the whole run: it sees every incident's timeline.
    const seen = new Map<string, number>();
    const watchers = new Map<string, (at: number) => void>();
    const after = (await db.timelineEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
    stream = await openSse(`${baseUrl}/api/incidents/stream?after=${after}`, { Cookie: cookie }, (event) => {
      if (event.event !== "timeline") return;
      const entry = JSON.parse(event.data) as TimelineEntry;
      if (entry.kind !== "acknowledged") return;
      seen.set(entry.incidentId, event.receivedAt);
      watchers.get(entry.incidentId)?.(event.receivedAt);
    });
    const acknowledgedSeen = (incidentId: string) =>
      seen.has(incidentId)
        ? Promise.resolve(seen.get(incidentId)!)
        : new Promise<number>((resolve, reject) => {
            watchers.set(incidentId, resolve);
            setTimeout(() => reject(new Error(`the stream did not show ${incidentId}'s ack`)), TIMEOUT_MS);
          });

    options.log(`Page → SMS → link acknowledged → commander's stream: ${ROUNDS} rounds (+1 warm-up)…`);
    const total: number[] = [];
    const post: number[] = [];
    const toStream: number[] = [];
    const delivery: number[] = [];
    const problems: string[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const declaredAt = performance.now();
      const response = await declare("/incidents/new", [
        { title: `Bench page ${round}`, severity: "SEV2", systemId: world.systemId },
      ]);
      const incident = actionData<{ id: string; number: number }>(response.status, response.body);
      const sms = await gateway.next(`INC-${incident.number}`);
      const url = /Acknowledge or escalate: (\S+)/.exec(sms.text)?.[1];
      if (!url) throw new Error(`the page carries no link: ${sms.text}`);
      const posting = performance.now();
      const answer = await fetch(`${baseUrl}${new URL(url).pathname.replace("/p/", "/api/pages/")}/acknowledge`, {
        method: "POST",
        redirect: "manual",
      });
      const answered = performance.now();
      if (answer.status !== 303 || !answer.headers.get("location")?.endsWith("?done=acknowledged"))
        problems.push(`round ${round}: the link answered ${answer.status} ${answer.headers.get("location")}`);
      const shownAt = await acknowledgedSeen(incident.id);
      if (round === 0) continue;
      delivery.push(sms.at - declaredAt);
      post.push(answered - posting);
      toStream.push(shownAt - answered);
      total.push(shownAt - sms.at);
    }
    stream.close();

    options.log(`Raw baseline: the bare acknowledge write in-process, ${BASELINE_ROUNDS} times…`);
    const raw = await bareAcknowledge(db, world.contactId);
    const [t, p, s, d] = [total, post, toStream, delivery].map((v) => percentiles(v)) as [
      Percentiles,
      Percentiles,
      Percentiles,
      Percentiles,
    ];
    const doubles = await db.timelineEvent.groupBy({
      by: ["incidentId"],
      where: { kind: "acknowledged", incident: { title: { startsWith: "Bench page " } } },
      _count: true,
    });
    if (doubles.some((g) => g._count !== 1)) problems.push("an incident has more than one acknowledgement line");

    const report = options.report;
    report(
      `\nms: p50 / p95 / max over ${ROUNDS} rounds (${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}).`,
    );
    report(`page sent (gateway received) → commander's stream shows the ack   ${ms(t)}`);
    report(`  link's Acknowledge: POST → 303                                  ${ms(p)}`);
    report(`  303 answered → stream shows it                                  ${ms(s)}`);
    report(`declared → gateway received the page (job, level 1, delivery)     ${ms(d)}`);
    report(`raw: the bare acknowledge write in-process (${BASELINE_ROUNDS}×)             ${ms(raw)}`);
    report(`Goal p95 < ${GOAL_P95_MS} ms: ${t.p95 < GOAL_P95_MS ? "MET" : "NOT MET"} (p95 ${t.p95.toFixed(0)} ms)`);
    return {
      rows: [
        {
          measurement: `page sent → SMS gateway → link acknowledged → commander's stream (p50 / p95 ms, ${ROUNDS} rounds)`,
          lifeboat: `${t.p50.toFixed(0)} / ${t.p95.toFixed(0)}`,
          baseline: `bare acknowledge write ${raw.p50.toFixed(1)} / ${raw.p95.toFixed(1)}`,
          ratio: timeRatio(t.p95, raw.p95),
          note: `goal p95 < ${GOAL_P95_MS} ms; declared → page received p95 ${d.p95.toFixed(0)} ms`,
        },
      ],
      problems,
    };
  } finally {
    await cleanUp();
  }
}

if (invokedAs("bench-page-ack")) benchCli(runPageAckBench);
