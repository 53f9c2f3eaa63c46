// RTO/RPO figures wherever a plan states them: label lines ("- **RTO**: 4 hours", "RTO: 4h", "# RTO: 10 min" in a
// fence), headings ("## Database (RTO: 3 hours)"), a heading that is the label ("### RTO") with its figure on the
// lines under it, sentences ("The RTO is 4 hours", "20 min RTO"), and tables with an RTO/RPO column keyed by
// anything in their first column (environment, tier, scenario, data type) or with RTO/RPO rows. Each figure is a
// fact with its line and its scope. One unscoped figure (or several that agree) is the system's; conflicting ones
// are noted and none is chosen. Figures near words of measurement or example are noted, not read.
import type { Doc } from "./doc";
import { durationNote, findDuration, objective, parseDuration, type Duration } from "./durations";
import { objectiveFact } from "./facts";
import { isNone, plain } from "./inline";
import { FOR, GENERIC_QUALIFIERS, NOT_AN_OBJECTIVE, RPO_LABELS, RTO_LABELS } from "./objective-words";
import { cell, type Table } from "./tables";

export type SystemObjectives = {
  rtoMinutes?: number;
  rtoMinMinutes?: number;
  rpoMinutes?: number;
  rpoMinMinutes?: number;
};
type Kind = "rto" | "rpo";
type Figure = { kind: Kind; line: number; text: string; duration: Duration; scope?: string };

const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const alternation = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join("|");
// A label is a whole word: "RTO" but not "PROTO"; CJK labels have no word boundaries.
const LABEL_WORD = (words: string[]) =>
  new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternation(words)})(?![\p{L}\p{N}])`, "iu");
const LABEL = { rto: LABEL_WORD(RTO_LABELS), rpo: LABEL_WORD(RPO_LABELS) };
const DECOY = new RegExp(String.raw`(?<![\p{L}])(?:${alternation(NOT_AN_OBJECTIVE)})(?![\p{L}])`, "iu");
const FOR_SCOPE = new RegExp(String.raw`^\s*\(?\s*(?:${alternation(FOR)})\s+([^()\n]{2,80}?)\s*\)?\s*[.;]?$`, "i");
const GENERIC = new Set(GENERIC_QUALIFIERS);
/** Section titles that name the objectives themselves, not what they are for. */
const GENERIC_TITLE =
  /objective|target|goal|summary|overview|principle|definition|sla\b|metric|rto|rpo|objetivo|objectif|ziel|hedef|metas?\b|목표|目标|目標|概要|概述|개요|recovery$|^\d*\.?\s*$/i;
const MAX_LINE = 2000;

export function readSystemObjectives(doc: Doc): SystemObjectives {
  const figures: Figure[] = [];
  readTables(doc, figures);
  readLines(doc, figures);
  for (const f of figures) {
    doc.fact(objectiveFact(f.kind, f.duration, f.text, f.line, f.scope));
    const note = durationNote(f.text, f.duration);
    if (note) doc.note(`${f.kind.toUpperCase()}${f.scope ? ` of "${f.scope}"` : ""}: ${note}`, f.line);
  }
  return systemWide(doc, figures);
}

function systemWide(doc: Doc, figures: Figure[]): SystemObjectives {
  const out: SystemObjectives = {};
  for (const kind of ["rto", "rpo"] as const) {
    const unscoped = figures.filter((f) => f.kind === kind && !f.scope);
    if (!unscoped.length) continue;
    const key = (f: Figure) => JSON.stringify(objective(f.duration));
    if (unscoped.some((f) => key(f) !== key(unscoped[0]!))) {
      doc.note(
        `${kind.toUpperCase()} stated ${unscoped.length} times with different figures (lines ${unscoped.map((f) => f.line).join(", ")}): none read as the system's ${kind.toUpperCase()}`,
      );
      continue;
    }
    const first = unscoped[0]!;
    const { target, lower } = objective(first.duration);
    if (kind === "rto")
      Object.assign(
        out,
        target !== undefined && { rtoMinutes: target },
        lower !== undefined && { rtoMinMinutes: lower },
      );
    else
      Object.assign(
        out,
        target !== undefined && { rpoMinutes: target },
        lower !== undefined && { rpoMinMinutes: lower },
      );
    doc.note(`"${first.text}" read as the system's ${kind.toUpperCase()}`, first.line);
  }
  return out;
}

