// Runbooks: one per failure scenario ("### Scenario 2: Node Failure" with Symptoms, Detection, Recovery Steps and
// Expected Recovery Time), per row of a scenario table, per checklist, and per numbered procedure ("Recovery Execution").
import type { PlanRunbook, PlanStep } from "../format";
import { assignColumns, noteUnreadColumns } from "./columns";
import type { Doc } from "./doc";
import { durationNote, findDuration, objective, parseDuration } from "./durations";
import { clip, isNone, plain, readLabel } from "./inline";
import { childTexts, itemLines, listsIn, readList } from "./lists";
import { withCommands } from "./commands";
import type { Section } from "./sections";
import { isServiceTable } from "./services";
import { manualSteps, stepsFromFence, stepsFromList } from "./steps";
import { cell } from "./tables";

const SCENARIO_TITLE = /^(?:(?:failure|disaster|dr)\s+)?(?:scenario|incident)\s*#?\s*\d*\s*[:.\-–—]\s*(.+)$/i;
const SCENARIO_PARENT = /scenario|failure|disaster|incident|outage/i;

type Block = "symptoms" | "detection" | "steps" | "time";
const BLOCKS: [RegExp, Block][] = [
  [/^(?:symptoms?|signs?|indicators?)$/i, "symptoms"],
  [/^(?:detection|how to detect|detected by|alerts?)$/i, "detection"],
  [
    /^(?:(?:recovery|response|remediation|resolution)\s+)?(?:steps|procedures?|actions|plan)$|^(?:recovery|remediation|resolution)$/i,
    "steps",
  ],
  [
    /^(?:(?:expected|estimated|target)\s+)?(?:recovery\s+)?(?:time|duration)(?:\s+to\s+recover)?$|^(?:rto|eta|time to recover)$/i,
    "time",
  ],
];

function blockOf(label: string): Block | undefined {
  return BLOCKS.find(([pattern]) => pattern.test(label.trim()))?.[1];
}

/** Runbooks merged by name (any case): a scenario named twice fills in what the first mention left open. */
export class Runbooks {
  private readonly found: { line: number; runbook: PlanRunbook }[] = [];
  add(runbook: PlanRunbook, line: number): PlanRunbook {
    const same = this.found.find((r) => r.runbook.name.toLowerCase() === runbook.name.toLowerCase())?.runbook;
    if (!same) {
      this.found.push({ line, runbook });
      return runbook;
    }
    Object.assign(same, { ...runbook, ...same });
    return same;
  }
  /** A runbook's steps added to the one of the same name, or a new runbook. */
  append(runbook: PlanRunbook, line: number): PlanRunbook {
    const same = this.found.find((r) => r.runbook.name.toLowerCase() === runbook.name.toLowerCase())?.runbook;
    if (!same) return this.add(runbook, line);
    same.steps = [...(same.steps ?? []), ...(runbook.steps ?? [])];
    return same;
  }
  /** The line each runbook was first found on, by name. */
  get lines(): Map<string, number> {
    return new Map(this.found.map((r) => [r.runbook.name, r.line]));
  }
  /** In document order. */
  get list(): PlanRunbook[] {
    return [...this.found].sort((a, b) => a.line - b.line).map((r) => r.runbook);
  }
}

function isScenarioSection(doc: Doc, s: Section): string | null {
  const named = SCENARIO_TITLE.exec(s.title);
  if (named) return plain(named[1]!);
  if (s.level < 3 || !s.parent || !SCENARIO_PARENT.test(s.parent.title)) return null;
  // A subsection of "Failure Scenarios" is a scenario only when it reads like one: a "**Symptoms**:" or
  // "**Recovery Steps**:" line of its own, or such a subheading (a matrix or a list of categories is not one).
  if (s.children.some((c) => blockOf(c.title))) return plain(s.title);
  for (let n = s.line + 1; n <= s.bodyEnd; n++) {
    const label = doc.isProse(n) && !isListLine(doc.text(n)) ? readLabel(doc.text(n)) : null;
    if (label && blockOf(label.label)) return plain(s.title);
  }
  return null;
}

function isListLine(text: string): boolean {
  return /^\s*(?:[-*+]|\d+[.)])\s/.test(text);
}

export function readScenarios(doc: Doc, runbooks: Runbooks): void {
  for (const section of doc.sections) {
    const name = isScenarioSection(doc, section);
    if (name) runbooks.add(scenarioRunbook(doc, section, name), section.line);
  }
}

function scenarioRunbook(doc: Doc, section: Section, name: string): PlanRunbook {
  const runbook: PlanRunbook = { name: clip(name, 200), scenario: clip(name, 2000) };
  // Blocks start at a "**Label**:" line (not a list item, unless its label is a known one) or a subheading.
  const starts: { line: number; block?: Block; value: string }[] = [];
  for (let n = section.line + 1; n <= section.end; n++) {
    if (doc.fenceAt(n) || doc.tableAt(n)) continue;
    const text = doc.text(n);
    const heading = doc.headingAt(n);
    if (heading) {
      if (heading.line === n) starts.push({ line: n, block: blockOf(heading.title), value: "" });
      continue;
    }
    const label = readLabel(text);
    if (!label) continue;
    const block = blockOf(label.label);
    if (!isListLine(text) || block) starts.push({ line: n, block, value: label.value });
  }
  const steps: PlanStep[] = [];
  starts.forEach((start, i) => {
    if (!start.block) return;
    const to = (starts[i + 1]?.line ?? section.end + 1) - 1;
    const from = start.line + 1;
    if (!doc.headingAt(start.line)) doc.use(start.line);
    if (start.block === "steps") steps.push(...readSteps(doc, from, to, start.value));
    else if (start.block === "time") estimate(doc, runbook, start.value || firstProse(doc, from, to) || "", start.line);
    else {
      const texts = [start.value, ...blockTexts(doc, from, to)].map(plain).filter(Boolean);
      if (texts.length) runbook[start.block] = clip(texts.join("\n"), 5000);
    }
  });
  if (steps.length) runbook.steps = steps;
  else doc.missing(`No recovery steps for scenario "${name}"`);
  return runbook;
}

