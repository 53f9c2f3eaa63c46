// Runbooks are saved whole (details and ordered steps), version-checked and audited. Runs copy the steps
// when they start, so saving never changes a run in progress.
import type { Db, Reader } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { assertCurrentVersion } from "@/lib/audit/concurrency";
import { isUniqueViolation } from "@/lib/db/errors";
import { containsPlaceholder, restoreSecrets, SECRET_PLACEHOLDER } from "@/lib/security/secrets";
import type { RunbookFields } from "./schemas";
import { parseStepConfig } from "./steps";

/** Validated steps as rows to store, in order (also used by the plan importer). */
export function stepRows(steps: RunbookFields["steps"]) {
  return steps.map((step, index) => ({
    position: index + 1,
    group: step.group,
    title: step.title,
    kind: step.kind,
    config: parseStepConfig(step.kind, step.config).data as Prisma.InputJsonValue,
    timeoutSeconds: step.timeoutSeconds,
    retries: step.retries,
    safeToRepeat: step.safeToRepeat,
    serviceIds: [...new Set(step.serviceIds)],
  }));
}

/**
 * The edit form shows secret step settings as SECRET_PLACEHOLDER (they never go to the browser). A step sent
 * back with placeholders keeps the stored settings it stands for — only when it is otherwise unchanged, so an
 * edit cannot point a stored credential at another URL; else the secret has to be typed again.
 */
function keepStoredSecrets(
  steps: RunbookFields["steps"],
  stored: { kind: string; config: unknown }[],
): RunbookFields["steps"] {
  return steps.map((step, index) => {
    if (!containsPlaceholder(step.config)) return step;
    const incoming = parseStepConfig(step.kind, step.config).data as Record<string, unknown>;
    for (const candidate of stored) {
      const kept =
        candidate.kind === step.kind ? restoreSecrets(incoming, candidate.config as Record<string, unknown>) : null;
      if (kept) return { ...step, config: kept };
    }
    throw new AppError("VALIDATION", {
      userMessage: `Step ${index + 1}: "${SECRET_PLACEHOLDER}" keeps a stored secret only while the rest of the step's settings are unchanged. Type the secret again.`,
      field: "steps",
    });
  });
}

async function checkServices(tx: Reader, steps: RunbookFields["steps"]) {
  const ids = [...new Set(steps.flatMap((s) => s.serviceIds))];
  if (ids.length && (await tx.service.count({ where: { id: { in: ids } } })) !== ids.length) {
    throw new AppError("VALIDATION", {
      userMessage: "A health check names a service that does not exist (any more).",
      field: "steps",
    });
  }
}

const duplicate = (error: unknown) => {
  if (isUniqueViolation(error))
    throw new AppError("VALIDATION", {
      userMessage: "This system already has a runbook with that name.",
      field: "name",
    });
  throw error;
};

const snapshot = (runbook: RunbookFields & { version: number }) => ({
  ...runbook,
  steps: runbook.steps.map((s, i) => `${i + 1}. [${s.kind}] ${s.title}`),
});

export async function createRunbook(db: Db, actor: AuditActor, input: RunbookFields) {
  return db
    .$transaction(async (tx) => {
      await checkServices(tx, input.steps);
      const { steps, ...fields } = input;
      const runbook = await tx.runbook.create({ data: { ...fields, steps: { create: stepRows(steps) } } });
      await recordAudit(tx, {
        actor,
        action: "runbook.create",
        entityType: "Runbook",
        entityId: runbook.id,
        after: snapshot({ ...input, version: 1 }),
      });
      return runbook;
    })
    .catch(duplicate);
}

export async function updateRunbook(db: Db, actor: AuditActor, input: RunbookFields & { id: string; version: number }) {
  return db
    .$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "Runbook" WHERE id = ${input.id} FOR UPDATE`;
      const current = await tx.runbook.findUnique({
        where: { id: input.id },
        include: { steps: { orderBy: { position: "asc" } } },
      });
      await assertCurrentVersion(tx, current, {
        entityType: "Runbook",
        entityId: input.id,
        version: input.version,
        label: "this runbook",
      });
      await checkServices(tx, input.steps);
      const { id, version, ...fields } = input;
      const steps = keepStoredSecrets(input.steps, current!.steps);
      await tx.runbookStep.deleteMany({ where: { runbookId: id } });
      const runbook = await tx.runbook.update({
        where: { id },
        data: { ...fields, version: version + 1, steps: { create: stepRows(steps) } },
      });
      const before = {
        ...current!,
        steps: current!.steps.map((s) => ({ ...s, config: s.config as Record<string, unknown>, group: s.group })),
      };
      await recordAudit(tx, {
        actor,
        action: "runbook.update",
        entityType: "Runbook",
        entityId: id,
        before: snapshot(before as never),
        after: snapshot({ ...input, version: version + 1 }),
      });
      return runbook;
    })
    .catch(duplicate);
}

export function findRunbooks(db: Reader, systemId?: string) {
  return db.runbook.findMany({
    where: systemId ? { systemId } : {},
    orderBy: [{ system: { name: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      scenario: true,
      estimatedMinutes: true,
      version: true,
      system: { select: { id: true, name: true } },
      drill: { select: { everyDays: true, nextDueAt: true, lastRunAt: true } },
      _count: { select: { steps: true } },
      runs: {
        orderBy: { startedAt: "desc" },
        take: 1,
        select: { id: true, state: true, startedAt: true, drill: true },
      },
    },
  });
}

export function findRunbook(db: Reader, id: string) {
  return db.runbook.findUnique({
    where: { id },
    include: {
      system: { select: { id: true, name: true } },
      steps: { orderBy: { position: "asc" } },
      drill: true,
      runs: {
        orderBy: { startedAt: "desc" },
        take: 20,
        select: {
          id: true,
          state: true,
          startedAt: true,
          finishedAt: true,
          drill: true,
          startedBy: true,
          runbookVersion: true,
          incident: { select: { id: true, number: true } },
        },
      },
    },
  });
}
