// Audit events are written inside the caller's transaction: the change and its record commit together.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";

export type AuditActor = { id: string; email: string } | { system: string };

export type AuditInput = {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

// Fields never copied into the audit trail.
const SECRET_KEYS = new Set(["passwordHash", "password", "secret", "tokenHash", "token"]);

export function redactForAudit(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (SECRET_KEYS.has(key)) return undefined;
      if (typeof v === "bigint") return v.toString();
      return v;
    }),
  );
}

export async function recordAudit(tx: Tx, input: AuditInput) {
  const actor = "id" in input.actor ? input.actor : null;
  await tx.auditEvent.create({
    data: {
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? `system:${(input.actor as { system: string }).system}`,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: redactForAudit(input.before),
      after: redactForAudit(input.after),
    },
  });
}
