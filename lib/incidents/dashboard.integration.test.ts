// The command board's reads on a real database: incidents opened through the real alert intake, an alert
// storm found from what the alerts record (one system, one alertname), ranked for triage, and each URL filter
// (unacknowledged, mine, system, severity) applied in SQL.
import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import type { JobSink } from "@/lib/jobs/boss";
import { ingestAlertGroup, type IncomingAlert } from "./alerts/intake";
import { findBoard } from "./dashboard";

let t: TestDatabase;
const jobs: JobSink = { enqueue: async () => undefined };
const config = { serviceLabels: ["service"], systemLabel: "system" };
const ids: Record<string, string> = {};

const alert = (labels: Record<string, string>, severity: string): IncomingAlert => ({
  dedupKey: randomBytes(6).toString("hex"),
  status: "firing",
  summary: labels.summary ?? "alert",
  severity,
  labels,
  annotations: {},
  generatorUrl: null,
  startsAt: null,
  endsAt: null,
});

async function open(title: string, labels: Record<string, string>, severity: string) {
  const result = await ingestAlertGroup(
    t.db,
    jobs,
    { source: "alertmanager", groupKey: `{}:{${title}}`, title, alerts: [alert(labels, severity)] },
    config,
  );
  return result.incident!.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const shop = await t.db.system.create({ data: { name: "Shop" } });
  const pay = await t.db.system.create({ data: { name: "Payments" } });
  ids.shop = shop.id;
  await t.db.service.create({ data: { systemId: shop.id, name: "checkout-api", tier: 3, rtoMinutes: 240 } });
  await t.db.service.create({ data: { systemId: pay.id, name: "payments-db", tier: 1, rtoMinutes: 15 } });
  ids.user = (
    await t.db.user.create({ data: { email: "cora@example.test", name: "Cora", role: "commander", passwordHash: "x" } })
  ).id;
  for (let i = 0; i < 5; i++)
    await open(
      `checkout slow ${i}`,
      { alertname: "CheckoutSlow", system: "Shop", service: "checkout-api", instance: `c-${i}` },
      "warning",
    );
  ids.urgent = await open(
    "payments down",
    { alertname: "PaymentsDown", system: "Payments", service: "payments-db" },
    "critical",
  );
  // One more of a different alert family on the same system: not part of the storm.
  ids.disk = await open("disk full", { alertname: "DiskFull", system: "Shop", service: "checkout-api" }, "warning");
});

describe("findBoard", () => {
  it("ranks the new Tier 1 incident first and collapses the storm of one system and alertname into one entry", async () => {
    const started = performance.now();
    const board = await findBoard(t.db, { filters: { unacknowledged: false, mine: false }, userId: ids.user! });
    console.log(`findBoard: ${Math.round(performance.now() - started)} ms for ${board.total} incidents`);
    const shape = board.entries.map((e) =>
      e.kind === "storm" ? `storm ${e.family} ×${e.incidents.length}` : e.incident.title,
    );
    expect(shape[0]).toBe("payments down");
    expect(shape).toContain("storm CheckoutSlow ×5");
    expect(shape).toContain("disk full");
    expect(board.entries).toHaveLength(3);
    expect(board.total).toBe(7);
    const urgent = board.entries[0]!;
    expect(urgent.kind === "incident" && urgent.incident.triage.reasons.slice(1)).toEqual([
      expect.stringMatching(/^0% of RTO used \(payments-db, 15 min\)$/),
      "SEV1",
      "Tier 1",
    ]);
  });

  it("applies each filter in SQL", async () => {
    await t.db.incident.update({ where: { id: ids.disk! }, data: { acknowledgedAt: new Date(), acknowledgedBy: "x" } });
    await t.db.incident.update({ where: { id: ids.urgent! }, data: { commanderId: ids.user! } });
    const titles = async (filters: Parameters<typeof findBoard>[1]["filters"]) =>
      (await findBoard(t.db, { filters, userId: ids.user! })).entries.map((e) =>
        e.kind === "storm" ? `storm ×${e.incidents.length}` : e.incident.title,
      );
    expect(await titles({ unacknowledged: true, mine: false })).toEqual(["payments down", "storm ×5"]);
    expect(await titles({ unacknowledged: false, mine: true })).toEqual(["payments down"]);
    expect(await titles({ unacknowledged: false, mine: false, systemId: ids.shop! })).toEqual([
      "storm ×5",
      "disk full",
    ]);
    expect(await titles({ unacknowledged: false, mine: false, severity: "SEV1" })).toEqual(["payments down"]);
    // An acknowledged incident with time left goes below every unacknowledged one.
    expect((await titles({ unacknowledged: false, mine: false })).at(-1)).toBe("disk full");
  });

  it("reads the board in well under the second a new incident has to reach it", async () => {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      await findBoard(t.db, { filters: { unacknowledged: false, mine: false }, userId: ids.user! });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`findBoard ×10: median ${times[5]!.toFixed(1)} ms, max ${times[9]!.toFixed(1)} ms`);
    expect(times[5]!).toBeLessThan(250);
  });
});
