// What system the plan is for: its name, description, DR strategy and regions.
import type { Doc } from "./doc";
import { clip, plain, readLabel } from "./inline";
import type { Section } from "./sections";
import { nameFromSentence, nameFromTitle } from "./system-name";

export type Identity = {
  name: string;
  description?: string;
  drStrategy?: string;
  primaryRegion?: string;
  drRegion?: string;
};

// "…strategy for the NEURECTOMY platform…": a capitalised name between "for the"/"of the" and the word for what it is.
const NAMED_IN_PROSE =
  /\b(?:for|of) the ((?:[\p{Lu}\d][\w.&'-]*\s+){0,3}[\p{Lu}\d][\w.&'-]*)\s+(?:platform|system|application|service|app|product|stack)\b/u;

export function readIdentity(doc: Doc): Identity {
  const paragraphs = readParagraphs(doc);
  const h1 = doc.sections.find((s) => s.level === 1) ?? doc.sections.find((s) => s.level === 2 && s.line <= 3);
  const title = h1?.title ?? frontMatterTitle(doc);
  // The title's name must come back in the text (not in a heading): "Zone Evacuation" or "Small Office" do not.
  const body = doc.lines.filter((_, i) => doc.isProse(i + 1) && !doc.inFrontMatter(i + 1)).join("\n");
  let name = title ? nameFromTitle(title, body) : (frontMatterName(doc) ?? "");
  if (!name) {
    // Only the opening: a name further down is a part of the system, a vendor or an example.
    const opening = paragraphs.filter((p) => p.lines[0]! <= (h1?.line ?? 0) + 12 && !doc.isQuoted(p.lines[0]!));
    for (const p of opening.slice(0, 2)) {
      const m = NAMED_IN_PROSE.exec(p.text);
      // Line by line: a run of capitals across a line break ("Prometheus" / "Backup scope:") is two lines' words.
      const found = m?.[1] ?? p.lines.map((n) => nameFromSentence(doc.text(n))).find(Boolean);
      if (!found) continue;
      name = found;
      const from = m ? `"${m[0]}"` : `the sentence "${clip(plain(p.text), 120)}"`;
      doc.note(
        `System name "${name}" read from ${from}${title ? ` (the title "${title}" names no system)` : ""}`,
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

/** Front matter's title (a YAML "title:" line), when the document has no H1. */
function frontMatterTitle(doc: Doc): string | undefined {
  return frontMatterValue(doc, /^title$/i);
}

/** Front matter that names the system outright ("system:", "service:", "product:", "application:"). */
function frontMatterName(doc: Doc): string | undefined {
  return frontMatterValue(doc, /^(?:system|service|product|application|app)(?:[_ -]?name)?$/i);
}

function frontMatterValue(doc: Doc, key: RegExp): string | undefined {
  if (!doc.frontMatter) return undefined;
  for (let n = doc.frontMatter.start + 1; n < doc.frontMatter.end; n++) {
    const m = /^([\w -]{1,40}):\s*["']?([^"'\n]{1,200}?)["']?\s*$/.exec(doc.text(n));
    if (m && key.test(m[1]!.trim())) {
      doc.use(n);
      return m[2]!.trim();
    }
  }
  return undefined;
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
