// Reads of recovery runs for the incident page, the run page and the runbook page.
import type { Reader } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { redactStepConfig } from "@/lib/plans/secrets";

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
    select: { id: true, position: true, group: true, title: true, kind: true, config: true, state: true, attempts: true, retries: true, safeToRepeat: true, startedAt: true, finishedAt: true, output: true, error: true, actedBy: true, reason: true, timeoutSeconds: true },
  },
  measurements: { select: { seconds: true, verifiedAt: true, service: { select: { id: true, name: true, rtoMinutes: true } } } },
} satisfies Prisma.RecoveryRunSelect;

export type RunView = Prisma.RecoveryRunGetPayload<{ select: typeof runSelect }>;

// These reads feed the run panel, a client component every role sees: step settings go out with their header
// values, bodies and URL secrets replaced (the worker reads the stored settings, never these).
const withoutSecrets = (run: RunView): RunView => ({ ...run, steps: run.steps.map((s) => ({ ...s, config: redactStepConfig(s.config as Record<string, unknown>) as Prisma.JsonObject })) });

export const findRun = async (db: Reader, id: string) => {
  const run = await db.recoveryRun.findUnique({ where: { id }, select: runSelect });
  return run && withoutSecrets(run);
};

export const findIncidentRuns = async (db: Reader, incidentId: string) => (await db.recoveryRun.findMany({ where: { incidentId }, orderBy: { startedAt: "asc" }, select: runSelect })).map(withoutSecrets);

/** Runbooks that can be started for an incident: its system's first, then the rest. */
export async function runbookChoices(db: Reader, systemId: string | null) {
  const runbooks = await db.runbook.findMany({ select: { id: true, name: true, systemId: true, estimatedMinutes: true, system: { select: { name: true } }, _count: { select: { steps: true } } }, orderBy: { name: "asc" } });
  return runbooks.sort((a, b) => Number(b.systemId === systemId) - Number(a.systemId === systemId));
}
