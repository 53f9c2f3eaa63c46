// "Nobody reached yet" from the pages Postgres holds: one incident's verdict, and the board's list of them.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { findPagingHealth, findUnreachedIncidents } from "./paging-health";

let t: TestDatabase;
let sms: string;
let slack: string;

beforeAll(async () => {
  t = await createTestDatabase();
  sms = (await t.db.notificationChannel.create({ data: { name: "SMS gateway", type: "sms" } })).id;
  slack = (await t.db.notificationChannel.create({ data: { name: "Slack", type: "webhook" } })).id;
});

async function incidentWithPages(states: [string, "sent" | "failed" | "pending"][], acknowledged = false) {
  const incident = await t.db.incident.create({
    data: { title: `paged ${states.length}`, severity: "SEV1", ...(acknowledged && { acknowledgedAt: new Date() }) },
  });
  for (const [channelId, state] of states)
    await t.db.escalationPage.create({
      data: { incidentId: incident.id, dueAt: new Date(), cycle: 1, level: 1, channelId, state },
    });
  return incident;
}

describe("paging health", () => {
  it("says nobody was reached while every page failed, naming the channels, and lists it for the board", async () => {
    const failing = await incidentWithPages([
      [sms, "failed"],
      [slack, "failed"],
      [slack, "pending"],
    ]);
    const health = await findPagingHealth(t.db, failing.id);
    expect(health).toMatchObject({ nobodyReached: true, attempted: 2, failingChannels: ["SMS gateway", "Slack"] });

    const reached = await incidentWithPages([
      [sms, "failed"],
      [slack, "sent"],
    ]);
    expect((await findPagingHealth(t.db, reached.id)).nobodyReached).toBe(false);
    const acknowledged = await incidentWithPages([[sms, "failed"]], true);
    expect((await findPagingHealth(t.db, acknowledged.id)).nobodyReached).toBe(false);

    const board = await findUnreachedIncidents(t.db);
    expect(board.map((i) => i.id)).toEqual([failing.id]);
  });
});
