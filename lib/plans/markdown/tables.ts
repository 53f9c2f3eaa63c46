// Pipe tables (GFM), as the Markdown parser found them (lib/plans/markdown/tree.ts): a header row and rows, each
// cell as its source text (inline markup kept, so that the readers can tell bold labels and code from text).
import type { Row } from "./tree";

export type { Row, Table } from "./tree";

export function cell(row: Row, column: number): string {
  return column < 0 ? "" : (row.cells[column] ?? "").trim();
}
