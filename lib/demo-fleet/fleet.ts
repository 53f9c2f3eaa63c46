// The demo fleet: a few simulated services the app serves itself, so the demo can break something and
// really recover it. Health is read from the DemoService row; a restart takes RESTART_SECONDS, like a real
// one; breaking a service can also raise an alert through the real alert intake.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { JobSink } from "@/lib/jobs/boss";
import { ingestAlertGroup } from "@/lib/incidents/alerts/intake";

export const DEMO_SYSTEM = "Demo Shop";
export const DEMO_FLEET = [
  { slug: "checkout-api", name: "Checkout API" },
  { slug: "payments-db", name: "Payments DB" },
  { slug: "search", name: "Search" },
] as const;
export const RESTART_SECONDS = 3;

export type DemoState = { slug: string; name: string; healthy: boolean; brokenAt: Date | null; restarting: boolean };

/** Health now: a requested restart completes by itself once its time has come. */
export async function findDemoHealth(db: Db, slug: string): Promise<DemoState | null> {
  const rows = await db.$queryRaw<
    { slug: string; name: string; healthy: boolean; brokenAt: Date | null; restartAt: Date | null }[]
  >`
    UPDATE "DemoService" SET healthy = true, "brokenAt" = NULL, "restartAt" = NULL, "updatedAt" = now()
    WHERE slug = ${slug} AND NOT healthy AND "restartAt" <= now()
    RETURNING slug, name, healthy, "brokenAt", "restartAt"`;
  const row = rows[0] ?? (await db.demoService.findUnique({ where: { slug } }));
  if (!row) return null;
  return {
    slug: row.slug,
    name: row.name,
    healthy: row.healthy,
    brokenAt: row.brokenAt,
    restarting: !row.healthy && row.restartAt !== null,
  };
}

export async function findDemoFleet(db: Db) {
  const states = await Promise.all(DEMO_FLEET.map((s) => findDemoHealth(db, s.slug)));
  return states.filter((s): s is DemoState => s !== null);
}

/** What a runbook's HTTP step calls: the service comes back RESTART_SECONDS later. */
export async function requestRestart(db: Db, slug: string) {
  const updated = await db.demoService.updateMany({
    where: { slug, healthy: false, restartAt: null },
    data: { restartAt: new Date(Date.now() + RESTART_SECONDS * 1000) },
  });
  const state = await findDemoHealth(db, slug);
  if (!state) return null;
  return { ...state, accepted: updated.count === 1 || state.restarting };
}

export async function breakDemoService(
  db: Db,
  jobs: JobSink,
  actor: AuditActor,
  input: { slug: string; raiseAlert: boolean },
) {
  const service = DEMO_FLEET.find((s) => s.slug === input.slug);
  if (!service) throw new AppError("VALIDATION", { userMessage: "No such demo service.", field: "slug" });
  await db.$transaction(async (tx) => {
    await tx.demoService.upsert({
      where: { slug: service.slug },
      create: { slug: service.slug, name: service.name, healthy: false, brokenAt: new Date() },
      update: { healthy: false, brokenAt: new Date(), restartAt: null },
    });
    await recordAudit(tx, {
      actor,
      action: "demo.break",
      entityType: "DemoService",
      entityId: service.slug,
      after: { healthy: false },
    });
  });
  if (!input.raiseAlert) return { incident: null };
  // The same path a real monitoring alert takes.
  const result = await ingestAlertGroup(db, jobs, {
    source: "events_api",
    groupKey: `demo:${service.slug}`,
    title: `${service.name} is down (demo)`,
    alerts: [
      {
        dedupKey: `demo:${service.slug}`,
        status: "firing",
        summary: `${service.name} health check failing`,
        severity: "critical",
        labels: { service: service.name, system: DEMO_SYSTEM, source: "demo-fleet" },
        annotations: {},
        generatorUrl: null,
        startsAt: new Date(),
        endsAt: null,
      },
    ],
  });
  return { incident: result.incident };
}

export async function restoreDemoService(db: Db, actor: AuditActor, input: { slug: string }) {
  await db.$transaction(async (tx) => {
    const updated = await tx.demoService.updateMany({
      where: { slug: input.slug },
      data: { healthy: true, brokenAt: null, restartAt: null },
    });
    if (updated.count === 0) throw new AppError("VALIDATION", { userMessage: "No such demo service.", field: "slug" });
    await recordAudit(tx, {
      actor,
      action: "demo.restore",
      entityType: "DemoService",
      entityId: input.slug,
      after: { healthy: true },
    });
  });
}
