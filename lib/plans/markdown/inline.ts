// Inline Markdown: emphasis, code spans, "**Label**: value" lines, placeholders, emails and phone numbers.

/** Text without emphasis markers and code backticks, whitespace collapsed. */
export function plain(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/__(.+?)__/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim()).filter(Boolean);
}

export function withoutCode(text: string): string {
  return text
    .replace(/`[^`]*`/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

type ListMarker = {
  indent: number;
  ordered: boolean;
  number?: number;
  checkbox?: "open" | "done";
  text: string;
};

const BULLET = /^(\s*)([-*+])\s+(.*)$/;
const NUMBERED = /^(\s*)(\d{1,3})[.)]\s+(.*)$/;

/** The list marker of a line ("- ", "* ", "1. ", "- [ ] "), or null when the line is not a list item. */
function listMarker(text: string): ListMarker | null {
  const numbered = NUMBERED.exec(text);
  const bullet = numbered ? null : BULLET.exec(text);
  const m = numbered ?? bullet;
  if (!m) return null;
  let rest = m[3]!;
  let checkbox: ListMarker["checkbox"];
  const box = /^\[( |x|X)\]\s*(.*)$/.exec(rest);
  if (box && !numbered) {
    checkbox = box[1] === " " ? "open" : "done";
    rest = box[2]!;
  }
  return {
    indent: m[1]!.replace(/\t/g, "    ").length,
    ordered: !!numbered,
    ...(numbered && { number: Number(m[2]) }),
    ...(checkbox && { checkbox }),
    text: rest.trim(),
  };
}

export type Labelled = { label: string; detail?: string; value: string };

/**
 * "**Label**: value", "**Label:** value", "**Label** (detail): value", with or without a list marker in front.
 * A line that only starts with bold text followed by more words ("**active-passive** strategy") is not a label.
 */
export function readLabel(text: string): Labelled | null {
  const marker = listMarker(text);
  const body = (marker ? marker.text : text).trim();
  const m = /^(?:\*\*([^*]+?)\*\*|__([^_]+?)__)\s*(?:\(([^)]*)\))?\s*(:?)\s*(.*)$/.exec(body);
  if (!m) return null;
  let label = (m[1] ?? m[2]!).trim();
  const colonInside = label.endsWith(":");
  if (colonInside) label = label.slice(0, -1).trim();
  const value = m[5]!.trim();
  if (!colonInside && !m[4] && value) return null;
  return { label, ...(m[3] !== undefined && { detail: m[3].trim() }), value };
}

/** "[Name]", "[Phone]": template slots someone forgot to fill in. Links ("[text](url)") are not placeholders. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\[([^\][]+)\](?!\()/g)].map((m) => m[1]!.trim());
}

export function withoutPlaceholders(text: string): string {
  return text.replace(/\[[^\][]+\](?!\()/g, " ");
}

// Starts only where a run of local-part characters starts, and bounded (RFC 5321 lengths): unanchored, a long
// run of them with no @ would otherwise be rescanned from every position in it (quadratic).
export const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])/g;
const PHONE = /\+?\(?\d[\d\s().-]{5,}\d/g;

export function emails(text: string): string[] {
  return text.match(EMAIL) ?? [];
}

/** Phone numbers: at least seven digits, so that times and ranges ("0-15 min") are not taken for one. */
export function phones(text: string): string[] {
  return (text.replace(EMAIL, " ").match(PHONE) ?? [])
    .map((p) => p.trim())
    .filter((p) => p.replace(/\D/g, "").length >= 7);
}

/** "PostgreSQL, S3", "Team lead + Azure support", "A and B" → names. */
export function splitNames(text: string): string[] {
  return text
    .replace(/\s+/g, " ") // one space per run: the split's unanchored \s* would rescan a long run from each position
    .split(/ ?(?:,|;| \+ |\+|&|\band\b) ?/i)
    .map((s) => s.trim().replace(/\.$/, "").trim())
    .filter(Boolean);
}

/** Cells and values that say "nothing here". */
export function isNone(text: string): boolean {
  return /^(?:-+|—|–|none|n\/?a|nil|\s*)$/i.test(text.trim());
}

/** "Pre-Recovery Checklist" stays as written; only the markup goes. Long texts are cut at a word. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
