// The set-based form of writeMatched (./context.ts), for the rows a plan holds by the thousand (services, backup
// policies): the caller reads what exists in one query, then every new row goes in one multi-row INSERT and
// every changed row in one UPDATE … FROM (VALUES), each bumping the row's version only if it is still the
// version read (an editor's save in between is a CONFLICT, never overwritten). The report and the audit
// events are the same as writing them one by one.
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { describeNew, diffFields, type ImportContext } from "./context";

/** Rows per statement: well under Postgres's 65,535 bind parameters. */
const CHUNK = 1_000;

export const chunks = <T>(items: T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** What writeMatched needs about one item of the plan, once the domain schema accepted it. */
export type Prepared<Data> = {
  entity: string;
  name: string;
  /** The full row to create (the schema's output). */
  data: Data;
  /** The stated fields, already normalised by the domain schema: compared with, and written over, the stored row. */
  stated: Record<string, unknown>;
  notes?: string[];
};

export type VersionedRow = { id: string; version: number };

/**
 * Creates, updates or leaves each item, as writeMatched does one at a time. `prepare` sees the stored row (or
 * none) and returns null when the item is refused (it reports its own problem). An item whose key appeared
 * earlier in the batch is written in a later round, against what the earlier one wrote (a plan may state the
 * same policy twice; the later statement wins, as it did row by row). `existing` is kept current.
 */
export async function writeMatchedBatch<Item, Data, Row extends VersionedRow>(
  ctx: ImportContext,
  spec: {
    entityType: string;
    items: Item[];
    key: (item: Item) => string;
    rowKey: (row: Row) => string;
    existing: Map<string, Row>;
    prepare: (item: Item, current: Row | undefined) => Prepared<Data> | null;
    createMany: (data: Data[]) => Promise<Row[]>;
    /** Writes the changes (checking versions) and returns the rows as stored after. */
    updateMany: (updates: { current: Row; changes: Record<string, unknown> }[]) => Promise<Row[]>;
  },
) {
  const rounds: Item[][] = [];
  const seen = new Map<string, number>();
  for (const item of spec.items) {
    const key = spec.key(item);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(item);
  }
  for (const round of rounds) {
    type Step =
      | { kind: "create"; prepared: Prepared<Data>; key: string }
      | { kind: "update"; prepared: Prepared<Data>; current: Row; changes: Record<string, unknown>; details: string[] }
      | { kind: "unchanged"; prepared: Prepared<Data> };
    const planned: Step[] = [];
    for (const item of round) {
      const key = spec.key(item);
      const current = spec.existing.get(key);
      const prepared = spec.prepare(item, current);
      if (!prepared) continue;
      if (!current) {
        planned.push({ kind: "create", prepared, key });
        continue;
      }
      const { update, details } = diffFields(current as Record<string, unknown>, prepared.stated);
      planned.push(
        details.length
          ? { kind: "update", prepared, current, changes: update, details }
          : { kind: "unchanged", prepared },
      );
    }
    const creates = planned.filter((p) => p.kind === "create");
    const updates = planned.filter((p) => p.kind === "update");
    const created = new Map<string, Row>();
    for (const part of chunks(creates))
      for (const row of await spec.createMany(part.map((p) => p.prepared.data))) created.set(spec.rowKey(row), row);
    const updated = new Map<string, Row>();
    for (const part of chunks(updates))
      for (const row of await spec.updateMany(part.map((p) => ({ current: p.current, changes: p.changes }))))
        updated.set(row.id, row);
    for (const p of planned) {
      const { entity, name } = p.prepared;
      if (p.kind === "unchanged") ctx.record({ action: "unchanged", entity, name, details: [] });
      else if (p.kind === "create") {
        const row = created.get(p.key)!;
        spec.existing.set(p.key, row);
        ctx.created.add(row.id);
        ctx.record(
          { action: "create", entity, name, details: [...describeNew(p.prepared.stated), ...(p.prepared.notes ?? [])] },
          { entityType: spec.entityType, entityId: row.id, after: row },
        );
      } else {
        const row = updated.get(p.current.id)!;
        spec.existing.set(spec.rowKey(row), row);
        ctx.record(
          { action: "update", entity, name, details: p.details },
          { entityType: spec.entityType, entityId: p.current.id, before: p.current, after: row },
        );
      }
    }
  }
}

/** SQL types of the columns an import writes, per table (nothing else is ever written by name). */
export type ColumnTypes = Record<string, "text" | "int" | "boolean" | "text[]" | `"${string}"`>;

/** Field `column` of the JSON object `source`, as its SQL type. */
const valueOf = (source: string, column: string, type: string) =>
  type === "text[]"
    ? `ARRAY(SELECT jsonb_array_elements_text(${source}->'${column}'))`
    : `(${source}->>'${column}')::${type}`;

function checkColumns(table: string, columns: ColumnTypes, used: Iterable<string>) {
  for (const column of used)
    if (!Object.hasOwn(columns, column)) throw new Error(`${table}.${column} is not a column an import writes`);
}

/** An id in the shape of Prisma's cuid() (what rows created through Prisma get): c, time, counter, randomness. */
let counter = 0;
const newId = () =>
  `c${Date.now().toString(36)}${(counter++ % 1_679_616).toString(36).padStart(4, "0")}${randomBytes(8).readBigUInt64BE().toString(36).padStart(13, "0")}`;

/**
 * One INSERT … SELECT from a JSON array for many rows (one bind parameter, where Prisma's createMany sends one a
 * field): each gets a new id, and the rows come back as stored.
 */
export async function insertRows<Row>(
  tx: Tx,
  table: string,
  columns: ColumnTypes,
  rows: Record<string, unknown>[],
): Promise<Row[]> {
  if (!rows.length) return [];
  const used = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  checkColumns(table, columns, used);
  return tx.$queryRawUnsafe<Row[]>(
    `INSERT INTO "${table}" (id, ${used.map((c) => `"${c}"`).join(", ")}, "updatedAt")
     SELECT e.j->>'id', ${used.map((c) => valueOf("e.j", c, columns[c]!)).join(", ")}, now()
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(j, n) ORDER BY e.n
     RETURNING *`,
    JSON.stringify(rows.map((r) => ({ ...r, id: newId() }))),
  );
}

/**
 * One UPDATE … FROM (the rows as a JSON array) for many rows, each setting only its own changed columns and
 * bumping its version — only where the version is still the one read: returns the rows as stored after, and
 * throws CONFLICT (rolling the whole import back) when any row changed meanwhile.
 */
export async function updateVersioned<Row>(
  tx: Tx,
  table: string,
  columns: ColumnTypes,
  rows: { id: string; version: number; changes: Record<string, unknown> }[],
): Promise<Row[]> {
  if (!rows.length) return [];
  const used = [...new Set(rows.flatMap((r) => Object.keys(r.changes)))];
  checkColumns(table, columns, used);
  const sets = used.map(
    (column) =>
      `"${column}" = CASE WHEN e.j->'c' ? '${column}' THEN ${valueOf("(e.j->'c')", column, columns[column]!)} ELSE t."${column}" END`,
  );
  const written = await tx.$queryRawUnsafe<Row[]>(
    `UPDATE "${table}" AS t SET ${sets.join(", ")}, version = t.version + 1, "updatedAt" = now()
     FROM jsonb_array_elements($1::jsonb) AS e(j)
     WHERE t.id = e.j->>'id' AND t.version = (e.j->>'version')::int
     RETURNING t.*`,
    JSON.stringify(rows.map((r) => ({ id: r.id, version: r.version, c: r.changes }))),
  );
  if (written.length !== rows.length)
    throw new AppError("CONFLICT", {
      userMessage:
        "Someone edited what this plan changes while it was being applied. Nothing was applied: preview again, then apply.",
    });
  return written;
}
