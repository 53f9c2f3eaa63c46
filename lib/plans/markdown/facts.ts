// The facts a plan states, each with its line (PlanFact): what the preview lists for a person to check, and what
// the corpus score (scripts/plan-corpus.ts) compares with what each real plan states. Figures are recorded where
// the readers set them; procedures, commands and the system's name are read off the finished plan here.
import type { PlanFact, PlanSystem } from "../format";
import type { Doc } from "./doc";
import type { Duration } from "./durations";
import { objective } from "./durations";

/** An RTO/RPO figure as a fact: the target (upper end) and, for a range or an open end, the lower end. */
export function objectiveFact(
  kind: "rto" | "rpo",
  duration: Duration,
  text: string,
  line: number,
  scope?: string,
): PlanFact {
  const { target, lower } = objective(duration);
  return {
    kind,
    line,
    text,
    ...(target !== undefined && { minutes: target }),
    ...(lower !== undefined && { minMinutes: lower }),
    ...(scope && { scope }),
  };
}

/** The first line that holds the text (in a fence, a code span or prose), for facts read off the finished plan. */
function lineOf(doc: Doc, text: string, from = 1): number {
  const needle = text.trim();
  if (!needle) return 0;
  for (let n = from; n <= doc.count; n++) if (doc.text(n).includes(needle)) return n;
  return from > 1 ? lineOf(doc, text) : 0;
}

/** "df -h  # disk space" → "df -h": a "#" after a space and outside quotes starts a comment. */
function withoutComment(line: string): string {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && i > 0 && /\s/.test(line[i - 1]!)) return line.slice(0, i).trimEnd();
  }
  return line;
}

/** One command per line a shell would run: not blank, not a comment, not the continuation of the line above. */
function commandLines(command: string): string[] {
  const out: string[] = [];
  let continued = false;
  for (const raw of command.split("\n")) {
    const line = raw.trim();
    const wasContinued = continued;
    continued = line.endsWith("\\");
    if (!line || line.startsWith("#") || wasContinued) continue;
    out.push(withoutComment(line.replace(/^\$\s+/, "").replace(/\s*\\$/, "")));
  }
  return out;
}

/** Facts read off the finished plan: its name, the procedures and the commands of their steps. */
export function planFacts(doc: Doc, system: PlanSystem, procedureLines: Map<string, number>): PlanFact[] {
  const facts: PlanFact[] = [];
  if (system.name) facts.push({ kind: "system", name: system.name, text: system.name, line: lineOf(doc, system.name) });
  for (const runbook of system.runbooks ?? []) {
    if (runbook.drillEveryDays !== undefined) continue;
    const line = procedureLines.get(runbook.name) ?? lineOf(doc, runbook.name);
    facts.push({ kind: "procedure", name: runbook.name, text: runbook.name, line });
    for (const step of runbook.steps ?? []) {
      if (step.kind !== "command" || !step.command) continue;
      for (const command of commandLines(step.command))
        facts.push({ kind: "command", command, text: command, line: lineOf(doc, command, line) });
    }
  }
  return facts;
}
