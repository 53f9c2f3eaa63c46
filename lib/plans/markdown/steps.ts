// Recovery steps, from a code fence ("# 1. Title" comments start steps, the lines after them are the command) or
// from a list (inline code or a fence under an item makes a command step, anything else a manual one).
// Imported commands are always disabled: nobody has reviewed them yet, and some hold placeholders (<pod-name>).
import type { PlanStep } from "../format";
import type { Doc } from "./doc";
import { fenceText, type Fence, type FenceLine } from "./fences";
import { clip, codeSpans, plain } from "./inline";
import { childTexts, itemLines, type ListItem } from "./lists";

const NUMBERED_COMMENT = /^#+\s*(?:step\s*)?(\d+)\s*[.):-]\s*(.+)$/i;
const COMMENT = /^\s*#(?!!)/;

function commentText(text: string): string {
  return text
    .replace(/^\s*#+\s?/, "")
    .replace(/^[-*]\s+/, "")
    .trim();
}

/** Lines a runbook reader turned into steps, per document: the next reader does not read them twice. */
const taken = new WeakMap<Doc, Set<number>>();

export function take(doc: Doc, ...lines: number[]): void {
  doc.use(...lines);
  const set = taken.get(doc) ?? new Set<number>();
  taken.set(doc, set);
  for (const n of lines) set.add(n);
}

export function isTaken(doc: Doc, line: number): boolean {
  return taken.get(doc)?.has(line) ?? false;
}

/** A command step (disabled) when a command is given, else a manual step; null without a title. */
export function commandStep(title: string, command: string | undefined, instructions: string[]): PlanStep | null {
  return step(title, command, instructions);
}

function step(title: string, command: string | undefined, instructions: string[]): PlanStep | null {
  if (!title.trim()) return null;
  const s: PlanStep = command
    ? { title: clip(title, 300), kind: "command", command: command.slice(0, 10_000), enabled: false }
    : { title: clip(title, 300), kind: "manual" };
  if (instructions.length) s.instructions = clip(instructions.join("\n"), 5000);
  return s;
}

/**
 * Steps of a fence; its lines are used. Lines before the first numbered comment stay unparsed. A fence without
 * numbered comments that a sentence or a "Label:" introduces is one step with that title.
 */
export function stepsFromFence(doc: Doc, fence: Fence, title?: string): PlanStep[] {
  take(doc, fence.open, fence.end);
  const groups: { title: string; titleLine: number; body: FenceLine[] }[] = [];
  for (const line of fence.body) {
    const m = NUMBERED_COMMENT.exec(line.text.trim());
    if (m) groups.push({ title: m[2]!.trim(), titleLine: line.line, body: [] });
    else if (groups.length) groups[groups.length - 1]!.body.push(line);
  }
  if (!groups.length && title) {
    const lines = fence.body.filter((l) => l.text.trim());
    take(doc, ...lines.map((l) => l.line));
    const s = commandOrManual(title, lines);
    return s ? [s] : [];
  }
  if (!groups.length) return stepsFromUnnumberedFence(doc, fence);
  return groups.flatMap((g) => {
    take(doc, g.titleLine, ...g.body.filter((l) => l.text.trim()).map((l) => l.line));
    return (
      commandOrManual(
        g.title,
        g.body.filter((l) => l.text.trim()),
      ) ?? []
    );
  });
}

/**
 * Comments between commands stay in the command (they explain it, the shell ignores them); comments after the
 * last command, or in a step without any, are what a person has to do: instructions.
 */
function commandOrManual(title: string, lines: FenceLine[]): PlanStep | null {
  const lastCommand = lines.map((l) => !COMMENT.test(l.text)).lastIndexOf(true);
  if (lastCommand < 0) return step(title, undefined, lines.map((l) => commentText(l.text)).filter(Boolean));
  const firstCommand = lines.findIndex((l) => !COMMENT.test(l.text));
  const command = lines.slice(firstCommand, lastCommand + 1).map((l) => l.text.replace(/\s+$/, ""));
  const notes = [...lines.slice(0, firstCommand), ...lines.slice(lastCommand + 1)]
    .map((l) => commentText(l.text))
    .filter(Boolean);
  return step(title, command.join("\n"), notes);
}

/** A fence without "# 1." titles: each blank-line separated group is a step, titled by its leading comment. */
function stepsFromUnnumberedFence(doc: Doc, fence: Fence): PlanStep[] {
  const groups: FenceLine[][] = [[]];
  for (const line of fence.body) {
    if (line.text.trim()) groups[groups.length - 1]!.push(line);
    else if (groups[groups.length - 1]!.length) groups.push([]);
  }
  return groups
    .filter((g) => g.length)
    .flatMap((g) => {
      take(doc, ...g.map((l) => l.line));
      const leading = g.findIndex((l) => !COMMENT.test(l.text));
      const titleLines = leading < 0 ? g.slice(0, 1) : g.slice(0, leading);
      const title = titleLines.length ? titleLines.map((l) => commentText(l.text)).join(" ") : g[0]!.text.trim();
      return commandOrManual(title, g.slice(titleLines.length)) ?? [];
    });
}

/** One step per list item: "Check logs: `docker logs x`" → command step "Check logs"; no code → manual step. */
export function stepsFromList(doc: Doc, items: ListItem[]): PlanStep[] {
  return items.flatMap((item) => {
    take(doc, ...itemLines(item));
    const code = codeSpans(item.text);
    const fenced = item.fences.map(fenceText).filter(Boolean);
    const title = itemTitle(item, fenced.length === 0);
    const instructions = [...item.more.map((m) => plain(m.text)), ...childTexts(item).map(plain)].filter(Boolean);
    const command = fenced.length ? fenced.join("\n") : code.length ? code.join("\n") : undefined;
    return step(title || (command ?? "").split("\n")[0]!, command, instructions) ?? [];
  });
}

/** The item's words without emphasis, without the trailing colon, and without its inline code when that is the command. */
function itemTitle(item: ListItem, dropCode = true): string {
  const text = dropCode ? item.text.replace(/`[^`]*`/g, " ") : item.text;
  return plain(text)
    .replace(/\s*[:\-–—]\s*$/, "")
    .trim();
}

/** Steps a person ticks off (checklists, phases, drills): the item is the title, its sub-items the instructions. */
export function manualSteps(doc: Doc, items: ListItem[]): PlanStep[] {
  return items.flatMap((item) => {
    take(doc, ...itemLines(item));
    const instructions = [...item.more.map((m) => m.text), ...childTexts(item)].map(plain).filter(Boolean);
    return (
      step(itemTitle(item, false), undefined, [...instructions, ...item.fences.map(fenceText).filter(Boolean)]) ?? []
    );
  });
}