function firstProse(doc: Doc, from: number, to: number): string | undefined {
  for (let n = from; n <= to; n++) {
    if (doc.isProse(n)) {
      doc.use(n);
      return doc.text(n).trim();
    }
  }
  return undefined;
}

/** The items of the lists in a block (flattened), or its prose lines. */
function blockTexts(doc: Doc, from: number, to: number): string[] {
  const texts: string[] = [];
  for (const list of listsIn(doc, from, to)) {
    for (const item of list.items) {
      doc.use(...itemLines(item));
      texts.push(item.text, ...item.more.map((m) => m.text), ...childTexts(item));
    }
  }
  for (let n = from; n <= to; n++) {
    if (doc.isProse(n) && !doc.isUsed(n)) {
      doc.use(n);
      texts.push(doc.text(n).trim());
    }
  }
  return texts;
}

function readSteps(doc: Doc, from: number, to: number, inline: string): PlanStep[] {
  const steps: PlanStep[] = [];
  if (inline) steps.push({ title: clip(plain(inline), 300), kind: "manual" });
  for (let n = from; n <= to; n++) {
    const fence = doc.fenceAt(n);
    if (fence && fence.open === n) {
      steps.push(...stepsFromFence(doc, fence));
      n = fence.end;
    } else if (!fence && !doc.tableAt(n) && isListLine(doc.text(n))) {
      const list = readList(doc, n, to);
      steps.push(...stepsFromList(doc, list.items));
      n = list.end;
    }
  }
  return steps;
}

function estimate(doc: Doc, runbook: PlanRunbook, text: string, line: number) {
  const value = plain(text);
  const d = parseDuration(value) ?? findDuration(value)?.duration;
  if (!d) {
    if (value) doc.note(`Recovery time "${value}" of "${runbook.name}" is not a duration`, line);
    return;
  }
  const { target, lower } = objective(d);
  if (target !== undefined) runbook.estimatedMinutes = target;
  if (lower !== undefined) runbook.estimatedMinMinutes = lower;
  const note = durationNote(value, d);
  if (note) doc.note(`Recovery time of "${runbook.name}": ${note}`, line);
}

const SCENARIO_COLUMN =
  /^(?:(?:failure|disaster|incident)\s+)?(?:scenarios?|failures?|disasters?|incidents?|events?)(?:\s+(?:type|mode))?$|^(?:failure|disaster|incident)\s+(?:type|mode)$/i;

/** | Scenario | Severity | … | Recovery Time |: a runbook per row, with its estimated time and no steps. */
export function readScenarioTables(doc: Doc, runbooks: Runbooks): void {
  for (const table of doc.tables) {
    if (doc.isUsed(table.header.line) || isServiceTable(doc, table)) continue;
    const c = assignColumns(table.header.cells, {
      scenario: SCENARIO_COLUMN,
      time: /recovery\s+time|\brto\b|time\s+to\s+recover|estimated|duration|^time$/i,
    });
    if (c.scenario !== 0 || c.time < 0) continue;
    doc.use(table.header.line);
    noteUnreadColumns(doc, table, Object.values(c));
    for (const row of table.rows) {
      const name = plain(cell(row, c.scenario));
      if (isNone(name)) continue;
      doc.use(row.line);
      const runbook = runbooks.add({ name: clip(name, 200), scenario: clip(name, 2000) }, row.line);
      const time = plain(cell(row, c.time));
      if (!isNone(time) && runbook.estimatedMinutes === undefined && runbook.estimatedMinMinutes === undefined)
        estimate(doc, runbook, time, row.line);
      if (!runbook.steps?.length) doc.missing(`No recovery steps for scenario "${name}"`);
    }
  }
}

/** "### Pre-Recovery Checklist" with "- [ ] item" lines: a runbook with a manual step per item. */
export function readChecklists(doc: Doc, runbooks: Runbooks): void {
  for (const section of doc.sections) {
    if (!/checklist/i.test(section.title)) continue;
    const items = listsIn(doc, section.line + 1, section.bodyEnd).flatMap((l) => l.items);
    if (items.length) runbooks.add({ name: clip(section.title, 200), steps: manualSteps(doc, items) }, section.line);
  }
}

/** "### Recovery Execution": a numbered list of phases, each with sub-bullets, is a runbook of manual steps. */
export function readProcedures(doc: Doc, runbooks: Runbooks): void {
  for (const section of doc.sections) {
    if (
      !/\b(?:execution|procedures?|process|phases|playbook|workflow)\b/i.test(section.title) ||
      /checklist/i.test(section.title)
    )
      continue;
    const list = listsIn(doc, section.line + 1, section.bodyEnd).find(
      (l) => l.items[0]?.ordered && !doc.isUsed(l.start) && !l.items.some(withCommands),
    );
    if (list) runbooks.add({ name: clip(section.title, 200), steps: manualSteps(doc, list.items) }, section.line);
  }
}
