// Reads of recovery runs for the incident page, the run page and the runbook page.
import type { Reader } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { redactOutput, redactStepConfig } from "@/lib/security/secrets";
import { checkedServices, rankRunbooks } from "./coverage";

const runSelect = {
  id: true,
  runbookId: true,
  runbookName: true,
  runbookVersion: true,
  drill: true,
  state: true,
  startedBy: true,
  startedAt: true,
  finishedAt: true,
  incident: { select: { id: true, number: true, title: true } },
  steps: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      group: true,
      title: true,
      kind: true,
      config: true,
      state: true,
      attempts: true,
      retries: true,
      safeToRepeat: true,
      startedAt: true,
      finishedAt: true,
      output: true,
      error: true,
      actedBy: true,
      reason: true,
      timeoutSeconds: true,
    },
  },
  measurements: {
    select: { seconds: true, verifiedAt: true, service: { select: { id: true, name: true, rtoMinutes: true } } },
  },
} satisfies Prisma.RecoveryRunSelect;

export type RunView = Prisma.RecoveryRunGetPayload<{ select: typeof runSelect }>;

// These reads feed the run panel, a client component every role sees: step settings go out with their header
// values, bodies and URL secrets replaced (the worker reads the stored settings, never these). Outputs and
// errors go out whole only to roles with recovery.outputs; the others get them with credentials hidden.
// The reader's role is a required argument, so no page can forget it.
const withoutSecrets = (role: Role) => {
  const whole = can(role, "recovery.outputs");
  const text = (value: string) => (whole ? value : redactOutput(value));
  return (run: RunView): RunView => ({
    ...run,
    steps: run.steps.map((s) => ({
      ...s,
      config: redactStepConfig(s.config as Record<string, unknown>) as Prisma.JsonObject,
      output: text(s.output),
      error: s.error && text(s.error),
    })),
  });
};

export const findRun = async (db: Reader, id: string, role: Role) => {
  const run = await db.recoveryRun.findUnique({ where: { id }, select: runSelect });
  return run && withoutSecrets(role)(run);
};

export const findIncidentRuns = async (db: Reader, incidentId: string, role: Role) =>
  (await db.recoveryRun.findMany({ where: { incidentId }, orderBy: { startedAt: "asc" }, select: runSelect })).map(
    withoutSecrets(role),
  );

/** Runbooks that can be started for an incident, ranked by how well they cover its affected services. */
export async function findRunbookChoices(db: Reader, affectedServiceIds: string[]) {
  const runbooks = await db.runbook.findMany({
    select: {
      id: true,
      name: true,
      systemId: true,
      estimatedMinutes: true,
      system: { select: { name: true, services: { select: { id: true } } } },
      steps: { orderBy: { position: "asc" }, select: { title: true, kind: true, serviceIds: true } },
    },
    orderBy: { name: "asc" },
  });
  return rankRunbooks(
    runbooks.map((r) => ({
      ...r,
      checkedServiceIds: checkedServices(r.steps),
      systemServiceIds: r.system.services.map((s) => s.id),
    })),
    affectedServiceIds,
  );
}
