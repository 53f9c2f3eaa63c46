// A real Prometheus Alertmanager (ALERTMANAGER_PATH, found or installed by scripts/e2e.ts) pointed at the
// app's webhook, with intervals shrunk to seconds. Alerts go in through Alertmanager's own API, the way
// Prometheus sends them, so what reaches the app is Alertmanager's real grouping, repeats and resolved
// notifications — not a payload we wrote by hand. It proves: a firing group opens exactly one incident,
// Alertmanager's repeat notifications only count up, and resolving records the timeline but leaves the
// incident for the commander.
import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestToken, db } from "./support/db";
import { stopChild } from "../scripts/lib/run";

test.describe.configure({ mode: "serial", timeout: 60_000 });

// Unique per run, so this spec's alerts, incident and group never meet another run's or another spec's.
const alertname = `LifeboatE2E_${randomBytes(4).toString("hex")}`;
const SYSTEM = "NEURECTOMY Platform";

let alertmanager: ChildProcess | undefined;
let alertmanagerUrl = "";
let workDir = "";
let log = "";

/** Starts Alertmanager on a port the kernel picks (no free-port race) and resolves with its URL once ready. */
async function startAlertmanager(token: string): Promise<string> {
  const binary = process.env.ALERTMANAGER_PATH;
  if (!binary) throw new Error("ALERTMANAGER_PATH is not set: run the end-to-end tests with `npm run test:e2e`.");
  workDir = mkdtempSync(path.join(os.tmpdir(), "lifeboat-alertmanager-"));
  // JSON is YAML, so the config needs no YAML library. The intervals are seconds instead of minutes so a
  // repeat notification arrives within the test; the shape is what an operator would deploy.
  const config = {
    route: {
      receiver: "lifeboat",
      group_by: ["alertname", "system"],
      group_wait: "1s",
      group_interval: "2s",
      repeat_interval: "4s",
    },
    receivers: [
      {
        name: "lifeboat",
        webhook_configs: [
          {
            url: `${process.env.E2E_BASE_URL}/api/v1/alerts/alertmanager`,
            send_resolved: true,
            http_config: { authorization: { type: "Bearer", credentials: token } },
          },
        ],
      },
    ],
  };
  const configFile = path.join(workDir, "alertmanager.yml");
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const child = spawn(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.path=${path.join(workDir, "data")}`,
      "--web.listen-address=127.0.0.1:0",
      // Empty disables clustering: no gossip port, and no settle wait before the first notification.
      "--cluster.listen-address=",
      "--log.level=debug",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  alertmanager = child;
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Alertmanager did not start listening within 15 s:\n${log}`)),
      15_000,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /msg="Listening on" address=(\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Alertmanager exited with ${code} before listening:\n${log}`));
    });
  });
  const url = `http://${address}`;
  await expect
    .poll(async () => (await fetch(`${url}/-/ready`).catch(() => null))?.status, { timeout: 15_000 })
    .toBe(200);
  return url;
}

// Two instances of one alert rule: one group (same alertname and system), two fingerprints.
const STARTS_AT = new Date(Date.now() - 60_000).toISOString();
const INSTANCES = ["redis-1:6379", "redis-2:6379"];

/** Sends the alerts as Prometheus does: firing with an end in the future, resolved with an end in the past. */
async function sendAlerts(state: "firing" | "resolved") {
  const endsAt = new Date(state === "firing" ? Date.now() + 5 * 60_000 : Date.now() - 1_000).toISOString();
  const alerts = INSTANCES.map((instance) => ({
    labels: { alertname, system: SYSTEM, service: "Redis", instance, severity: "critical" },
    annotations: { summary: `Redis down on ${instance}` },
    startsAt: STARTS_AT,
    endsAt,
    generatorURL: `http://prometheus.e2e.test/graph?g0.expr=up%7Bjob%3D%22redis%22%7D`,
  }));
  const response = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(alerts),
  });
  expect(response.status, await response.text()).toBe(200);
}