const kindOf = (text: string): Kind | null => {
  const t = plain(text);
  const rto = LABEL.rto.test(t);
  const rpo = LABEL.rpo.test(t);
  return rto === rpo ? null : rto ? "rto" : "rpo";
};
const TARGET_COLUMN =
  /target|objective|goal|objetivo|objectif|ziel|hedef|obiettivo|목표|目标|目標|^value$|^valor$|^valeur$|^wert$|^değer$/i;
const ID_COLUMN = /^(?:#|id|no\.?|nr\.?|n°|rank|s\.?no\.?|.*\bid)$/i;

/** Tables no other reader took, with RTO/RPO columns (keyed by their first column) or RTO/RPO rows. */
function readTables(doc: Doc, figures: Figure[]): void {
  for (const table of doc.tables) {
    if (doc.isUsed(table.header.line)) continue;
    const header = table.header.cells.map((h) => plain(h));
    const columns = header
      .map((h, i) => ({ i, kind: kindOf(h), h }))
      .filter((c): c is { i: number; kind: Kind; h: string } => c.kind !== null && c.i > 0);
    if (columns.length) {
      readColumns(doc, table, header, columns, figures);
      continue;
    }
    readRows(doc, table, header, figures);
  }
}

function readColumns(
  doc: Doc,
  table: Table,
  header: string[],
  columns: { i: number; kind: Kind; h: string }[],
  figures: Figure[],
) {
  // Of several RTO columns, the target one; measured ones ("Actual RTO") are never read.
  const chosen: typeof columns = [];
  for (const kind of ["rto", "rpo"] as const) {
    const of = columns.filter((c) => c.kind === kind && !DECOY.test(c.h));
    const pick = of.length > 1 ? (of.find((c) => TARGET_COLUMN.test(c.h)) ?? of[0]) : of[0];
    if (pick) chosen.push(pick);
    for (const c of columns.filter((c) => c.kind === kind && c !== pick))
      doc.note(
        `Column "${c.h}" of the table at line ${table.header.line} is not read as an objective`,
        table.header.line,
      );
  }
  if (!chosen.length) return;
  const key = keyColumn(
    table,
    header,
    chosen.map((c) => c.i),
  );
  // Lines not marked used: the scenario and backup readers still read the other columns of these tables.
  for (const row of table.rows) {
    const scope = plain(cell(row, key))
      .replace(/\\\*|\*$/g, "")
      .trim();
    for (const c of chosen) {
      const text = plain(cell(row, c.i)).replace(/\\/g, "");
      if (!text || isNone(text)) continue;
      const duration = parseDuration(text);
      if (!duration) {
        doc.note(`${c.kind.toUpperCase()} "${text}"${scope ? ` of "${scope}"` : ""} is not a duration`, row.line);
        continue;
      }
      figures.push({ kind: c.kind, line: row.line, text, duration, ...(scope && !isNone(scope) && { scope }) });
    }
  }
}

/** The column that says what a row is for: the first one that is not an id, a rank or an objective. */
function keyColumn(table: Table, header: string[], taken: number[]): number {
  for (let i = 0; i < header.length; i++) {
    if (taken.includes(i) || ID_COLUMN.test(header[i]!)) continue;
    const values = table.rows.map((r) => plain(cell(r, i))).filter(Boolean);
    if (values.length && values.every((v) => /^[\w-]{0,12}\d[\w-]{0,12}$/.test(v))) continue;
    return i;
  }
  return 0;
}

/** "| **RTO** | 12 min | 20 min |" rows: read the target column (or the only value column). */
function readRows(doc: Doc, table: Table, header: string[], figures: Figure[]) {
  const value = header.length === 2 ? 1 : header.findIndex((h, i) => i > 0 && TARGET_COLUMN.test(h) && !DECOY.test(h));
  for (const row of table.rows) {
    const label = plain(cell(row, 0));
    const kind = kindOf(label);
    if (!kind || label.length > 80) continue;
    if (value < 1 || header.some((h) => DECOY.test(h))) {
      doc.note(
        `${kind.toUpperCase()} row of the table at line ${table.header.line}: no target column, not read`,
        row.line,
      );
      continue;
    }
    const text = plain(cell(row, value));
    const duration = text ? parseDuration(text) : null;
    if (!duration) continue;
    doc.use(row.line);
    figures.push({ kind, line: row.line, text, duration });
  }
}

/** Every other line: labels, headings, sentences, fence comments. */
function readLines(doc: Doc, figures: Figure[]): void {
  for (let n = 1; n <= doc.count; n++) {
    if (doc.isUsed(n) || doc.tableAt(n) || doc.inFrontMatter(n)) continue;
    const raw = doc.text(n);
    if (raw.length > MAX_LINE || !raw.trim()) continue;
    const fence = doc.fenceAt(n);
    // In code, only a comment states an objective ("# RTO: 10 minutes").
    const text = fence
      ? (/^\s*(?:#|\/\/|--)\s*(.*)$/.exec(raw)?.[1] ?? "")
      : plain(raw).replace(/^(?:[-*+]|\d{1,3}[.)])\s+/, "");
    if (!text) continue;
    const heading = doc.headingAt(n);
    // "RPO: 2h | RTO: 6h (critical data) | RTO: 48h (history)": each part states its own figure and scope.
    const found = text.split(/\s+\|\s+/, 12).flatMap((part) => readLine(doc, part, n));
    if (!found.length && !fence && !heading) continue;
    if (found.length) doc.use(n);
    for (const f of found) {
      if (!f.scope && heading) {
        const rest = heading.title
          .replace(/\(?[^()]*\b(?:rto|rpo)\b[^()]*\)?/gi, "")
          .replace(/[\s:–—-]+$/, "")
          .trim();
        if (rest && !GENERIC_TITLE.test(rest)) f.scope = rest;
      }
      if (!f.scope && !heading) {
        const context = contextOf(doc, n);
        if (context) f.scope = context;
      }
      figures.push(f);
    }
  }
  readLabelHeadings(doc, figures);
}

/** The figures one line states, each with the scope the line itself gives. */
function readLine(doc: Doc, text: string, line: number): Figure[] {
  const out: Figure[] = [];
  for (const kind of ["rto", "rpo"] as const) {
    const re = new RegExp(LABEL[kind].source, "giu");
    for (const m of text.matchAll(re)) {
      // "the 20-minute RTO": read the compound adjective as "20 minute".
      const before = text.slice(0, m.index).replace(/(\d)-(?=\p{L})/gu, "$1 ");
      const after = text.slice(m.index + m[0].length);
      // "RTO (Recovery Time Objective): 4 hours", "RTO: < 2 hours", "RTO 2時間", "RTO = 15 min".
      const lead =
        /^\s*(?:\([^)]{0,60}\)|（[^）]{0,60}）)?\s*(?:\*\*)?\s*(?:[:：=]|is|of|est de|es de|é de|ist|:)?\s*(?:\*\*)?\s*/i.exec(
          after,
        )!;
      const rest = after.slice(lead[0].length);
      const zero = /^0(?![\d.,:])/.test(rest) && !findDuration(rest.slice(0, 40));
      const d = zero
        ? { text: "0", duration: { kind: "exact", min: 0, max: 0 } as Duration }
        : findDuration(rest.slice(0, 200));
      let figure: Figure | undefined;
      if (d && rest.indexOf(d.text) === 0) {
        const tail = rest.slice(d.text.length).split(/[,;、，]\s*|\s+(?:and|y|e|et|und|ve)\s+/)[0]!;
        figure = { kind, line, text: d.text, duration: d.duration };
        const forScope = FOR_SCOPE.exec(tail)?.[1] ?? /^\s*target\s+for\s+(.{2,80})$/i.exec(tail)?.[1];
        const scope =
          (forScope && !/^(?:all|every|each|the whole)\b/i.test(forScope) ? forScope : undefined) ??
          qualifierOf(before) ??
          /^\s*\(([^)]{2,80})\)/.exec(tail)?.[1];
        if (scope) figure.scope = scope.trim();
      } else {
        // "20 min RTO", "**20 minutes** (RTO)".
        const back = findDuration(before.slice(-40));
        if (
          back &&
          /^\s*\)?\s*(?:\*\*)?\s*\(?\s*$/.test(
            before.slice(before.lastIndexOf(back.text) + back.text.length).replace(/\*\*/g, ""),
          )
        )
          figure = { kind, line, text: back.text, duration: back.duration };
      }
      if (!figure) continue;
      if (
        DECOY.test(text) ||
        DECOY.test(doc.sectionAt(line).title) ||
        DECOY.test(leadIn(doc, line)) ||
        TEMPLATE.test(text)
      ) {
        doc.note(`${kind.toUpperCase()} "${figure.text}" is stated as an example or a measurement: not read`, line);
        continue;
      }
      if (!out.some((f) => f.kind === kind && f.text === figure!.text)) out.push(figure);
    }
  }
  return out;
}

