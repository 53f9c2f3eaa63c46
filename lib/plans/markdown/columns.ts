// Table columns are recognised by loose header names, each column taken by one role at most.
import type { Doc } from "./doc";
import type { Table } from "./tables";

export function assignColumns<K extends string>(header: string[], roles: Record<K, RegExp>): Record<K, number> {
  const taken = new Set<number>();
  const out = {} as Record<K, number>;
  for (const role of Object.keys(roles) as K[]) {
    const i = header.findIndex((h, k) => !taken.has(k) && roles[role].test(h.replace(/[*_`]/g, "").trim()));
    out[role] = i;
    if (i >= 0) taken.add(i);
  }
  return out;
}

/** Say which columns of a table that was read carry nothing Lifeboat keeps, so their content is not lost silently. */
export function noteUnreadColumns(doc: Doc, table: Table, read: number[]): void {
  const unread = table.header.cells.filter((h, i) => h && !read.includes(i));
  if (!unread.length) return;
  const names = unread.map((h) => `"${h}"`).join(", ");
  doc.note(
    `${unread.length > 1 ? "Columns" : "Column"} ${names} of the table at line ${table.header.line} ${unread.length > 1 ? "are" : "is"} not read`,
    table.header.line,
  );
}