/** The fingerprints Alertmanager computed for our alerts: the keys the app must deduplicate on. */
async function fingerprints(): Promise<string[]> {
  const filter = encodeURIComponent(`alertname="${alertname}"`);
  const response = await fetch(`${alertmanagerUrl}/api/v2/alerts?filter=${filter}&silenced=false&inhibited=false`);
  const alerts = (await response.json()) as { fingerprint: string }[];
  return alerts.map((a) => a.fingerprint).sort();
}

/** Alertmanager's own count of webhook notifications (one per group flush) and of those that failed for good. */
async function webhookMetrics() {
  const text = await (await fetch(`${alertmanagerUrl}/metrics`)).text();
  const sum = (name: string) =>
    text
      .split("\n")
      .filter((line) => line.startsWith(`${name}{`) && line.includes('integration="webhook"'))
      .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
  return {
    notifications: sum("alertmanager_notifications_total"),
    failed: sum("alertmanager_notifications_failed_total"),
  };
}

type StoredAlert = { dedupKey: string; status: string; receivedCount: number; incidentId: string };

async function storedAlerts(): Promise<StoredAlert[]> {
  const { rows } = await db().query<StoredAlert>(
    `SELECT "dedupKey", status::text, "receivedCount", "incidentId" FROM "Alert"
     WHERE source = 'alertmanager' AND labels->>'alertname' = $1 ORDER BY "dedupKey"`,
    [alertname],
  );
  return rows;
}

/** Every incident this run's alerts could have opened: by the alerts' rows, or by Alertmanager's group key. */
async function incidentIds(): Promise<string[]> {
  const { rows } = await db().query<{ id: string }>(
    `SELECT DISTINCT "incidentId" AS id FROM "Alert" WHERE source = 'alertmanager' AND labels->>'alertname' = $1
     UNION SELECT id FROM "Incident" WHERE source = 'alertmanager' AND strpos("dedupKey", $1) > 0`,
    [alertname],
  );
  return rows.map((r) => r.id);
}

async function incident(id: string) {
  const { rows } = await db().query<{
    status: string;
    severity: string;
    dedupKey: string;
    system: string | null;
    services: string[];
  }>(
    `SELECT i.status::text, i.severity::text, i."dedupKey", y.name AS system,
            ARRAY(SELECT s.name FROM "IncidentService" x JOIN "Service" s ON s.id = x."serviceId" WHERE x."incidentId" = i.id ORDER BY s.name) AS services
     FROM "Incident" i LEFT JOIN "System" y ON y.id = i."systemId" WHERE i.id = $1`,
    [id],
  );
  return rows[0]!;
}

/** The timeline entries the alert intake writes, in order (escalation pages may interleave; they are not ours). */
async function alertTimeline(id: string) {
  const { rows } = await db().query<{ kind: string; message: string; dedupKey: string | null }>(
    `SELECT kind, message, data->>'dedupKey' AS "dedupKey" FROM "TimelineEvent"
     WHERE "incidentId" = $1 AND kind IN ('declared', 'status_page_changed', 'alert_received', 'alert_resolved', 'note') ORDER BY id`,
    [id],
  );
  return rows;
}

test.beforeAll(async () => {
  alertmanagerUrl = await startAlertmanager(await createTestToken(["alerts:write"]));
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach("alertmanager.log", { body: log, contentType: "text/plain" });
});

