// The document the extractors share: numbered lines, its structure as the Markdown parser saw it (fences,
// tables, headings, lists, blockquotes, front matter: lib/plans/markdown/tree.ts), the lines the extractors used,
// and what they noted. A line inside a blockquote reads without its ">" markers. Every extractor marks the lines it read, so that what is left over can
// be shown to the user as unparsed instead of being dropped silently.
import type { PlanFact, SourceLine } from "../format";
import { readSections, titlePath, type Section } from "./sections";
import { readTree, type Fence, type HeadingAt, type List, type Table, type Tree } from "./tree";

export type Note = { line?: number; message: string };

export class Doc {
  readonly lines: string[];
  readonly fences: Fence[];
  readonly tables: Table[];
  readonly root: Section;
  readonly sections: Section[];
  readonly lists: List[];
  readonly frontMatter: Tree["frontMatter"];
  /** No heading, fence or table marker anywhere: the lines are read without their indentation. */
  readonly plainText: boolean;
  readonly notes: Note[] = [];
  readonly notFound: string[] = [];
  /** Figures and schedules as the readers set them (lib/plans/markdown/facts.ts). */
  readonly facts: PlanFact[] = [];
  private readonly used = new Set<number>();
  private readonly fenceOf = new Map<number, Fence>();
  private readonly tableOf = new Map<number, Table>();
  private readonly sectionOf: Section[] = [];
  private readonly headingOf = new Map<number, HeadingAt>();
  private readonly structure: Set<number>;
  private readonly quoted: Set<number>;

  constructor(source: string) {
    const split = source.split(/\r\n|\r|\n/);
    // A plan in plain text (no heading, fence or table marker anywhere) indents with tabs or spaces for its
    // own outline; Markdown would read every indented line as code. Read its lines without the indentation.
    this.plainText = !split.some((l) => /^\s{0,3}(?:#{1,6}\s|```|~~~|\|)|^\s{0,3}(?:=+|-+)\s*$/.test(l));
    const raw = this.plainText ? split.map((l) => l.trimStart()) : split;
    const tree = readTree(raw);
    this.lines = raw.map((line, i) => (tree.quoted.has(i + 1) ? line.replace(/^\s*(?:>\s?)+/, "") : line));
    this.fences = tree.fences;
    this.lists = tree.lists;
    this.frontMatter = tree.frontMatter;
    this.structure = tree.structure;
    this.quoted = tree.quoted;
    for (const fence of this.fences) for (let n = fence.open; n <= fence.end; n++) this.fenceOf.set(n, fence);
    this.tables = tree.tables;
    for (const table of this.tables) {
      for (const row of [table.header, ...table.rows]) this.tableOf.set(row.line, table);
      this.tableOf.set(table.separator, table);
    }
    for (const heading of tree.headings) for (const n of heading.lines) this.headingOf.set(n, heading);
    ({ root: this.root, all: this.sections } = readSections(this.lines.length, tree.headings));
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
    return (
      !!text.trim() &&
      !this.fenceAt(line) &&
      !this.tableAt(line) &&
      !this.headingAt(line) &&
      !this.isStructure(line) &&
      !this.inFrontMatter(line)
    );
  }

  /** The heading on this line (both lines of a setext heading). */
  headingAt(line: number): HeadingAt | undefined {
    return this.headingOf.get(line);
  }

  /** A line that is only markup: a rule, a fence marker, a table separator, a setext underline. */
  isStructure(line: number): boolean {
    return this.structure.has(line);
  }

  inFrontMatter(line: number): boolean {
    return !!this.frontMatter && line >= this.frontMatter.start && line <= this.frontMatter.end;
  }

  /** Inside a blockquote ("> …"). */
  isQuoted(line: number): boolean {
    return this.quoted.has(line);
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

  fact(fact: PlanFact): void {
    this.facts.push(fact);
  }

  missing(message: string): void {
    if (!this.notFound.includes(message)) this.notFound.push(message);
  }

  /** Lines with content that no extractor used. Structure (headings, table separators, fence markers, rules) is not content. */
  unparsed(): SourceLine[] {
    const out: SourceLine[] = [];
    this.lines.forEach((text, i) => {
      const line = i + 1;
      if (!text.trim() || this.used.has(line) || this.structure.has(line) || this.headingOf.has(line)) return;
      out.push({ line, text });
    });
    return out;
  }
}
