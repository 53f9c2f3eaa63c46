export type FieldChange = { field: string; before?: string; after?: string };

// Bookkeeping fields change on every write and say nothing to a reader.
const IGNORED = new Set(["updatedAt", "version"]);

function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Field-by-field difference of two audit snapshots (plain JSON objects), in a stable order. */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const a = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const b = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !IGNORED.has(f)).sort();
  return fields.flatMap((field) => {
    const inA = field in a;
    const inB = field in b;
    if (inA && inB && JSON.stringify(a[field]) === JSON.stringify(b[field])) return [];
    return [{ field, before: inA ? show(a[field]) : undefined, after: inB ? show(b[field]) : undefined }];
  });
}
