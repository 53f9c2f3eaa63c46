// System-wide RTO/RPO: "- **RTO**: 4 hours" lines, or one figure stated in a sentence ("The RTO is 4 hours").
import type { Doc } from "./doc";
import { durationNote, findDuration, objective, parseDuration, type Duration } from "./durations";
import { objectiveFact } from "./facts";
import { plain, readLabel } from "./inline";

export type SystemObjectives = {
  rtoMinutes?: number;
  rtoMinMinutes?: number;
  rpoMinutes?: number;
  rpoMinMinutes?: number;
};

const LABELS = {
  RTO: /^(?:overall\s+|system[\s-]+wide\s+|target\s+|maximum\s+)?(?:rto|recovery time objective(?:\s*\(rto\))?)$/i,
  RPO: /^(?:overall\s+|system[\s-]+wide\s+|target\s+|maximum\s+)?(?:rpo|recovery point objective(?:\s*\(rpo\))?)$/i,
};
const IN_PROSE = {
  RTO: /\b(?:RTO|recovery time objective)\b(?:\s*\((?:RTO)\))?/i,
  RPO: /\b(?:RPO|recovery point objective)\b(?:\s*\((?:RPO)\))?/i,
};

type Found = { line: number; text: string; duration: Duration };

export function readSystemObjectives(doc: Doc): SystemObjectives {
  const out: SystemObjectives = {};
  for (const what of ["RTO", "RPO"] as const) {
    const found = fromLabels(doc, what) ?? fromProse(doc, what);
    if (!found) continue;
    const { target, lower } = objective(found.duration);
    if (what === "RTO")
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
    doc.fact(objectiveFact(what === "RTO" ? "rto" : "rpo", found.duration, found.text, found.line));
    const note = durationNote(found.text, found.duration);
    doc.note(`"${found.text}" read as the system's ${what}${note ? `; ${note}` : ""}`, found.line);
  }
  return out;
}

function fromLabels(doc: Doc, what: "RTO" | "RPO"): Found | undefined {
  let first: Found | undefined;
  for (let n = 1; n <= doc.count; n++) {
    if (!doc.isProse(n) || doc.isUsed(n)) continue;
    const label = readLabel(doc.text(n));
    if (!label || !LABELS[what].test(label.label) || !label.value) continue;
    const value = plain(label.value);
    const duration = parseDuration(value) ?? findDuration(value)?.duration;
    if (!duration) {
      doc.note(`${what} "${value}" is not a duration`, n);
      continue;
    }
    if (first) {
      doc.note(`A second system-wide ${what} ("${value}"); kept the first, at line ${first.line}`, n);
      continue;
    }
    doc.use(n);
    first = { line: n, text: value, duration };
  }
  return first;
}

/** Only a single sentence stating a figure counts: two different figures would be a guess. */
function fromProse(doc: Doc, what: "RTO" | "RPO"): Found | undefined {
  const found: Found[] = [];
  for (let n = 1; n <= doc.count; n++) {
    if (!doc.isProse(n) || doc.isUsed(n) || readLabel(doc.text(n))) continue;
    const text = plain(doc.text(n));
    const mention = IN_PROSE[what].exec(text);
    if (!mention) continue;
    const after = text.slice(mention.index + mention[0].length, mention.index + mention[0].length + 60);
    const d = findDuration(after);
    if (d) found.push({ line: n, text: d.text, duration: d.duration });
  }
  if (found.length > 1) {
    doc.note(
      `${what} stated in ${found.length} sentences (lines ${found.map((f) => f.line).join(", ")}): none read as the system's ${what}`,
    );
    return undefined;
  }
  if (found[0]) doc.use(found[0].line);
  return found[0];
}
