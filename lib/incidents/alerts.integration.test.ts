// Alert intake through the real route handlers on a real database: Alertmanager retries and repeats,
// Events API trigger/acknowledge/resolve, bad input, and concurrent deliveries of the same alert.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type PgBoss from "pg-boss";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createApiToken } from "@/lib/tokens/tokens";
import { createBoss, startBoss } from "@/lib/jobs/boss";

let t: TestDatabase;
let boss: PgBoss;
let alertmanager: (request: Request) => Promise<Response>;
let events: (request: Request) => Promise<Response>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  vi.stubEnv("DATABASE_URL", t.url);
  boss = await startBoss(createBoss(t.url));
  ({ POST: alertmanager } = await import("@/app/api/v1/alerts/alertmanager/route"));
  ({ POST: events } = await import("@/app/api/v1/alerts/events/route"));
  const system = await t.db.system.create({ data: { name: "Shop" } });
  await t.db.service.createMany({
    data: [
      { systemId: system.id, name: "checkout-api", tier: 1 },
      { systemId: system.id, name: "orders-db", tier: 1 },
    ],
  });
  tokens.alerts = (await createApiToken(t.db, { system: "test" }, { name: "am", scopes: ["alerts:write"] })).token;
  tokens.read = (await createApiToken(t.db, { system: "test" }, { name: "reader", scopes: ["read"] })).token;
});

afterAll(async () => {
  await boss.stop({ graceful: false });
});

function post(
  handler: (r: Request) => Promise<Response>,
  body: unknown,
  token: string | null = tokens.alerts!,
  raw?: string,
) {
  return handler(
    new Request("http://lifeboat.test/api/v1/alerts", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: raw ?? JSON.stringify(body),
    }),
  );
}

function amPayload(status: "firing" | "resolved", fingerprints: string[], groupKey = '{}:{alertname="CheckoutDown"}') {
  return {
    version: "4",
    groupKey,
    truncatedAlerts: 0,
    status,
    receiver: "lifeboat",
    groupLabels: { alertname: "CheckoutDown" },
    commonLabels: { alertname: "CheckoutDown", severity: "critical" },
    commonAnnotations: {},
    externalURL: "http://alertmanager:9093",
    alerts: fingerprints.map((fingerprint, i) => ({
      status,
      labels: {
        alertname: "CheckoutDown",
        severity: "critical",
        job: i === 0 ? "checkout-api" : "orders-db",
        instance: `host-${i}:9100`,
      },
      annotations: { summary: `Checkout is failing (${fingerprint})` },
      startsAt: "2026-11-22T01:00:00Z",
      endsAt: status === "resolved" ? "2026-11-22T01:10:00Z" : "0001-01-01T00:00:00Z",
      generatorURL: "http://prometheus:9090/graph?g0.expr=up",
      fingerprint,
    })),
  };
}

const timelineOf = (incidentId: string) =>
  t.db.timelineEvent.findMany({ where: { incidentId }, orderBy: { id: "asc" } });