/** A message template ("We have invoked DR for [Service Name]…"): its figures are blanks to fill, not objectives. */
const TEMPLATE = /\\?\[(?:[A-Z][\w ]{1,40}|time[\w ]{0,30})\\?\](?!\()/;

/** The line that introduces the list a line is in ("RTO obtenido:", "Measured in the last drill:"), if any. */
function leadIn(doc: Doc, line: number): string {
  const list = doc.lists.find((l) => l.start <= line && line <= l.end);
  if (!list) return "";
  for (let n = list.start - 1; n >= Math.max(1, list.start - 3); n--) if (doc.text(n).trim()) return doc.text(n);
  return "";
}

/** "Failover RTO" → "Failover"; "Primary RTO" → nothing. */
function qualifierOf(before: string): string | undefined {
  const words = before
    .replace(/[*_:|]/g, " ")
    .trim()
    .split(/\s+/)
    .slice(-3);
  const kept = words.filter((w) => w && !GENERIC.has(w.toLowerCase()) && /\p{L}/u.test(w));
  if (!kept.length || kept.length !== words.length || before.trim().length > 40) return undefined;
  return kept.join(" ");
}

/** What a figure line is for: a bold line above it in the section ("**Scenario 2: Complete Database Loss**") or the section's title. */
function contextOf(doc: Doc, line: number): string | undefined {
  const section = doc.sectionAt(line);
  for (let n = line - 1; n > section.line && n >= line - 12; n--) {
    const t = doc.text(n).trim();
    // Plain text outlines its parts with short lines of their own ("PostgreSQL hosts:", "Prometheus").
    const outline = doc.plainText ? /^(\p{L}[\p{L}\d .&/-]{1,40}?)\s*:?$/u.exec(t) : null;
    if (outline && outline[1]!.split(/\s+/).length <= 4 && !kindOf(outline[1]!) && !GENERIC_TITLE.test(outline[1]!))
      return outline[1]!.trim();
    const bold = /^\*\*([^*]{3,120})\*\*$/.exec(t);
    if (bold && !bold[1]!.trim().endsWith(":")) {
      const title = bold[1]!.replace(/:$/, "").trim();
      return kindOf(title) || GENERIC_TITLE.test(title) ? undefined : title;
    }
  }
  if (section.level <= 1 || !section.title) return undefined;
  const title = section.title.replace(/^[\d.]+\s*/, "").trim();
  return GENERIC_TITLE.test(title) ||
    (/[\p{Extended_Pictographic}]/u.test(title.slice(0, 2)) && GENERIC_TITLE.test(title))
    ? undefined
    : title;
}

/** "### RTO" (or "## Backup RTO") and under it "- MySQL servers - 45 minutes" / "4 hours". */
function readLabelHeadings(doc: Doc, figures: Figure[]): void {
  for (const section of doc.sections) {
    const title = section.title.replace(/\([^)]*\)/g, "").trim();
    const kind = kindOf(title);
    if (!kind || title.length > 40 || findDuration(title)) continue;
    for (let n = section.line + 1; n <= section.bodyEnd; n++) {
      if (doc.isUsed(n) || !doc.isProse(n)) continue;
      const text = plain(doc.text(n)).replace(/^(?:[-*+]|\d{1,3}[.)])\s+/, "");
      if (DECOY.test(text) || DECOY.test(leadIn(doc, n))) continue;
      const whole = parseDuration(text);
      // "MySQL servers - 45 minutes", "Critical Services: <2 hours", "Dados Críticos: 2 horas (pedidos…)".
      const pair = /^(.{2,60}?)(?:\s+[-–—]|\s*[:：])\s+(.{1,120})$/.exec(text);
      const duration = whole ?? (pair ? parseDuration(pair[2]!) : null);
      if (!duration) continue;
      doc.use(n);
      figures.push({ kind, line: n, text: whole ? text : pair![2]!, duration, ...(!whole && { scope: pair![1]! }) });
    }
  }
}
