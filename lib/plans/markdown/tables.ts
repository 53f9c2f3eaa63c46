// Pipe tables (GitHub style): a header row, a separator row of dashes, then rows until the first line without a pipe.

export type Row = { line: number; cells: string[] };
export type Table = { header: Row; separator: number; rows: Row[] };

const SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

export function isSeparatorRow(text: string): boolean {
  return text.includes("|") && SEPARATOR.test(text);
}

export function readTables(lines: string[], inFence: (line: number) => boolean): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i]!;
    if (!head.includes("|") || inFence(i + 1) || !isSeparatorRow(lines[i + 1]!) || isSeparatorRow(head)) continue;
    const header = { line: i + 1, cells: splitRow(head) };
    const rows: Row[] = [];
    let j = i + 2;
    for (; j < lines.length; j++) {
      const text = lines[j]!;
      if (!text.trim() || !text.includes("|") || inFence(j + 1)) break;
      rows.push({ line: j + 1, cells: splitRow(text) });
    }
    tables.push({ header, separator: i + 2, rows });
    i = j - 1;
  }
  return tables;
}

/** Cells of a row; a pipe inside inline code or escaped as \| does not split. */
function splitRow(text: string): string[] {
  let t = text.trim();
  if (t.startsWith("|")) t = t.slice(1);
  if (t.endsWith("|") && !t.endsWith("\\|")) t = t.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  let inCode = false;
  for (let k = 0; k < t.length; k++) {
    const c = t[k]!;
    if (c === "\\" && t[k + 1] === "|") {
      cell += "|";
      k++;
    } else if (c === "`") {
      inCode = !inCode;
      cell += c;
    } else if (c === "|" && !inCode) {
      cells.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

export function cell(row: Row, column: number): string {
  return column < 0 ? "" : (row.cells[column] ?? "").trim();
}
