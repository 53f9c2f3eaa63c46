import { describe, expect, it } from "vitest";
import { nextStatus, rtoClock, severityFromAlert, transitionProblem, worstSeverity } from "./model";
import { candidateNames } from "./alerts/mapping";
import { matchRecipients } from "./notify";
import { alertmanagerSchema, fromAlertmanager } from "./alerts/alertmanager";
import { eventsApiSchema, invalidEvent, triggerGroup } from "./alerts/events-api";
import { parseEventId } from "./timeline";

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 0, minutes));

describe("status lifecycle", () => {
  it("moves forward, back to an open state, and re-opens only to assessing", () => {
    expect(transitionProblem("detected", "recovering")).toBeNull();
    expect(transitionProblem("verifying", "recovering")).toBeNull();
    expect(transitionProblem("resolved", "assessing")).toBeNull();
    expect(transitionProblem("resolved", "recovering")).toMatch(/re-opened/);
    expect(transitionProblem("assessing", "assessing")).toMatch(/already/);
    expect(nextStatus("detected")).toBe("assessing");
    expect(nextStatus("verifying")).toBe("resolved");
    expect(nextStatus("resolved")).toBeNull();
  });
});

describe("severity from alert senders", () => {
  it.each([
    ["critical", "SEV1"],
    ["P1", "SEV1"],
    ["error", "SEV2"],
    ["warning", "SEV3"],
    ["", "SEV3"],
    ["whatever", "SEV3"],
    ["info", "SEV4"],
  ])("%s → %s", (word, sev) => expect(severityFromAlert(word)).toBe(sev));
  it("keeps the worst of several", () => {
    expect(["SEV3", "SEV1", "SEV2"].reduce((a, b) => worstSeverity(a as never, b as never))).toBe("SEV1");
  });
});

describe("RTO clock", () => {
  it("counts against the RTO, warns from 75%, breaches past it, stops when verified", () => {
    expect(rtoClock(at(0), 60, at(30))).toMatchObject({ state: "ok", remainingMinutes: 30 });
    expect(rtoClock(at(0), 60, at(45))).toMatchObject({ state: "warning" });
    expect(rtoClock(at(0), 60, at(61))).toMatchObject({ state: "breached", remainingMinutes: -1 });
    expect(rtoClock(at(0), 60, at(90), at(20))).toMatchObject({ state: "recovered", elapsedMinutes: 20 });
    expect(rtoClock(at(0), null, at(10))).toMatchObject({ state: "unknown", elapsedMinutes: 10 });
  });
});

describe("alert labels → service names", () => {
  const config = { serviceLabels: ["service", "job", "instance"], systemLabel: "system" };
  it("tries labels in order, lower-cased, and an instance without its port", () => {
    expect(candidateNames({ job: "Orders-DB", instance: "db-1:9100", service: "" }, config)).toEqual([
      "orders-db",
      "db-1:9100",
      "db-1",
    ]);
    expect(candidateNames({ alertname: "X" }, config)).toEqual([]);
  });
});

describe("matrix recipients", () => {
  const contacts = [
    { name: "Ana", roles: ["on-call engineer"], team: "Platform" },
    { name: "Ben", roles: ["management"], team: "Exec" },
  ];
  it("match by name, role or team, case-insensitively", () => {
    expect(matchRecipients("platform; Ben", contacts).map((c) => c.name)).toEqual(["Ana", "Ben"]);
    expect(matchRecipients("All hands", contacts)).toEqual([]);
  });
});

describe("Alertmanager payload", () => {
  const payload = {
    version: "4",
    groupKey: '{}:{alertname="Down"}',
    status: "firing",
    receiver: "lifeboat",
    groupLabels: { alertname: "Down" },
    commonLabels: { alertname: "Down", severity: "critical" },
    commonAnnotations: {},
    externalURL: "http://am",
    futureField: { added: "in a later release" },
    alerts: [
      {
        status: "firing",
        labels: { alertname: "Down", job: "api" },
        annotations: { summary: "API down" },
        startsAt: "2026-11-22T00:00:00Z",
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "http://prom",
        fingerprint: "abc",
      },
    ],
  };
  it("accepts fields it does not know, reads 0001-01-01 as no end, takes severity from the common labels", () => {
    const group = fromAlertmanager(alertmanagerSchema.parse(payload));
    expect(group).toMatchObject({ source: "alertmanager", groupKey: payload.groupKey, title: "Down" });
    expect(group.alerts[0]).toMatchObject({
      dedupKey: "abc",
      status: "firing",
      severity: "critical",
      summary: "API down (api)",
      endsAt: null,
    });
  });
});

describe("Events API body", () => {
  it("requires a payload to trigger and a dedup_key to acknowledge or resolve", () => {
    const missing = eventsApiSchema.safeParse({ event_action: "trigger" });
    expect(missing.success).toBe(false);
    expect(invalidEvent(missing.error!).errors).toEqual(["'payload' is required for trigger events"]);
    expect(eventsApiSchema.safeParse({ event_action: "resolve" }).success).toBe(false);
  });
  it("turns a trigger into one alert; the component names the service", () => {
    const event = eventsApiSchema.parse({
      event_action: "trigger",
      dedup_key: "k",
      payload: {
        summary: "Disk full",
        source: "db-1:5432",
        severity: "warning",
        component: "orders-db",
        custom_details: { region: "eu", nested: { a: 1 } },
      },
    });
    const group = triggerGroup(event);
    expect(group.alerts[0]).toMatchObject({
      dedupKey: "k",
      labels: { service: "orders-db", instance: "db-1:5432", region: "eu", severity: "warning" },
    });
    expect(group.alerts[0]!.labels).not.toHaveProperty("nested");
  });
});

describe("event ids from clients", () => {
  it("accepts digits only", () => {
    expect(parseEventId("42")).toBe(BigInt(42));
    expect(parseEventId("-1")).toBeUndefined();
    expect(parseEventId("1e3")).toBeUndefined();
    expect(parseEventId(null)).toBeUndefined();
  });
});