describe("Alertmanager webhook", () => {
  it("opens one incident for a group, mapped to services by label, however often it is re-sent", async () => {
    const first = await post(alertmanager, amPayload("firing", ["fp-a", "fp-b"]));
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ status: "ok", created: true, changed: 2 });
    // Retries and repeat notifications, including ten at once.
    const repeats = await Promise.all(
      Array.from({ length: 10 }, () => post(alertmanager, amPayload("firing", ["fp-a", "fp-b"]))),
    );
    expect(repeats.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await t.db.incident.count({ where: { source: "alertmanager" } })).toBe(1);
    const incident = await t.db.incident.findUniqueOrThrow({
      where: { id: body.incident.id },
      include: { services: { include: { service: true } }, alerts: true },
    });
    expect(incident).toMatchObject({
      severity: "SEV1",
      status: "detected",
      source: "alertmanager",
      dedupKey: '{}:{alertname="CheckoutDown"}',
    });
    expect(incident.services.map((s) => s.service.name).sort()).toEqual(["checkout-api", "orders-db"]);
    expect(incident.alerts.map((a) => [a.dedupKey, a.receivedCount]).sort()).toEqual([
      ["fp-a", 11],
      ["fp-b", 11],
    ]);
    const kinds = (await timelineOf(incident.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === "alert_received")).toHaveLength(2);
    expect(kinds.filter((k) => k === "declared")).toHaveLength(1);
  });

  it("records resolved alerts and leaves resolving the incident to a person", async () => {
    const incident = await t.db.incident.findFirstOrThrow({ where: { source: "alertmanager" } });
    expect((await post(alertmanager, amPayload("resolved", ["fp-a"]))).status).toBe(200);
    let timeline = await timelineOf(incident.id);
    expect(timeline.at(-1)!.message).toBe("1 alert(s) still firing.");
    expect((await post(alertmanager, amPayload("resolved", ["fp-a", "fp-b"]))).status).toBe(200);
    timeline = await timelineOf(incident.id);
    expect(timeline.filter((e) => e.kind === "alert_resolved")).toHaveLength(2);
    expect(timeline.at(-1)!.message).toMatch(/stays open until the commander/);
    expect((await t.db.incident.findUniqueOrThrow({ where: { id: incident.id } })).status).toBe("detected");
  });

  it("a fingerprint that fires again joins its open incident, even from another group", async () => {
    const res = await post(alertmanager, amPayload("firing", ["fp-a"], '{}:{alertname="Other"}'));
    const body = await res.json();
    const original = await t.db.incident.findFirstOrThrow({
      where: { source: "alertmanager" },
      orderBy: { declaredAt: "asc" },
    });
    expect(body).toMatchObject({ created: false, incident: { id: original.id } });
    expect((await timelineOf(original.id)).at(-1)!.message).toMatch(/^Alert firing again/);
  });

  it("a storm of one big group re-sent in shuffled order: no deadlock, one incident, every delivery counted", async () => {
    const fingerprints = Array.from({ length: 10 }, (_, i) => `storm-${i}`);
    const groupKey = '{}:{alertname="Storm"}';
    expect((await post(alertmanager, amPayload("firing", fingerprints, groupKey))).status).toBe(200);
    const shuffled = () => [...fingerprints].sort(() => Math.random() - 0.5);
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => post(alertmanager, amPayload("firing", shuffled(), groupKey))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(200));
    const alerts = await t.db.alert.findMany({ where: { dedupKey: { in: fingerprints } } });
    expect(new Set(alerts.map((a) => a.incidentId)).size).toBe(1);
    expect(alerts.map((a) => a.receivedCount)).toEqual(Array(10).fill(31));
  });

  it("refuses bad input with 400 and stores nothing", async () => {
    const before = await t.db.alert.count();
    const bad = amPayload("firing", ["fp-x"]) as Record<string, unknown>;
    const cases: [unknown, string | undefined][] = [
      [{ ...bad, alerts: [] }, "alerts"],
      [{ ...bad, status: "weird" }, "status"],
      [{ ...bad, alerts: [{ ...(bad.alerts as object[])[0], fingerprint: "" }] }, "alerts.0.fingerprint"],
      [{ ...bad, alerts: [{ ...(bad.alerts as object[])[0], startsAt: "yesterday" }] }, "alerts.0.startsAt"],
      ["[]", undefined],
    ];
    for (const [body, field] of cases) {
      const res = await post(alertmanager, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      if (field) expect((await res.json()).field).toBe(field);
    }
    expect((await post(alertmanager, null, tokens.alerts!, "{not json")).status).toBe(400);
    expect(
      (await post(alertmanager, null, tokens.alerts!, JSON.stringify({ pad: "x".repeat(1024 * 1024) }))).status,
    ).toBe(413);
    expect(await t.db.alert.count()).toBe(before);
  });

  it("a sender's clock far off shifts nothing measured: the incident is declared by the database's clock", async () => {
    const skewed = amPayload("firing", ["skew-1"], '{}:{alertname="Skewed"}');
    const yearAhead = new Date(Date.now() + 365 * 86_400_000).toISOString();
    skewed.alerts[0]!.startsAt = yearAhead;
    const before = Date.now();
    expect((await post(alertmanager, skewed)).status).toBe(200);
    const alert = await t.db.alert.findFirstOrThrow({ where: { dedupKey: "skew-1" }, include: { incident: true } });
    expect(alert.startsAt?.toISOString(), "stored as the sender reported it").toBe(yearAhead);
    expect(Math.abs(alert.incident.declaredAt.getTime() - before)).toBeLessThan(10_000);
  });

  it("refuses timestamps that are no real instant (loose forms, years Postgres cannot hold) with 400 naming the field", async () => {
    const before = await t.db.alert.count();
    for (const startsAt of [
      "1",
      "-010000-01-01T00:00:00Z",
      "+275760-09-13T00:00:00Z",
      "2026-11-21",
      "2026-13-45T99:99:99Z",
    ]) {
      const payload = amPayload("firing", ["skew-bad"], '{}:{alertname="SkewBad"}');
      payload.alerts[0]!.startsAt = startsAt;
      const res = await post(alertmanager, payload);
      expect(res.status, startsAt).toBe(400);
      expect((await res.json()).field).toBe("alerts.0.startsAt");
    }
    const event = {
      routing_key: tokens.alerts,
      event_action: "trigger",
      payload: { summary: "x", source: "y", severity: "error", timestamp: "-010000-01-01T00:00:00Z" },
    };
    expect((await post(events, event, null)).status).toBe(400);
    expect(await t.db.alert.count()).toBe(before);
  });

  it("needs a token with the alerts:write scope", async () => {
    expect((await post(alertmanager, amPayload("firing", ["fp-z"]), null)).status).toBe(401);
    expect((await post(alertmanager, amPayload("firing", ["fp-z"]), tokens.read!)).status).toBe(403);
  });
});

