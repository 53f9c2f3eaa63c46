// Measured RTO: when a health check sees a service healthy again during a run, the time from the incident's
// declaration (or the drill's start) to that moment is recorded. Never typed by hand.
import type { Tx } from "@/lib/db/client";
import { formatDuration } from "./format";
import { tellRun, type RunRef } from "./record";

export async function recordVerifiedServices(tx: Tx, run: RunRef, serviceIds: string[]) {
  const [origin] = await tx.$queryRaw<{ startedAt: Date }[]>`
    SELECT COALESCE(i."declaredAt", r."startedAt") AS "startedAt"
    FROM "RecoveryRun" r LEFT JOIN "Incident" i ON i.id = r."incidentId" WHERE r.id = ${run.id}`;
  const verifiedAt = new Date();
  const seconds = Math.max(0, Math.round((verifiedAt.getTime() - origin!.startedAt.getTime()) / 1000));
  const services = await tx.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, name: true } });
  await tx.recoveryMeasurement.createMany({
    data: services.map((s) => ({
      serviceId: s.id,
      runId: run.id,
      incidentId: run.incidentId,
      drill: run.drill,
      startedAt: origin!.startedAt,
      verifiedAt,
      seconds,
    })),
    skipDuplicates: true,
  });
  if (run.incidentId) {
    await tx.incidentService.updateMany({
      where: { incidentId: run.incidentId, serviceId: { in: services.map((s) => s.id) }, verifiedAt: null },
      data: { verifiedAt },
    });
  }
  await tellRun(
    tx,
    run,
    services.map((s) => ({
      kind: "service_verified" as const,
      actor: "health check",
      message: `${s.name} is healthy again: measured recovery ${formatDuration(seconds)} (${run.drill ? "drill start" : "declared"} → verified).`,
      public: true,
      data: { serviceId: s.id, seconds },
    })),
  );
}
