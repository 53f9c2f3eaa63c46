// The demo's recoverable fleet and its runbooks: "Demo Shop" with simulated services the app serves itself
// (/api/demo-fleet/…), runbooks whose HTTP and health-check steps really restart and verify them, and
// quarterly drill schedules (one overdue, so the drill calendar has something to say).
import type { Tx } from "@/lib/db/client";
import { DEMO_FLEET, DEMO_SYSTEM } from "@/lib/demo-fleet/fleet";

const DAY = 86_400_000;

export async function seedRecovery(tx: Tx) {
  const system = await tx.system.create({
    data: {
      name: DEMO_SYSTEM,
      description:
        "Simulated services served by Lifeboat itself: break one (Runbooks → Demo fleet) and recover it with a runbook.",
      drStrategy: "Restart in place",
    },
  });
  const ids = new Map<string, string>();
  for (const [index, service] of DEMO_FLEET.entries()) {
    const created = await tx.service.create({
      data: {
        systemId: system.id,
        name: service.name,
        kind: index === 1 ? "database" : "api",
        tier: index === 2 ? 2 : 1,
        rtoMinutes: index === 2 ? 30 : 15,
        rpoMinutes: index === 1 ? 5 : null,
      },
    });
    ids.set(service.slug, created.id);
    await tx.demoService.create({ data: { slug: service.slug, name: service.name } });
  }
  await tx.serviceDependency.create({
    data: { serviceId: ids.get("checkout-api")!, dependsOnId: ids.get("payments-db")! },
  });

  const checkout = await tx.runbook.create({
    data: {
      systemId: system.id,
      name: "Checkout API down",
      scenario: "Checkout returns errors or times out",
      symptoms: 'Health check failing; 5xx on /checkout; alert "Checkout API is down".',
      detection: "Monitoring alert (Alertmanager or the events API), or customer reports.",
      estimatedMinutes: 10,
      steps: {
        create: [
          {
            position: 1,
            title: "Confirm the outage and post in #incidents",
            kind: "manual",
            config: {
              instructions: "Open the Checkout API dashboard; confirm errors; post the incident link in #incidents.",
            },
            timeoutSeconds: 3600,
            retries: 0,
          },
          {
            position: 2,
            title: "Commander approves the restart",
            kind: "approval",
            config: { instructions: "Restarting drops in-flight checkouts." },
            timeoutSeconds: 3600,
            retries: 0,
          },
          {
            position: 3,
            title: "Restart the Checkout API",
            kind: "http",
            config: { url: "/api/demo-fleet/checkout-api/restart", method: "POST", headers: {}, expectStatus: [202] },
            timeoutSeconds: 30,
            retries: 2,
            safeToRepeat: true,
          },
          {
            position: 4,
            title: "Checkout API healthy again",
            kind: "healthcheck",
            config: { url: "/api/demo-fleet/checkout-api/health", intervalSeconds: 1 },
            timeoutSeconds: 120,
            retries: 0,
            safeToRepeat: true,
            serviceIds: [ids.get("checkout-api")!],
          },
        ],
      },
    },
  });
  const payments = await tx.runbook.create({
    data: {
      systemId: system.id,
      name: "Payments DB and Search restart",
      scenario: "Payments database unavailable; search degraded",
      symptoms: "Payments timeouts; search returns empty results.",
      detection: "Health checks of Payments DB and Search.",
      estimatedMinutes: 15,
      steps: {
        create: [
          {
            position: 1,
            group: 1,
            title: "Restart Payments DB",
            kind: "http",
            config: { url: "/api/demo-fleet/payments-db/restart", method: "POST", headers: {}, expectStatus: [202] },
            timeoutSeconds: 30,
            retries: 2,
            safeToRepeat: true,
          },
          {
            position: 2,
            group: 1,
            title: "Restart Search",
            kind: "http",
            config: { url: "/api/demo-fleet/search/restart", method: "POST", headers: {}, expectStatus: [202] },
            timeoutSeconds: 30,
            retries: 2,
            safeToRepeat: true,
          },
          {
            position: 3,
            title: "Let replicas catch up",
            kind: "wait",
            config: { seconds: 2 },
            timeoutSeconds: 30,
            retries: 0,
            safeToRepeat: true,
          },
          {
            position: 4,
            group: 2,
            title: "Payments DB healthy",
            kind: "healthcheck",
            config: { url: "/api/demo-fleet/payments-db/health", intervalSeconds: 1 },
            timeoutSeconds: 120,
            retries: 0,
            safeToRepeat: true,
            serviceIds: [ids.get("payments-db")!],
          },
          {
            position: 5,
            group: 2,
            title: "Search healthy",
            kind: "healthcheck",
            config: { url: "/api/demo-fleet/search/health", intervalSeconds: 1 },
            timeoutSeconds: 120,
            retries: 0,
            safeToRepeat: true,
            serviceIds: [ids.get("search")!],
          },
          {
            position: 6,
            title: "Rotate the database credentials",
            kind: "command",
            config: { command: "./scripts/rotate-db-credentials.sh payments" },
            timeoutSeconds: 300,
            retries: 0,
          },
        ],
      },
    },
  });
  // A year of drill history, so compliance has measured results: Checkout API recovers well within its
  // 15 min target; Payments DB has twice taken longer than its 15 min (a failing service to fix).
  // [runbook, service, [days ago, seconds measured]…]
  const history: [string, string, [number, number][]][] = [
    [
      checkout.id,
      "checkout-api",
      [
        [300, 330],
        [200, 270],
        [100, 200],
        [30, 150],
      ],
    ],
    [
      payments.id,
      "payments-db",
      [
        [45, 1500],
        [20, 2100],
      ],
    ],
    [
      payments.id,
      "search",
      [
        [45, 900],
        [20, 700],
      ],
    ],
  ];
  for (const [runbookId, slug, measured] of history) {
    for (const [daysAgo, s] of measured) {
      const startedAt = new Date(Date.now() - daysAgo * DAY);
      const run = await tx.recoveryRun.create({
        data: {
          runbookId,
          drill: true,
          runbookVersion: 1,
          runbookName: runbookId === checkout.id ? "Checkout API down" : "Payments DB and Search restart",
          state: "succeeded",
          startedBy: "commander@lifeboat.local",
          startedAt,
          finishedAt: new Date(startedAt.getTime() + (s + 30) * 1000),
        },
      });
      await tx.recoveryMeasurement.create({
        data: {
          serviceId: ids.get(slug)!,
          runId: run.id,
          drill: true,
          startedAt,
          verifiedAt: new Date(startedAt.getTime() + s * 1000),
          seconds: s,
        },
      });
    }
  }
  await tx.drillSchedule.createMany({
    data: [
      {
        runbookId: checkout.id,
        everyDays: 90,
        nextDueAt: new Date(Date.now() + 30 * DAY),
        lastRunAt: new Date(Date.now() - 60 * DAY),
      },
      {
        runbookId: payments.id,
        everyDays: 90,
        nextDueAt: new Date(Date.now() - 5 * DAY),
        lastRunAt: new Date(Date.now() - 95 * DAY),
      },
    ],
  });
}
