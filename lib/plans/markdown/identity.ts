// What system the plan is for: its name, description, DR strategy and regions.
import type { Doc } from "./doc";
import { clip, plain, readLabel } from "./inline";
import type { Section } from "./sections";

export type Identity = {
  name: string;
  description?: string;
  drStrategy?: string;
  primaryRegion?: string;
  drRegion?: string;
};

// Title words that name the document, not the system: "Acme Shop - Disaster Recovery Plan" → "Acme Shop".
const DOCUMENT_WORDS =
  /\b(?:(?:disaster[\s-]+recovery|business[\s-]+continuity(?:\s+(?:and|&)\s+disaster[\s-]+recovery)?|BC\/?DR|DR)(?:\s+(?:plan|overview|runbook|playbook|procedures?|strategy|guide|documentation|policy))?|recovery\s+(?:plan|overview|runbook|playbook|procedures?|guide))\b/gi;
const EDGES = /^[\s\-–—:|,/(]+|[\s\-–—:|,/(]+$/g;

function nameFromTitle(title: string): string {
  let name = plain(title)
    .replace(DOCUMENT_WORDS, " ")
    .replace(/\(\s*\)/g, " ");
  for (let before = ""; before !== name;) {
    before = name;
    name = name
      .replace(EDGES, "")
      .replace(/^(?:for|of)\s+(?:the\s+)?/i, "")
      .replace(/\s+/g, " ")
      .trim();
  }
  return /[\p{L}\p{N}]/u.test(name) ? name : "";
}

// "…strategy for the NEURECTOMY platform…": a capitalised name between "for the"/"of the" and the word for what it is.
const NAMED_IN_PROSE =
  /\b(?:for|of) the ((?:[\p{Lu}\d][\w.&'-]*\s+){0,3}[\p{Lu}\d][\w.&'-]*)\s+(?:platform|system|application|service|app|product|stack)\b/u;

export function readIdentity(doc: Doc): Identity {
  const paragraphs = readParagraphs(doc);
  const h1 = doc.sections.find((s) => s.level === 1);
  let name = h1 ? nameFromTitle(h1.title) : "";
  if (!name) {
    for (const p of paragraphs.slice(0, 3)) {
      const m = NAMED_IN_PROSE.exec(p.text);
      if (!m) continue;
      name = m[1]!;
      doc.use(...p.lines);
      doc.note(
        `System name "${name}" read from "${m[0]}"${h1 ? ` (the title "${h1.title}" names no system)` : ""}`,
        p.lines[0],
      );
      break;
    }
  }
  if (name.length > 120) {
    doc.note(`System name "${name}" is over 120 characters: cut`, h1?.line);
    name = clip(name, 120);
  }
  return { name, ...description(doc, paragraphs), ...strategy(doc), ...regions(doc) };
}

type Paragraph = { lines: number[]; text: string; section: Section };

/** Runs of prose lines (not lists, tables, fences, headings or "**Label**:" lines). */
function readParagraphs(doc: Doc): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (let n = 1; n <= doc.count; n++) {
    const text = doc.text(n);
    const prose = doc.isProse(n) && !/^\s*([-*+]|\d+[.)])\s/.test(text) && !readLabel(text) && !/^\s*>/.test(text);
    if (!prose) {
      current = null;
      continue;
    }
    if (!current) out.push((current = { lines: [], text: "", section: doc.sectionAt(n) }));
    current.lines.push(n);
    current.text = current.text ? `${current.text} ${text.trim()}` : text.trim();
  }
  return out;
}

function description(doc: Doc, paragraphs: Paragraph[]): { description?: string } {
  const p = paragraphs.find(
    (p) =>
      /\b(?:overview|introduction|purpose|summary|about)\b/i.test(p.section.title) && p.lines[0]! <= p.section.bodyEnd,
  );
  if (!p) return {};
  doc.use(...p.lines);
  return { description: clip(plain(p.text), 4000) };
}

const STRATEGIES =
  /\b(active[\s-]+(?:passive|active|standby)|pilot[\s-]+light|warm[\s-]+standby|hot[\s-]+standby|cold[\s-]+standby|backup[\s-]+(?:and|&)[\s-]+restore|multi[\s-]+site)\b/i;

/** The DR strategy: a "**Strategy**: …" line, or a known strategy named in a strategy section (bold first). */
function strategy(doc: Doc): { drStrategy?: string } {
  for (let n = 1; n <= doc.count; n++) {
    const label = doc.isProse(n) ? readLabel(doc.text(n)) : null;
    // A bare "**Strategy**:" inside a backup section is the backup strategy.
    const bare = label && /^strategy$/i.test(label.label) && /backup/i.test(doc.pathAt(n));
    if (label && !bare && /^(?:dr\s+|recovery\s+|disaster recovery\s+)?strategy$/i.test(label.label) && label.value) {
      doc.use(n);
      return { drStrategy: clip(plain(label.value), 200) };
    }
  }
  // The nearest section about a strategy must be the DR one, not "Backup Strategy" or "Test Strategy".
  const inStrategySection = (n: number) => {
    let s: Section | undefined = doc.sectionAt(n);
    while (s && s.level > 0 && !/\bstrateg/i.test(s.title)) s = s.parent;
    return !!s && s.level > 0 && !/backup|communication|test|data/i.test(s.title);
  };
  const candidates = Array.from({ length: doc.count }, (_, i) => i + 1).filter(
    (n) => doc.isProse(n) && inStrategySection(n),
  );
  for (const bold of [true, false]) {
    for (const n of candidates) {
      const text = doc.text(n);
      const phrases = bold ? [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!) : [text];
      const found = phrases.map((p) => STRATEGIES.exec(p)).find(Boolean);
      if (!found) continue;
      doc.use(n);
      return { drStrategy: clip(found[1]!, 200) };
    }
  }
  return {};
}

function regions(doc: Doc): { primaryRegion?: string; drRegion?: string } {
  const out: { primaryRegion?: string; drRegion?: string } = {};
  for (let n = 1; n <= doc.count; n++) {
    const label = doc.isProse(n) ? readLabel(doc.text(n)) : null;
    if (!label?.value) continue;
    if (!out.primaryRegion && /^(?:primary|main|production)\s+region$/i.test(label.label)) {
      out.primaryRegion = clip(plain(label.value), 120);
      doc.use(n);
    } else if (
      !out.drRegion &&
      /^(?:dr|disaster recovery|secondary|failover|recovery|standby)\s+region$/i.test(label.label)
    ) {
      out.drRegion = clip(plain(label.value), 120);
      doc.use(n);
    }
  }
  return out;
}
