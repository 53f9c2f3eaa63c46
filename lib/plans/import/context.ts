// What every part of an import shares: the transaction, who imports, and the report being built —
// one line per thing created, updated, left unchanged or skipped, and the problems that stop the import.
// Audit events are gathered here and written together when the import applies (recordAudits: a few multi-row
// INSERTs in the same transaction, instead of one round trip per row of a 2,000-service plan).
import type { Tx } from "@/lib/db/client";
import { recordAudits, type AuditActor, type AuditInput } from "@/lib/audit/record";
import { canonicalJson } from "@/lib/canonical-json";
import type { PlanProblem } from "../format";

export type ChangeAction = "create" | "update" | "unchanged" | "skip";
export type PlanChange = { action: ChangeAction; entity: string; name: string; details: string[] };

/** Past this many, one more line says how many were left out: a report of 80,000 problems helps no one. */
const MAX_PROBLEMS = 200;

export class ImportContext {
  readonly changes: PlanChange[] = [];
  readonly problems: PlanProblem[] = [];
  private unreported = 0;
  private readonly audits: AuditInput[] = [];
  /** Rows this import created (by id): nothing can hang off them yet, so no query needs to look for it. */
  readonly created = new Set<string>();
  /** Services of systems the plan does not list, by "system\u0000service", looked up once (null: none). */
  readonly foreignServices = new Map<string, { id: string; name: string; systemId: string } | null>();

  constructor(
    readonly tx: Tx,
    readonly actor: AuditActor,
    readonly canEditTiers: boolean,
  ) {}

  problem(path: string, message: string) {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path, message: `${path}: ${message}` });
    else this.unreported++;
  }

  /** The problems, with a last line for those left out. */
  reportedProblems(): PlanProblem[] {
    return this.unreported
      ? [...this.problems, { message: `…and ${this.unreported} more problems of the same kinds` }]
      : this.problems;
  }

  /** Records a change in the report and, when something was written, an audit event (written by flushAudits). */
  record(change: PlanChange, audit?: { entityType: string; entityId: string; before?: unknown; after?: unknown }) {
    this.changes.push(change);
    if (audit && (change.action === "create" || change.action === "update"))
      this.audits.push({ actor: this.actor, action: `plan.import.${change.entity}.${change.action}`, ...audit });
  }

  /** Writes the gathered audit events, in the order of the changes, in the import's transaction. */
  async flushAudits() {
    await recordAudits(this.tx, this.audits.splice(0));
  }
}

const show = (v: unknown) =>
  v === null || v === undefined || v === ""
    ? "—"
    : Array.isArray(v)
      ? `[${v.join(", ")}]`
      : typeof v === "object"
        ? JSON.stringify(v)
        : String(v);
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * The fields the plan states that differ from what is stored: the update to write and a line per field
 * ("rtoMinutes: 30 → 15"). Fields the plan leaves out (undefined) are not compared: they stay as they are.
 */
export function diffFields(
  current: Record<string, unknown>,
  incoming: Record<string, unknown>,
): { update: Record<string, unknown>; details: string[] } {
  const update: Record<string, unknown> = {};
  const details: string[] = [];
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined || same(current[key], value)) continue;
    update[key] = value;
    details.push(`${key}: ${show(current[key])} → ${show(value)}`);
  }
  return { update, details };
}

/** The fields a plan states (undefined means "not stated"). */
export const definedOnly = <T extends Record<string, unknown>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The values `parsed` holds for the keys of `stated`: what a domain schema made of the stated fields. */
export const pick = (parsed: object, stated: object) =>
  Object.fromEntries(Object.keys(stated).map((k) => [k, (parsed as Record<string, unknown>)[k]]));

/** Field lines for something new. */
export const describeNew = (fields: Record<string, unknown>) =>
  Object.entries(fields)
    .filter(([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${show(v)}`);

/**
 * The one way an importer writes a row it matched by name: create it when missing, update the fields the plan
 * states that differ (bumping its version, so an editor with a stale form gets a conflict), or leave it — and
 * record which, with the audit event in the same transaction.
 */
export async function writeMatched<Row extends object>(
  ctx: ImportContext,
  spec: {
    entity: string;
    name: string;
    entityType: string;
    entityId: (row: Row) => string;
    current: Row | null | undefined;
    /** The stated fields, already normalised by the domain schema. */
    stated: Record<string, unknown>;
    create: () => Promise<Row>;
    update: (changes: Record<string, unknown>) => Promise<Row>;
    /** Extra lines for the report about a new row. */
    notes?: (created: Row) => string[];
  },
): Promise<Row> {
  const { entity, name, entityType, current } = spec;
  if (!current) {
    const created = await spec.create();
    ctx.record(
      { action: "create", entity, name, details: [...describeNew(spec.stated), ...(spec.notes?.(created) ?? [])] },
      { entityType, entityId: spec.entityId(created), after: created },
    );
    return created;
  }
  const { update, details } = diffFields(current as Record<string, unknown>, spec.stated);
  if (!details.length) {
    ctx.record({ action: "unchanged", entity, name, details });
    return current;
  }
  const after = await spec.update(update);
  ctx.record(
    { action: "update", entity, name, details },
    { entityType, entityId: spec.entityId(current), before: current, after },
  );
  return after;
}

/** Zod issues of a reused domain schema, as problems at the plan path. */
export function schemaProblems(
  ctx: ImportContext,
  path: string,
  issues: readonly { path: PropertyKey[]; message: string }[],
) {
  for (const issue of issues)
    ctx.problem(issue.path.length ? `${path}.${issue.path.map(String).join(".")}` : path, issue.message);
}
