// The document the extractors share: numbered lines, its structure (fences, tables, headings), the lines the
// extractors used, and what they noted. Every extractor marks the lines it read, so that what is left over can
// be shown to the user as unparsed instead of being dropped silently.
import type { SourceLine } from "../format";
import { readFences, type Fence } from "./fences";
import { readSections, headingOf, titlePath, type Section } from "./sections";
import { readTables, isSeparatorRow, type Table } from "./tables";

export type Note = { line?: number; message: string };

export class Doc {
  readonly lines: string[];
  readonly fences: Fence[];
  readonly tables: Table[];
  readonly root: Section;
  readonly sections: Section[];
  readonly notes: Note[] = [];
  readonly notFound: string[] = [];
  private readonly used = new Set<number>();
  private readonly fenceOf = new Map<number, Fence>();
  private readonly tableOf = new Map<number, Table>();
  private readonly sectionOf: Section[] = [];

  constructor(source: string) {
    this.lines = source.split(/\r\n|\r|\n/);
    this.fences = readFences(this.lines);
    for (const fence of this.fences) for (let n = fence.open; n <= fence.end; n++) this.fenceOf.set(n, fence);
    const inFence = (n: number) => this.fenceOf.has(n);
    this.tables = readTables(this.lines, inFence);
    for (const table of this.tables) {
      for (const row of [table.header, ...table.rows]) this.tableOf.set(row.line, table);
      this.tableOf.set(table.separator, table);
    }
    ({ root: this.root, all: this.sections } = readSections(this.lines, inFence));
    // Sections come in document order, so a subsection overwrites its parent on the lines it holds.
    for (const s of [this.root, ...this.sections])
      for (let n = Math.max(s.line, 1); n <= s.end; n++) this.sectionOf[n] = s;
  }

  get count(): number {
    return this.lines.length;
  }

  text(line: number): string {
    return this.lines[line - 1] ?? "";
  }

  fenceAt(line: number): Fence | undefined {
    return this.fenceOf.get(line);
  }

  tableAt(line: number): Table | undefined {
    return this.tableOf.get(line);
  }

  /** Plain text line: not in a fence or a table, not a heading, not blank. */
  isProse(line: number): boolean {
    const text = this.text(line);
    return !!text.trim() && !this.fenceAt(line) && !this.tableAt(line) && !headingOf(text);
  }

  /** The innermost section holding the line. */
  sectionAt(line: number): Section {
    return this.sectionOf[line] ?? this.root;
  }

  pathAt(line: number): string {
    return titlePath(this.sectionAt(line));
  }

  use(...lines: number[]): void {
    for (const n of lines) this.used.add(n);
  }

  isUsed(line: number): boolean {
    return this.used.has(line);
  }

  note(message: string, line?: number): void {
    this.notes.push(line === undefined ? { message } : { line, message });
  }

  missing(message: string): void {
    if (!this.notFound.includes(message)) this.notFound.push(message);
  }

  /** Lines with content that no extractor used. Structure (headings, table separators, fence markers, rules) is not content. */
  unparsed(): SourceLine[] {
    const markers = new Set<number>();
    for (const f of this.fences) {
      markers.add(f.open);
      if (f.close) markers.add(f.close);
    }
    const out: SourceLine[] = [];
    this.lines.forEach((text, i) => {
      const line = i + 1;
      if (!text.trim() || this.used.has(line) || markers.has(line)) return;
      if (!this.fenceAt(line) && (headingOf(text) || isSeparatorRow(text) || /^\s*([-*_])(\s*\1){2,}\s*$/.test(text)))
        return;
      out.push({ line, text });
    });
    return out;
  }
}
