// The live timeline on a real database: ids commit in order under concurrent writers, a subscriber that
// drops and resumes from its last id gets exactly what it missed, two hubs (as two app processes would)
// both see an event, and a hub whose LISTEN connection is killed recovers without losing anything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { waitFor } from "@/test/http-receiver";
import { appendTimeline, type TimelineEntry } from "../timeline";
import { TimelineHub } from "./hub";
import { formatEvent, timelineStream } from "./sse";

let t: TestDatabase;
let other: Db;
const hubs: TimelineHub[] = [];
let incidentId = "";
let second = "";

const newHub = () => {
  const hub = new TimelineHub({ connectionString: t.url, db: t.db, pollMs: 60_000, reconnectMs: 100 });
  hubs.push(hub);
  return hub;
};

// 60 writers share a pool of 10: give them time to get a connection on a busy machine.
const write = (db: Db, message: string, id = incidentId) =>
  db.$transaction((tx) => appendTimeline(tx, { incidentId: id, kind: "note", actor: { name: "test" }, message }), {
    maxWait: 20_000,
  });

beforeAll(async () => {
  t = await createTestDatabase();
  // A second client stands for another app process writing.
  other = createPrismaClient(t.url);
  incidentId = (await t.db.incident.create({ data: { title: "Stream", severity: "SEV2" } })).id;
  second = (await t.db.incident.create({ data: { title: "Other", severity: "SEV3" } })).id;
});

afterAll(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  await other.$disconnect();
});

function collector() {
  const got: TimelineEntry[] = [];
  return { got, send: (events: TimelineEntry[]) => got.push(...events) };
}

describe("timeline stream", () => {
  it("delivers concurrent writes in id order with no gaps", async () => {
    const hub = newHub();
    const c = collector();
    const unsubscribe = await hub.subscribe({ incidentId, cursor: BigInt(0), send: c.send });
    await Promise.all(Array.from({ length: 60 }, (_, i) => write(i % 2 ? other : t.db, `n${i}`)));
    await waitFor(() => c.got.length >= 60, 10_000, "60 events");
    const ids = c.got.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(ids).size).toBe(60);
    const inDb = await t.db.timelineEvent.findMany({
      where: { incidentId },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(ids).toEqual(inDb.map((r) => r.id));
    unsubscribe();
  });

  it("resumes from the last id it had: nothing missed, nothing twice", async () => {
    const hub = newHub();
    const first = collector();
    const start = (await t.db.timelineEvent.aggregate({ _max: { id: true } }))._max.id!;
    const stop = await hub.subscribe({ incidentId, cursor: start, send: first.send });
    await write(t.db, "before drop 1");
    await write(t.db, "before drop 2");
    await waitFor(() => first.got.length === 2, 5000, "two live events");
    stop();
    // While disconnected: events on this incident and on another.
    await write(other, "missed 1");
    await write(other, "elsewhere", second);
    await write(other, "missed 2");
    const resumed = collector();
    const lastSeen = BigInt(first.got.at(-1)!.id);
    const stop2 = await hub.subscribe({ incidentId, cursor: lastSeen, send: resumed.send });
    await write(t.db, "after resume");
    await waitFor(() => resumed.got.length === 3, 5000, "replay + live");
    await new Promise((r) => setTimeout(r, 200));
    expect(resumed.got.map((e) => e.message)).toEqual(["missed 1", "missed 2", "after resume"]);
    stop2();
  });

  it("reaches subscribers of two hubs (two processes) from a write on either", async () => {
    const [a, b] = [newHub(), newHub()];
    const [ca, cb] = [collector(), collector()];
    const from = (await t.db.timelineEvent.aggregate({ _max: { id: true } }))._max.id!;
    await a.subscribe({ incidentId, cursor: from, send: ca.send });
    await b.subscribe({ cursor: from, send: cb.send });
    await write(other, "to everyone");
    await waitFor(() => ca.got.length === 1 && cb.got.length === 1, 5000, "both hubs");
    expect(ca.got[0]!.id).toBe(cb.got[0]!.id);
  });

  it("recovers when its LISTEN connection is killed, catching up on what happened meanwhile", async () => {
    const hub = newHub();
    const c = collector();
    const from = (await t.db.timelineEvent.aggregate({ _max: { id: true } }))._max.id!;
    await hub.subscribe({ incidentId, cursor: from, send: c.send });
    await t.db
      .$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lifeboat-timeline-hub' AND datname = current_database()`;
    await write(other, "during the outage");
    await waitFor(() => c.got.length === 1, 10_000, "event after reconnect");
    await write(other, "after reconnect");
    await waitFor(() => c.got.length === 2, 10_000, "live again");
    expect(c.got.map((e) => e.message)).toEqual(["during the outage", "after reconnect"]);
  });

  it("speaks server-sent events with ids the browser resumes from", async () => {
    const hub = newHub();
    const from = (await t.db.timelineEvent.aggregate({ _max: { id: true } }))._max.id!;
    const controller = new AbortController();
    const response = await timelineStream({ hub, incidentId, afterId: from, signal: controller.signal });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const [entry] = await write(t.db, 'line with "quotes"\nand a newline');
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes(`id: ${entry!.id}`)) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(formatEvent(entry!));
    expect(
      formatEvent(entry!)
        .split("\n")
        .filter((l) => l.startsWith("data:")),
    ).toHaveLength(1);
    await reader.cancel();
    controller.abort();
  });

  it("gives its slot back exactly once however it ends: server end, client cancel, or a client already gone", async () => {
    const hub = newHub();
    const closes = { ended: 0, cancelled: 0, gone: 0 };
    const ended = await timelineStream({ hub, afterId: BigInt(0), maxAgeMs: 300, onClose: () => closes.ended++ });
    const reader = ended.body!.getReader();
    while (!(await reader.read()).done);
    const cancelled = await timelineStream({ hub, afterId: BigInt(0), onClose: () => closes.cancelled++ });
    const other = cancelled.body!.getReader();
    await other.read();
    await other.cancel();
    const aborted = new AbortController();
    aborted.abort();
    const gone = await timelineStream({
      hub,
      afterId: BigInt(0),
      signal: aborted.signal,
      onClose: () => closes.gone++,
    });
    await gone.body!.cancel();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closes).toEqual({ ended: 1, cancelled: 1, gone: 1 });
  });
});
