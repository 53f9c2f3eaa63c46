// Compares the Prisma data model (schema.prisma, read through Prisma's own schema parser) with what a
// migrated database really holds: tables, columns, types, nullability, defaults, indexes, foreign keys
// and enums. Used by the drift test, so a schema change without its migration fails the suite.
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

type DmmfField = {
  name: string;
  kind: "scalar" | "object" | "enum";
  type: string;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  hasDefaultValue: boolean;
  isUpdatedAt: boolean;
  dbName?: string | null;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
};
type Dmmf = {
  datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[]; indexes: DmmfIndex[] };
};

const SCALAR_TO_PG: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

const NATIVE_TO_PG: Record<string, (args: string[]) => string> = {
  Timestamptz: (a) => `timestamp(${a[0] ?? 3}) with time zone`,
  VarChar: (a) => (a[0] ? `character varying(${a[0]})` : "character varying"),
  Text: () => "text",
  Uuid: () => "uuid",
  SmallInt: () => "smallint",
  DoublePrecision: () => "double precision",
};

function readDataModel(schemaPath = path.join(process.cwd(), "prisma", "schema.prisma")): Dmmf["datamodel"] {
  return (JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readFileSync(schemaPath, "utf8") }))) as Dmmf).datamodel;
}

function expectedType(field: DmmfField): string {
  const native = field.nativeType ? NATIVE_TO_PG[field.nativeType[0]]?.(field.nativeType[1]) : undefined;
  const base = field.kind === "enum" ? field.type : (native ?? SCALAR_TO_PG[field.type] ?? field.type);
  return field.isList ? `${base}[]` : base;
}

/** Returns a list of differences; empty when schema.prisma and the database agree. */
export async function findDrift(connectionString: string, model = readDataModel()): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const problems: string[] = [];
    const columns = await client.query<{
      table_name: string;
      column_name: string;
      type: string;
      not_null: boolean;
      has_default: boolean;
    }>(`
      SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS not_null, a.atthasdef AS has_default
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> '_prisma_migrations'`);
    const indexes = await client.query<{ table_name: string; unique: boolean; primary: boolean; columns: string[] }>(`
      SELECT t.relname AS table_name, ix.indisunique AS unique, ix.indisprimary AS primary,
             array_agg(a.attname ORDER BY k.ord)::text[] AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary`);
    const foreignKeys = await client.query<{ table_name: string; columns: string[]; on_delete: string }>(`
      SELECT t.relname AS table_name, array_agg(a.attname ORDER BY k.ord)::text[] AS columns, con.confdeltype AS on_delete
      FROM pg_constraint con
      JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE con.contype = 'f' AND n.nspname = current_schema()
      GROUP BY t.relname, con.oid, con.confdeltype`);
    const enums = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() GROUP BY t.typname`);

    const dbTables = new Set(columns.rows.map((c) => c.table_name));
    const modelTables = new Set<string>();
    for (const m of model.models) {
      const table = m.dbName ?? m.name;
      modelTables.add(table);
      if (!dbTables.has(table)) {
        problems.push(`table ${table}: in schema.prisma, missing from the database`);
        continue;
      }
      const dbColumns = new Map(columns.rows.filter((c) => c.table_name === table).map((c) => [c.column_name, c]));
      const scalarFields = m.fields.filter((f) => f.kind !== "object");
      for (const field of scalarFields) {
        const column = field.dbName ?? field.name;
        const actual = dbColumns.get(column);
        if (!actual) {
          problems.push(`column ${table}.${column}: in schema.prisma, missing from the database`);
          continue;
        }
        const type = expectedType(field);
        const actualType = actual.type.replaceAll('"', "");
        if (actualType !== type)
          problems.push(`column ${table}.${column}: type ${actualType} in the database, ${type} in schema.prisma`);
        // Prisma creates scalar-list columns without NOT NULL.
        if (actual.not_null !== (field.isRequired && !field.isList)) {
          problems.push(
            `column ${table}.${column}: ${actual.not_null ? "NOT NULL" : "nullable"} in the database, ${field.isRequired ? "required" : "optional"} in schema.prisma`,
          );
        }
        // cuid()/uuid()/updatedAt are filled by Prisma Client, not by the database.
        const clientSide =
          field.isUpdatedAt ||
          ["cuid", "uuid", "nanoid"].includes((field as { default?: { name?: string } }).default?.name ?? "");
        const dbDefault = field.hasDefaultValue && !clientSide;
        if (actual.has_default !== dbDefault) {
          problems.push(
            `column ${table}.${column}: ${actual.has_default ? "has" : "has no"} default in the database, ${dbDefault ? "has" : "has no"} database default in schema.prisma`,
          );
        }
      }
      const fieldColumns = new Set(scalarFields.map((f) => f.dbName ?? f.name));
      for (const column of dbColumns.keys()) {
        if (!fieldColumns.has(column))
          problems.push(`column ${table}.${column}: in the database, missing from schema.prisma`);
      }

      const columnOf = (name: string) => {
        const f = m.fields.find((x) => x.name === name);
        return f?.dbName ?? name;
      };
      const wanted = model.indexes
        .filter((i) => i.model === m.name && i.type !== "fulltext")
        .map(
          (i) =>
            `${i.type === "id" ? "primary" : i.type === "unique" ? "unique" : "index"}(${i.fields.map((f) => columnOf(f.name)).join(",")})`,
        );
      const present = indexes.rows
        .filter((i) => i.table_name === table)
        .map((i) => `${i.primary ? "primary" : i.unique ? "unique" : "index"}(${i.columns.join(",")})`);
      for (const index of wanted)
        if (!present.includes(index)) problems.push(`${table}: ${index} in schema.prisma, missing from the database`);
      for (const index of present)
        if (!wanted.includes(index)) problems.push(`${table}: ${index} in the database, missing from schema.prisma`);

      const onDeleteCode: Record<string, string> = {
        Cascade: "c",
        Restrict: "r",
        SetNull: "n",
        NoAction: "a",
        SetDefault: "d",
      };
      const wantedFks = m.fields
        .filter((f) => f.kind === "object" && f.relationFromFields && f.relationFromFields.length > 0)
        .map((f) => {
          const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
          return `fk(${f.relationFromFields!.map(columnOf).join(",")}) on delete ${onDeleteCode[onDelete]}`;
        });
      const presentFks = foreignKeys.rows
        .filter((f) => f.table_name === table)
        .map((f) => `fk(${f.columns.join(",")}) on delete ${f.on_delete}`);
      for (const fk of wantedFks)
        if (!presentFks.includes(fk)) problems.push(`${table}: ${fk} in schema.prisma, missing from the database`);
      for (const fk of presentFks)
        if (!wantedFks.includes(fk)) problems.push(`${table}: ${fk} in the database, missing from schema.prisma`);
    }
    for (const table of dbTables)
      if (!modelTables.has(table)) problems.push(`table ${table}: in the database, missing from schema.prisma`);

    const dbEnums = new Map(enums.rows.map((e) => [e.name, e.values.join(",")]));
    for (const e of model.enums) {
      const values = e.values.map((v) => v.name).join(",");
      if (dbEnums.get(e.name) !== values)
        problems.push(
          `enum ${e.name}: (${dbEnums.get(e.name) ?? "missing"}) in the database, (${values}) in schema.prisma`,
        );
      dbEnums.delete(e.name);
    }
    for (const name of dbEnums.keys()) problems.push(`enum ${name}: in the database, missing from schema.prisma`);
    return problems;
  } finally {
    await client.end();
  }
}
