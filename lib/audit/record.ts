// Audit events are written inside the caller's transaction: the change and its record commit together.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";

/**
 * A signed-in user, a machine, or a paged contact acting from their page (a signed link or an SMS reply):
 * contacts have no account, so their events carry no actor id or email and name the contact in `after`.
 */
export type AuditActor =
  | { id: string; email: string }
  | { system: string }
  | { contact: { id: string; name: string }; via: "page link" | "SMS reply" };

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

function auditRow(input: AuditInput) {
  const actor = "id" in input.actor ? input.actor : null;
  const contact = "contact" in input.actor ? input.actor : null;
  return {
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? (contact ? null : `system:${(input.actor as { system: string }).system}`),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: redactForAudit(input.before),
    after: redactForAudit(
      contact
        ? {
            ...(input.after as object),
            actedBy: { contactId: contact.contact.id, name: contact.contact.name, via: contact.via },
          }
        : input.after,
    ),
  };
}

export async function recordAudit(tx: Tx, input: AuditInput) {
  await tx.auditEvent.create({ data: auditRow(input) });
}

/** Events per INSERT: the JSON of a bulk import's events stays a few megabytes at most. */
const AUDIT_CHUNK = 2_000;

/**
 * Many events at once, in the caller's transaction (a bulk import audits thousands of rows): one INSERT … SELECT
 * from a JSON array per chunk (one bind parameter, not seven a row), in the given order, so their ids keep
 * the order the changes were made in.
 */
export async function recordAudits(tx: Tx, inputs: AuditInput[]) {
  for (let i = 0; i < inputs.length; i += AUDIT_CHUNK) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" ("actorId", "actorEmail", action, "entityType", "entityId", before, after)
       SELECT e.j->>'actorId', e.j->>'actorEmail', e.j->>'action', e.j->>'entityType', e.j->>'entityId',
              NULLIF(e.j->'before', 'null'::jsonb), NULLIF(e.j->'after', 'null'::jsonb)
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(j, n)
       ORDER BY e.n`,
      JSON.stringify(inputs.slice(i, i + AUDIT_CHUNK).map(auditRow)),
    );
  }
}