test.afterAll(async () => {
  if (alertmanager) await stopChild(alertmanager);
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test("firing, repeated, then resolved alerts from a real Alertmanager make one incident with the right timeline", async () => {
  const started = Date.now();
  await sendAlerts("firing");
  const keys = await fingerprints();
  expect(keys).toHaveLength(2);

  // One notification carrying both alerts opens the incident. (Alertmanager skips group_wait here: the
  // alerts started a minute ago, longer than group_wait, so it flushes the new group at once.)
  await expect.poll(async () => (await storedAlerts()).map((a) => a.dedupKey), { timeout: 20_000 }).toEqual(keys);
  const [incidentId] = await incidentIds();
  expect(await incidentIds()).toEqual([incidentId]);
  const opened = await incident(incidentId!);
  expect(opened).toMatchObject({ status: "detected", severity: "SEV1", system: SYSTEM, services: ["Redis"] });
  // The incident remembers Alertmanager's group key: {}:{alertname="…", system="…"}.
  expect(opened.dedupKey).toContain(`alertname="${alertname}"`);
  const openedAfter = Date.now() - started;

  // Prometheus keeps re-sending a firing alert; Alertmanager re-notifies once repeat_interval (4s) has
  // passed since the last delivery finished, on a group_interval tick — so about 6 s here. Each of those
  // deliveries must join the same incident and only count up.
  await sendAlerts("firing");
  await expect
    .poll(async () => (await storedAlerts()).map((a) => a.receivedCount >= 2), { timeout: 20_000 })
    .toEqual([true, true]);
  const repeated = await storedAlerts();
  expect(repeated.every((a) => a.incidentId === incidentId && a.status === "firing")).toBe(true);
  expect(await incidentIds()).toEqual([incidentId]);
  const repeatedAfter = Date.now() - started;

  // Resolved at the source: Alertmanager sends one resolved notification (send_resolved) on the next flush.
  await sendAlerts("resolved");
  await expect
    .poll(async () => (await storedAlerts()).map((a) => a.status), { timeout: 20_000 })
    .toEqual(["resolved", "resolved"]);
  await expect
    .poll(async () => (await alertTimeline(incidentId!)).at(-1)?.message ?? "", { timeout: 10_000 })
    .toContain("stays open until the commander");
  const resolvedAfter = Date.now() - started;

  // Both alerts resolve in one API call, so they normally share one notification. Should a flush fall
  // between Alertmanager storing the two, the first delivery adds a "1 alert(s) still firing" note —
  // correct, so allowed; everything else is exact.
  const timeline = (await alertTimeline(incidentId!)).filter(
    (e) => !(e.kind === "note" && e.message === "1 alert(s) still firing."),
  );
  expect(timeline.map((e) => e.kind)).toEqual([
    "declared",
    "status_page_changed",
    "alert_received",
    "alert_received",
    "alert_resolved",
    "alert_resolved",
    "note",
  ]);
  expect(
    timeline
      .filter((e) => e.kind === "alert_received")
      .map((e) => e.dedupKey)
      .sort(),
  ).toEqual(keys);
  expect(
    timeline
      .filter((e) => e.kind === "alert_resolved")
      .map((e) => e.dedupKey)
      .sort(),
  ).toEqual(keys);
  for (const event of timeline.filter((e) => e.kind.startsWith("alert_")))
    expect(event.message).toMatch(/Redis down on redis-[12]:6379/);
  // Opened by a machine: kept off the public status page (no public line) until a commander publishes it.
  expect(timeline[1]!.message).toMatch(/^Not on the public status page/);
  expect(timeline.filter((e) => e.kind === "note").map((e) => e.message)).toEqual([
    expect.stringContaining("stays open until the commander"),
  ]);

  // Resolving at the source is not recovery: the commander verifies and resolves.
  expect((await incident(incidentId!)).status).toBe("detected");
  expect(await incidentIds()).toEqual([incidentId]);

  // Every webhook delivery Alertmanager made was accepted, and each one was counted exactly once per alert.
  const metrics = await webhookMetrics();
  expect(metrics.failed).toBe(0);
  expect(metrics.notifications).toBeGreaterThanOrEqual(3);
  const final = await storedAlerts();
  expect(final.map((a) => a.receivedCount)).toEqual([metrics.notifications, metrics.notifications]);
  console.log(
    `alertmanager: incident opened after ${openedAfter} ms, repeat counted after ${repeatedAfter} ms, resolved after ${resolvedAfter} ms; ` +
      `${metrics.notifications} webhook notification(s), ${metrics.failed} failed, receivedCount ${final.map((a) => a.receivedCount).join("/")}`,
  );
});
