// Procedures wherever a plan writes them: a section whose body holds commands (a shell fence, inline-code commands
// in a list or on their own lines, "Label:" then a fence) is a runbook named by its heading; "Step N" / "Phase N" /
// "Symptoms" / "Verification" subsections are parts of the procedure above them, and a numbered scenario owns its
// subsections. A section under a procedure heading (in any language of lib/plans/markdown/procedure-words.ts) with a
// numbered list or a checklist and no commands is a runbook of manual steps. Sections that only describe make none.
import type { PlanStep } from "../format";
import type { Doc } from "./doc";
import { clip, plain } from "./inline";
import type { List, ListItem } from "./lists";
import {
  NOT_PROCEDURE_WORDS,
  PART_WORDS,
  PROCEDURE_WORDS,
  REFERENCE_WORDS,
  SCENARIO_WORDS,
  STEP_WORDS,
  TOPIC_WORDS,
} from "./procedure-words";
import type { Runbooks } from "./runbooks";
import type { Section } from "./sections";
import { commandStep, isTaken, stepsFromFence, take } from "./steps";
import { commandSpans, isCommandFence, withCommands } from "./commands";

const all = (words: Record<string, string[]>) => Object.values(words).flat();
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A word list as one alternation of whole words (words in scripts without spaces between words match anywhere). */
function wordsPattern(words: Record<string, string[]>, anchored: boolean): RegExp {
  const unique = [...new Set(all(words))].sort((a, b) => b.length - a.length);
  const spaced = unique.filter((w) => /^[\p{Script=Latin}\s'-]+$/u.test(w)).map(escape);
  const unspaced = unique.filter((w) => !/^[\p{Script=Latin}\s'-]+$/u.test(w)).map(escape);
  if (anchored) return new RegExp(`^(?:${unique.map(escape).join("|")})$`, "iu");
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${spaced.join("|")})(?=$|[^\\p{L}\\p{N}])|${unspaced.join("|")}`, "iu");
}

const PROCEDURE = wordsPattern(PROCEDURE_WORDS, false);
const NOT_PROCEDURE = wordsPattern(NOT_PROCEDURE_WORDS, false);
const REFERENCE = wordsPattern(REFERENCE_WORDS, false);
const TOPIC = wordsPattern({ ...TOPIC_WORDS, procedure: all(PROCEDURE_WORDS) }, false);
const PART = wordsPattern(PART_WORDS, true);
const STEP_ALTS = [...new Set(all(STEP_WORDS))]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|");
/** "Step 4a:", "Phase 2 -", "Option B:", "2단계", "第3步" */
const STEP_TITLE = new RegExp(
  `^(?:(?:${STEP_ALTS})\\s*(?:\\d{1,3}[a-z]?|[A-Z])\\b|\\d{1,3}\\s*(?:${STEP_ALTS})|第\\s*\\d{1,3})`,
  "iu",
);
const SCENARIO_ALTS = [...new Set(all(SCENARIO_WORDS))]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|");
const SCENARIO_TITLE = new RegExp(`^(?:${SCENARIO_ALTS})\\s*#?\\s*\\d{1,3}\\s*[:：.\\-–—]\\s*`, "iu");
const BARE_NUMBER = /^\d{1,3}[.)]?\s+/;
const DOTTED_NUMBER = /^\d{1,3}(?:\.\d{1,3})+\.?\s+/;

/** The heading's words: no emphasis, no leading emoji or symbols, no trailing colon. */
function words(title: string): string {
  return plain(title)
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .replace(/\s*[:：]\s*$/, "")
    .trim();
}

/** The procedure's name: the heading without its numbering ("3.1", "2.", "A)") and its "Scenario 2:" prefix. */
function procedureName(title: string): string {
  const w = words(title);
  const named = w.replace(/^(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[A-Z][.)])\s+/, "").trim();
  return (named || w).replace(/^[^\p{L}\p{N}]+/u, "");
}

function withoutTrailingParenthesis(text: string): string {
  return text.replace(/\s*[(（][^)）]{0,80}[)）]\s*$/, "").trim();
}

/** A heading that is one part of the procedure above it: "Step 2: …", "Symptoms", "Verification (5 min)". */
function isPart(section: Section): boolean {
  const w = words(section.title);
  if (STEP_TITLE.test(w)) return true;
  const bare = withoutTrailingParenthesis(w.replace(/^\d{1,3}[.)]\s+/, ""));
  if (PART.test(bare)) return true;
  // "### 1. Assess" under "## Recovery Steps": a bare step number under a heading that is not itself numbered
  // (under the document's title, "## 1. …" is the document's own numbering).
  const parent = section.parent;
  return (
    !!parent &&
    parent.level > 1 &&
    BARE_NUMBER.test(w) &&
    !DOTTED_NUMBER.test(w) &&
    !/^\d/.test(words(parent.title)) &&
    PROCEDURE.test(words(parent.title))
  );
}