describe("Events API v2", () => {
  const trigger = (dedup_key?: string, extra: object = {}) => ({
    routing_key: tokens.alerts,
    event_action: "trigger",
    ...(dedup_key ? { dedup_key } : {}),
    payload: { summary: "orders-db replication lag", source: "orders-db:5432", severity: "error" },
    ...extra,
  });

  it("triggers with the token as routing_key and answers like PagerDuty", async () => {
    const res = await post(events, trigger("db-lag"), null);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "success", message: "Event processed", dedup_key: "db-lag" });
    expect((await post(events, trigger("db-lag"), null)).status).toBe(202);
    const incidents = await t.db.incident.findMany({
      where: { source: "events_api", dedupKey: "db-lag" },
      include: { services: { include: { service: true } } },
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ severity: "SEV2" });
    expect(incidents[0]!.services.map((s) => s.service.name)).toEqual(["orders-db"]);
  });

  it("makes a dedup_key when the sender gives none", async () => {
    const body = await (await post(events, trigger())).json();
    expect(body.dedup_key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("acknowledge stops the escalation; resolve is recorded, the incident stays open", async () => {
    const ack = await post(
      events,
      { routing_key: tokens.alerts, event_action: "acknowledge", dedup_key: "db-lag" },
      null,
    );
    expect(ack.status).toBe(202);
    const incident = await t.db.incident.findFirstOrThrow({ where: { dedupKey: "db-lag" } });
    expect(incident.acknowledgedBy).toBe("events API");
    expect(
      (await post(events, { routing_key: tokens.alerts, event_action: "resolve", dedup_key: "db-lag" }, null)).status,
    ).toBe(202);
    const alert = await t.db.alert.findFirstOrThrow({ where: { dedupKey: "db-lag" } });
    expect(alert.status).toBe("resolved");
    const kinds = (await timelineOf(incident.id)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["declared", "alert_received", "acknowledged", "alert_resolved"]));
    expect((await t.db.incident.findUniqueOrThrow({ where: { id: incident.id } })).status).toBe("detected");
  });

  it("answers 400 with PagerDuty's error shape", async () => {
    const res = await post(
      events,
      { routing_key: tokens.alerts, event_action: "trigger", payload: { summary: "", source: "x", severity: "loud" } },
      null,
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ status: "invalid event", message: "Event object is invalid" });
    expect(body.errors).toEqual(
      expect.arrayContaining([expect.stringContaining("payload.summary"), expect.stringContaining("payload.severity")]),
    );
    expect((await post(events, { routing_key: tokens.alerts, event_action: "acknowledge" }, null)).status).toBe(400);
  });

  it("refuses a routing_key that is not a valid token", async () => {
    expect((await post(events, { ...trigger("nope"), routing_key: "R0UT1NGKEY" }, null)).status).toBe(401);
    expect((await post(events, { ...trigger("nope"), routing_key: tokens.read }, null)).status).toBe(403);
  });
});

describe("the public status page and machine-opened incidents", () => {
  it("keeps an alert's text off the public page until a commander publishes it", async () => {
    const { findStatusPage } = await import("@/lib/incidents/status-page");
    const { updateIncident } = await import("@/lib/incidents/incidents");
    const summary = "Replication broken on db-primary 10.0.3.14, password auth failed for user replicator";
    expect(
      (
        await post(
          events,
          {
            routing_key: tokens.alerts,
            event_action: "trigger",
            dedup_key: "leaky",
            payload: { summary, source: "db-primary", severity: "critical" },
          },
          null,
        )
      ).status,
    ).toBe(202);
    const incident = await t.db.incident.findFirstOrThrow({ where: { dedupKey: "leaky" } });
    expect(incident.severity).toBe("SEV1");
    expect(incident.statusPageLevel).toBe("operational");
    const publicLines = await t.db.timelineEvent.findMany({ where: { incidentId: incident.id, public: true } });
    expect(publicLines).toEqual([]);
    // A time far from the cache's last read: the page is read afresh.
    const page = await findStatusPage(t.db, Date.now() + 3_600_000);
    expect(JSON.stringify(page)).not.toContain("10.0.3.14");

    await updateIncident(
      t.db,
      { system: "test" },
      { incidentId: incident.id, version: incident.version, statusPageLevel: "major_outage" },
    );
    const published = await findStatusPage(t.db, Date.now() + 7_200_000);
    expect(published.incidents.map((i) => i.id)).toContain(incident.id);
    const lines = published.incidents.find((i) => i.id === incident.id)!.timeline.map((l) => l.message);
    expect(lines).toEqual(["We are investigating a problem and will post updates here."]);
  });
});
