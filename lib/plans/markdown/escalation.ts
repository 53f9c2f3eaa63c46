// The escalation path: "1. **Level 1** (0-15 min): On-call engineer", or a table of levels.
import type { PlanEscalationLevel } from "../format";
import { assignColumns, noteUnreadColumns } from "./columns";
import type { Doc } from "./doc";
import { parseDuration } from "./durations";
import { clip, isNone, plain, splitNames } from "./inline";
import { cell } from "./tables";

// Matched against the line with its whitespace runs squashed to one space: the adjacent optional \s* here
// (around the optional time and emphasis) backtrack cubically on a long run of spaces otherwise.
const LEVEL_LINE =
  /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\*\*|__)?(?:level|tier|l)\s*(\d+)(?:\*\*|__)?\s*(?:\(([^)]*)\))?\s*(?:\*\*|__)?\s*[:\-–—]\s*(.+)$/i;

/** When a level starts: "0-15 min" → 0, "30+ min" → 30, "< 15 min" → 0, "Immediate" → 0. */
function levelStart(text: string): number | undefined {
  if (/^(?:immediate(?:ly)?|at once)$/i.test(text.trim())) return 0;
  const d = parseDuration(text.replace(/^after\s+/i, ""));
  if (!d) return undefined;
  return d.kind === "at_most" ? 0 : d.min;
}

export function readEscalation(doc: Doc): PlanEscalationLevel[] {
  const levels: PlanEscalationLevel[] = [];
  const add = (line: number, level: number, when: string | undefined, targetsText: string) => {
    const targets = splitNames(plain(targetsText)).map((t) => clip(t, 200));
    const after = when === undefined ? undefined : levelStart(plain(when));
    if (after === undefined) {
      doc.missing(`Escalation level ${level} states no time${when ? ` ("${when}" is not one)` : ""}`);
      return;
    }
    if (!targets.length || levels.some((l) => l.level === level)) return;
    doc.use(line);
    if (when && !/^immediate/i.test(when))
      doc.note(`Escalation level ${level} "${when}" read as after ${after} min`, line);
    levels.push({ level, afterMinutes: after, targets });
  };
  for (let n = 1; n <= doc.count; n++) {
    if (!doc.isProse(n) || doc.isUsed(n) || !/escalat/i.test(doc.pathAt(n))) continue;
    const m = LEVEL_LINE.exec(doc.text(n).replace(/\s+/g, " "));
    if (m) add(n, Number(m[1]), m[2], m[3]!);
  }
  for (const table of doc.tables) {
    if (doc.isUsed(table.header.line)) continue;
    const c = assignColumns(table.header.cells, {
      level: /^(?:level|tier|step)$/i,
      when: /time|after|when|minutes?|delay/i,
      targets: /contact|who|target|notify|escalate to|owner|person|role|team/i,
    });
    if (c.level < 0 || c.when < 0 || c.targets < 0) continue;
    doc.use(table.header.line);
    noteUnreadColumns(doc, table, Object.values(c));
    for (const row of table.rows) {
      const level = /(\d+)/.exec(cell(row, c.level))?.[1];
      const when = plain(cell(row, c.when));
      if (level) add(row.line, Number(level), isNone(when) ? undefined : when, cell(row, c.targets));
    }
  }
  return levels.sort((a, b) => a.level - b.level);
}
