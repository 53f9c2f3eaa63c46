// Reads a Markdown disaster-recovery plan into a Plan with one system, without inventing anything: what the
// document does not state stays absent and is listed in notFound, what no extractor used is listed as unparsed,
// and every reading that took interpretation is a note. problems are only for input that cannot be a plan.
import { MAX_PLAN_BYTES, planSchema, type Plan, type PlanProblem, type PlanReading, type PlanSystem } from "../format";
import { readBackups } from "./backups";
import { Doc } from "./doc";
import { readDrills } from "./drills";
import { readEscalation } from "./escalation";
import { planFacts } from "./facts";
import { readIdentity } from "./identity";
import { readNotifications } from "./notifications";
import { readSystemObjectives } from "./objectives";
import { readContacts } from "./people";
import { levelsPagingSchedules, readRotations, rotationSchedules } from "./rotations";
import { readCommandProcedures } from "./procedures";
import { readChecklists, readProcedures, readScenarios, readScenarioTables, Runbooks } from "./runbooks";
import { readServices, resolveDependencies } from "./services";

function refused(message: string): PlanReading {
  return {
    format: "markdown",
    plan: { systems: [] },
    problems: [{ message }],
    unparsed: [],
    notFound: [],
    notes: [],
    facts: [],
  };
}

/** Control characters (other than tabs and line breaks) or undecodable bytes: not a text document. */
function looksBinary(source: string): boolean {
  if (source.includes("\u0000")) return true;
  const odd = source.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return odd > 0 && odd / source.length > 0.01;
}

/** `today` ("YYYY-MM-DD") dates the first handoff of a rotation the plan does not date (default: today, UTC). */
export function extractMarkdownPlan(source: string, options: { today?: string } = {}): PlanReading {
  if (new TextEncoder().encode(source).length > MAX_PLAN_BYTES)
    return refused(`The document is over ${MAX_PLAN_BYTES / 1024 / 1024} MB`);
  if (!source.trim()) return refused("The document is empty");
  if (looksBinary(source)) return refused("This is binary data, not a Markdown document");
  const doc = new Doc(source);
  // Plain text is a plan too (many are); a few lines with no structure at all are not.
  const textLines = doc.lines.filter((l) => l.trim()).length;
  if (!doc.sections.length && !doc.tables.length && !doc.lists.length && !doc.fences.length && textLines < 5)
    return refused("No heading and no table: this does not read as a Markdown DR plan");

  // Order matters: each extractor skips the lines an earlier one used (tables before the loose line readers,
  // escalation levels before contact lines, backup lines before drill lines).
  const identity = readIdentity(doc);
  const { services, dependencies, frequencies } = readServices(doc);
  const objectives = readSystemObjectives(doc);
  const notifications = readNotifications(doc);
  const runbooks = new Runbooks();
  readScenarioTables(doc, runbooks);
  readScenarios(doc, runbooks);
  const escalation = readEscalation(doc);
  const backupPolicies = readBackups(doc, services, frequencies);
  // Before contacts: their reader takes every label line of an on-call section ("**Duration**: 1 week").
  const rotations = readRotations(doc);
  const contacts = readContacts(doc);
  readChecklists(doc, runbooks);
  readProcedures(doc, runbooks);
  readCommandProcedures(doc, runbooks);
  const drills = readDrills(doc, runbooks);
  resolveDependencies(doc, services, dependencies);

  const system: PlanSystem = { ...identity, ...objectives };
  if (services.length) system.services = services;
  if (backupPolicies.length) system.backupPolicies = backupPolicies;
  if (runbooks.list.length) system.runbooks = runbooks.list;
  if (contacts.length) system.contacts = contacts;
  if (escalation.length) system.escalation = escalation;
  if (notifications.length) system.notifications = notifications;

  const commands = runbooks.list.flatMap((r) => r.steps ?? []).filter((s) => s.kind === "command").length;
  if (commands)
    doc.note(`${commands} command step${commands > 1 ? "s" : ""} imported disabled: review each before enabling it`);

  const schedules = rotationSchedules(doc, rotations, contacts, options.today ?? new Date().toISOString().slice(0, 10));
  levelsPagingSchedules(doc, escalation, schedules);
  const plan: Plan = { systems: [system], ...(schedules.length && { schedules }) };
  const problems: PlanProblem[] = [];
  if (!system.name) problems.push({ message: "No system name found: give one" });
  const checked = planSchema.safeParse(plan);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const path = issue.path.join(".");
      if (path !== "systems.0.name" || system.name) problems.push({ path, message: issue.message });
    }
  }
  const notes = [...doc.notes].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  const notFound = [...summary(system, drills), ...doc.notFound, ...perItem(system)];
  const facts = [...doc.facts, ...planFacts(doc, system, runbooks.lines)].sort((a, b) => a.line - b.line);
  return { format: "markdown", plan, problems, unparsed: doc.unparsed(), notFound, notes, facts };
}

/** The parts of a DR plan this document leaves out altogether. */
function summary(system: PlanSystem, drills: number): string[] {
  const out: string[] = [];
  if (!system.description) out.push("No overview describing the system");
  if (!system.drStrategy) out.push("No DR strategy stated");
  if (!system.primaryRegion) out.push("No primary region stated");
  if (!system.drRegion) out.push("No DR region stated");
  if (!system.services?.length) out.push("No services listed");
  if (!system.services?.length && system.rtoMinutes === undefined) out.push("No RTO stated");
  if (!system.services?.length && system.rpoMinutes === undefined) out.push("No RPO stated");
  if (!system.backupPolicies?.length) out.push("No backup policies");
  if (!system.runbooks?.some((r) => r.drillEveryDays === undefined && r.steps?.length))
    out.push("No recovery runbook with steps");
  if (!system.contacts?.length) out.push("No contacts");
  if (!system.escalation?.length) out.push("No escalation path");
  if (!system.notifications?.length) out.push("No notification matrix");
  if (!drills) out.push("No DR test schedule");
  return out;
}

/** Per service and per backup policy: what each one lacks. A system-wide figure covers the services. */
function perItem(system: PlanSystem): string[] {
  const out: string[] = [];
  for (const s of system.services ?? []) {
    if (s.rtoMinutes === undefined && system.rtoMinutes === undefined)
      out.push(`No RTO stated for service "${s.name}"`);
    if (s.rpoMinutes === undefined && system.rpoMinutes === undefined)
      out.push(`No RPO stated for service "${s.name}"`);
  }
  for (const p of system.backupPolicies ?? []) if (!p.service) out.push(`Backup policy "${p.name}" names no service`);
  return out;
}