function isScenario(section: Section): boolean {
  return SCENARIO_TITLE.test(words(section.title));
}

/** The section a section's steps belong to: itself, its parent when it is a part, or the scenario above it. */
function ownerOf(section: Section): Section {
  for (let s: Section | undefined = section.parent; s && s.level > 0; s = s.parent) if (isScenario(s)) return s;
  let owner = section;
  while (owner.parent && owner.parent.level > 0 && isPart(owner)) owner = owner.parent;
  return owner;
}

function titleOf(text: string): string {
  return plain(text.replace(/`[^`]*`/g, " "))
    .replace(/(?:<br\s*\/?>)+/gi, " ")
    .replace(/\s*[:：\-–—]\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

type Collected = { steps: PlanStep[]; commands: number; listed: number; lines: number[] };

/** Steps of one list item and its sub-items: commands become command steps, the rest titles and instructions. */
function itemSteps(doc: Doc, item: ListItem, out: Collected, inStepList: boolean): void {
  const lines = [item.line, ...item.more.map((m) => m.line)];
  const ownText = [item.text, ...item.more.map((m) => m.text)].join("\n");
  const free = !lines.some((n) => isTaken(doc, n));
  const spans = free ? commandSpans(ownText) : [];
  const manual = free && !doc.isUsed(item.line);
  const fences = item.fences.filter((f) => !isTaken(doc, f.open) && isCommandFence(f));
  const title = titleOf(item.text) || titleOf(item.more[0]?.text ?? "");
  const childrenWithCommands = item.children.some(withCommands);
  const instructions = item.more.map((m) => titleOf(m.text)).filter((t) => t && t !== title);
  if (spans.length || fences.length) {
    const fenced = fences.flatMap((f) => {
      take(doc, ...range(f.open, f.end));
      return f.body.map((l) => l.text.replace(/\s+$/, ""));
    });
    const command = [...spans, ...fenced].join("\n").trim();
    const s = commandStep(title || command.split("\n")[0]!, command, instructions);
    if (s) {
      take(doc, ...lines);
      out.steps.push(s);
      out.commands++;
    }
  } else if (manual && (inStepList || childrenWithCommands)) {
    const childInstructions = childrenWithCommands ? [] : item.children.flatMap(childWords);
    const s = commandStep(title, undefined, [...instructions, ...childInstructions]);
    if (s) {
      out.lines.push(...lines, ...(childrenWithCommands ? [] : item.children.flatMap(allLines)));
      out.steps.push(s);
      out.listed++;
    }
  }
  if (childrenWithCommands) for (const child of item.children) itemSteps(doc, child, out, true);
}

function childWords(item: ListItem): string[] {
  return [titleOf(item.text), ...item.children.flatMap(childWords)].filter(Boolean);
}

function allLines(item: ListItem): number[] {
  return [item.line, ...item.more.map((m) => m.line), ...item.children.flatMap(allLines)];
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) out.push(n);
  return out;
}

const listStarts = new WeakMap<Doc, Map<number, List>>();
function listsByStart(doc: Doc): Map<number, List> {
  let map = listStarts.get(doc);
  if (!map) {
    map = new Map(doc.lists.map((l) => [l.start, l]));
    listStarts.set(doc, map);
  }
  return map;
}

/** The steps in a section's own body (up to its first subheading). */
function bodySteps(doc: Doc, section: Section, out: Collected): void {
  const from = section.line + 1;
  const to = section.bodyEnd;
  let prose: string | undefined;
  const listAt = listsByStart(doc);
  for (let n = from; n <= to; n++) {
    const list = listAt.get(n);
    if (list) {
      const steps = list.items.some((i) => i.ordered || i.checkbox);
      for (const item of list.items) if (item.line <= to) itemSteps(doc, item, out, steps);
      n = Math.min(list.end, to);
      prose = undefined;
      continue;
    }
    const fence = doc.fenceAt(n);
    if (fence) {
      if (fence.open === n && !isTaken(doc, fence.open) && isCommandFence(fence)) {
        const steps = stepsFromFence(doc, fence, prose);
        take(doc, ...range(fence.open, fence.end));
        out.steps.push(...steps);
        out.commands += steps.filter((s) => s.kind === "command").length;
      }
      n = fence.end;
      prose = undefined;
      continue;
    }
    if (!doc.isProse(n)) {
      if (doc.text(n).trim()) prose = undefined;
      continue;
    }
    const text = doc.text(n);
    const spans = isTaken(doc, n) ? [] : commandSpans(text);
    if (spans.length) {
      take(doc, n);
      const s = commandStep(titleOf(text) || spans[0]!, spans.join("\n"), []);
      if (s) {
        out.steps.push(s);
        out.commands++;
      }
      prose = undefined;
    } else if (!doc.isUsed(n)) {
      // A sentence or "Label:" right before a fence titles its step.
      prose = titleOf(text) || undefined;
    }
  }
}

function namesProcedure(section: Section): boolean {
  for (let s: Section | undefined = section; s && s.level > 0; s = s.parent) {
    const w = words(s.title);
    if (s === section && NOT_PROCEDURE.test(w)) return false;
    if (s.level > 1 && PROCEDURE.test(w)) return true;
  }
  return false;
}

/** A document about backups or recovery: its first heading or its first sentence says so. */
function isAboutRecovery(doc: Doc): boolean {
  const first = doc.sections[0];
  if (first && TOPIC.test(words(first.title))) return true;
  for (let n = 1; n <= Math.min(doc.count, 200); n++) {
    if (doc.isProse(n)) return TOPIC.test(plain(doc.text(n)));
  }
  return false;
}

function pathMatches(section: Section, pattern: RegExp): boolean {
  for (let s: Section | undefined = section; s && s.level > 0; s = s.parent)
    if (pattern.test(words(s.title))) return true;
  return false;
}

function isReference(section: Section): boolean {
  for (let s: Section | undefined = section; s && s.level > 0; s = s.parent)
    if (REFERENCE.test(words(s.title)) && !PROCEDURE.test(words(s.title))) return true;
  return false;
}

/** Runbooks of the sections with commands, and of procedure sections with numbered steps or checklists. */
export function readCommandProcedures(doc: Doc, runbooks: Runbooks): void {
  const about = isAboutRecovery(doc);
  const byOwner = new Map<Section, Collected>();
  for (const section of doc.sections) {
    const owner = ownerOf(section);
    if (isReference(owner) || !(about || pathMatches(owner, TOPIC))) continue;
    const collected = byOwner.get(owner) ?? { steps: [], commands: 0, listed: 0, lines: [] };
    byOwner.set(owner, collected);
    bodySteps(doc, section, collected);
  }
  for (const [owner, { steps, commands, listed, lines }] of byOwner) {
    if (!steps.length) continue;
    if (!commands && !(listed && namesProcedure(owner))) continue;
    const name = clip(procedureName(owner.title), 200);
    if (!name) continue;
    take(doc, ...lines);
    runbooks.append({ name, steps }, owner.line);
  }
}
