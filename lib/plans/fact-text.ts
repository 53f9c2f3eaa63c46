// A fact a plan states (PlanFact), in words: for the preview's table and the CLI's report.
import type { PlanFact } from "./format";

const minutes = (m: number) =>
  m % 1440 === 0 && m > 0 ? `${m / 1440} d` : m % 60 === 0 && m > 0 ? `${m / 60} h` : `${m} min`;

export function factInWords(fact: PlanFact): { label: string; value: string; scope?: string } {
  const scope = "scope" in fact && fact.scope ? { scope: fact.scope } : {};
  switch (fact.kind) {
    case "system":
      return { label: "System", value: fact.name };
    case "rto":
    case "rpo": {
      const value =
        fact.minutes !== undefined && fact.minMinutes !== undefined
          ? `${minutes(fact.minMinutes)}–${minutes(fact.minutes)}`
          : fact.minutes !== undefined
            ? minutes(fact.minutes)
            : `at least ${minutes(fact.minMinutes ?? 0)}`;
      return { label: fact.kind.toUpperCase(), value, ...scope };
    }
    case "backup":
      return fact.retentionDays !== undefined
        ? { label: "Retention", value: `${fact.retentionDays} days`, ...scope }
        : {
            label: "Backup",
            value: `every ${minutes(fact.everyMinutes ?? 0)}${fact.at ? ` at ${fact.at}` : ""}`,
            ...scope,
          };
    case "procedure":
      return { label: "Procedure", value: fact.name };
    case "command":
      return { label: "Command", value: fact.command };
    case "schedule": {
      // "weekly, handoff Mon 09:00 Europe/Berlin: Alice, Bob — zone unclear: no schedule made"
      const shape = [fact.every, fact.handoff && `handoff ${fact.handoff}`, fact.timeZone].filter(Boolean).join(", ");
      const who = fact.members.length ? `: ${fact.members.join(", ")}` : "";
      return {
        label: "On-call rotation",
        value: `${fact.name}${shape ? ` (${shape})` : ""}${who}${fact.why ? ` — ${fact.why}` : ""}`,
      };
    }
  }
}

/** "line 12: RTO 4 h (Payments API) — "4 hours"" */
export function factLine(fact: PlanFact): string {
  const { label, value, scope } = factInWords(fact);
  const written = fact.kind === "command" || fact.text === value ? "" : ` — "${fact.text}"`;
  return `line ${fact.line}: ${label} ${value}${scope ? ` (${scope})` : ""}${written}`;
}
