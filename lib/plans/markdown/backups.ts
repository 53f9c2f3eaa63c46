// Backup policies: "- **Daily**: Full cluster backup using `backup.sh`" lines in backup sections, "Backup Frequency"
// cells of service tables, backup tables, and YAML-like schedules in code fences ("- Hourly: Last 24 hours retained").
// "Backup Locations" lines become the locations of the policies that state none.
import type { PlanBackupPolicy, PlanService } from "../format";
import { assignColumns, noteUnreadColumns } from "./columns";
import type { Doc } from "./doc";
import type { Fence } from "./fences";
import { parseRetentionDays } from "./durations";
import { clip, codeSpans, isNone, plain, readLabel, withoutCode } from "./inline";
import { listsIn } from "./lists";
import { DRILL_WORDS, parseFrequency } from "./schedule";
import { findService, type FrequencyCell } from "./services";
import { cell } from "./tables";
import { cronSchedule } from "./facts";

const BACKUP_SECTION = /backup|snapshot/i;
const LOCATIONS_SECTION = /\b(?:backup|storage)\s+(?:locations?|targets?|destinations?|storage)\b|^locations?$/i;

export function readBackups(doc: Doc, services: PlanService[], frequencies: FrequencyCell[]): PlanBackupPolicy[] {
  const found: { line: number; policy: PlanBackupPolicy }[] = [];
  const add = (policy: PlanBackupPolicy, line: number) => found.push({ line, policy });
  fromLines(doc, services, add);
  fromFrequencyCells(doc, frequencies, add);
  fromTables(doc, services, add);
  for (const fence of doc.fences) fromFence(doc, fence, add);
  const policies = found.sort((a, b) => a.line - b.line).map((f) => f.policy);
  applyLocations(doc, policies);
  return policies;
}

/** Frequency in the words of the plan → interval, cron or (for "Real-time") the words themselves. */
function schedule(doc: Doc, policy: PlanBackupPolicy, text: string, line: number): boolean {
  const f = parseFrequency(text);
  if (!f) return false;
  if (f.continuous) {
    policy.frequency = clip(text, 200);
    doc.note(`Backup "${policy.name}" is "${text}": no interval, so Lifeboat cannot watch it on a schedule`, line);
  } else if (f.cron) {
    policy.cron = f.cron;
    const every = cronSchedule(f.cron);
    if (every) doc.fact({ kind: "backup", ...every, text, line, scope: policy.service ?? policy.name });
    doc.note(`"${text}" read as cron ${f.cron} (UTC: the plan states no time zone)`, line);
  } else {
    policy.intervalMinutes = f.intervalMinutes;
    if (f.intervalMinutes)
      doc.fact({ kind: "backup", everyMinutes: f.intervalMinutes, text, line, scope: policy.service ?? policy.name });
  }
  return true;
}

/** A service the text names, when exactly one is named. */
function namedService(services: PlanService[], text: string): PlanService | undefined {
  const named = services.filter((s) =>
    new RegExp(`(?:^|\\W)${s.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:\\W|$)`, "i").test(text),
  );
  return named.length === 1 ? named[0] : undefined;
}

function fromLines(doc: Doc, services: PlanService[], add: (p: PlanBackupPolicy, line: number) => void) {
  for (let n = 1; n <= doc.count; n++) {
    if (
      !doc.isProse(n) ||
      doc.isUsed(n) ||
      !BACKUP_SECTION.test(doc.pathAt(n)) ||
      LOCATIONS_SECTION.test(doc.sectionAt(n).title)
    )
      continue;
    const label = readLabel(doc.text(n));
    if (!label?.value || !parseFrequency(label.label)) continue;
    // "**Weekly**: Complete disaster recovery test" schedules an exercise, not a backup (drills.ts reads it).
    if (DRILL_WORDS.test(label.value)) continue;
    const code = codeSpans(label.value);
    let what = withoutCode(plain(label.value.replace(/`[^`]*`/g, " ")));
    let method = code.length ? code.join(", ") : undefined;
    const via = /^(.*?)\s+(?:using|via|with|by)\s+(.+?)\.?$/i.exec(what);
    if (via && !method) method = via[2];
    if (via) what = via[1]!;
    what = what
      .replace(/\s+(?:using|via|with|by)\s*$/i, "")
      .replace(/\.$/, "")
      .trim();
    const name = what && what.length <= 80 ? what : plain(label.label);
    const policy: PlanBackupPolicy = { name: clip(name, 120) };
    const service = namedService(services, label.value);
    if (service) {
      policy.service = service.name;
      doc.note(`Backup "${name}" read as protecting "${service.name}" (named in its text)`, n);
    }
    schedule(doc, policy, plain(label.label), n);
    if (method) policy.method = clip(method, 500);
    doc.use(n);
    add(policy, n);
  }
}

function fromFrequencyCells(doc: Doc, cells: FrequencyCell[], add: (p: PlanBackupPolicy, line: number) => void) {
  for (const c of cells) {
    const policy: PlanBackupPolicy = { service: c.service, name: clip(c.text, 120) };
    if (!schedule(doc, policy, c.text, c.line)) {
      policy.frequency = clip(c.text, 200);
      doc.note(`Backup frequency "${c.text}" of "${c.service}" is no interval or time of day: kept as words`, c.line);
    }
    add(policy, c.line);
  }
}

/** | Backup | Frequency | Retention | Location | tables in backup sections. */
function fromTables(doc: Doc, services: PlanService[], add: (p: PlanBackupPolicy, line: number) => void) {
  for (const table of doc.tables) {
    if (doc.isUsed(table.header.line)) continue;
    const c = assignColumns(table.header.cells, {
      service: /^(?:services?|components?|systems?)$/i,
      name: /^(?:backups?|names?|data|what|type|backup type|scope|database|target)$/i,
      frequency: /frequency|schedule|interval|when/i,
      retention: /retention|kept|keep/i,
      location: /location|destination|storage|where/i,
      method: /method|tool|script|how/i,
    });
    const nameColumn = c.name >= 0 ? c.name : c.service;
    if (
      c.frequency < 0 ||
      nameColumn < 0 ||
      !(BACKUP_SECTION.test(doc.pathAt(table.header.line)) || table.header.cells.some((h) => BACKUP_SECTION.test(h)))
    )
      continue;
    doc.use(table.header.line);
    noteUnreadColumns(doc, table, Object.values(c));
    for (const row of table.rows) {
      const name = plain(cell(row, nameColumn));
      if (isNone(name)) continue;
      doc.use(row.line);
      const policy: PlanBackupPolicy = { name: clip(name, 120) };
      const service = c.service >= 0 ? findService(services, plain(cell(row, c.service))) : findService(services, name);
      if (service) policy.service = service.name;
      else if (c.service >= 0 && !isNone(cell(row, c.service))) policy.service = clip(plain(cell(row, c.service)), 120);
      const frequency = plain(cell(row, c.frequency));
      if (!isNone(frequency) && !schedule(doc, policy, frequency, row.line)) policy.frequency = clip(frequency, 200);
      retention(doc, policy, plain(cell(row, c.retention)), row.line);
      const location = plain(cell(row, c.location));
      if (!isNone(location)) policy.locations = [clip(location, 300)];
      const method = plain(cell(row, c.method));
      if (!isNone(method)) policy.method = clip(method, 500);
      add(policy, row.line);
    }
  }
}

function retention(doc: Doc, policy: PlanBackupPolicy, text: string, line: number) {
  const r = text && !isNone(text) ? parseRetentionDays(text) : null;
  if (!r) return;
  policy.retentionLocalDays = r.days;
  doc.fact({ kind: "backup", retentionDays: r.days, text: r.phrase, line, scope: policy.service ?? policy.name });
  if (r.converted)
    doc.note(
      `"${r.phrase}" of backup "${policy.name}" read as ${r.days === 1 ? "1 day" : `${r.days} days`} retention`,
      line,
    );
}

// "Backup Schedule:" followed by "- Hourly: Last 24 hours retained" items.
const SCHEDULE_KEY = /^(\s*)([\w .-]*\b(?:backup|snapshot)s?\b[\w .-]*|schedule|retention(?:\s+policy)?):\s*$/i;
const ITEM = /^\s*-\s*([\w -]+?)\s*:\s*(.+)$/;

function fromFence(doc: Doc, fence: Fence, add: (p: PlanBackupPolicy, line: number) => void) {
  const method = toolOf(doc.sectionAt(fence.open).title);
  for (let i = 0; i < fence.body.length; i++) {
    const key = SCHEDULE_KEY.exec(fence.body[i]!.text);
    if (!key || !/schedule|retention|backup/i.test(key[2]!)) continue;
    const items: { line: number; label: string; value: string }[] = [];
    let j = i + 1;
    for (; j < fence.body.length; j++) {
      const text = fence.body[j]!.text;
      if (!text.trim()) break;
      const m = ITEM.exec(text);
      if (!m || !parseFrequency(m[1]!)) break;
      items.push({ line: fence.body[j]!.line, label: m[1]!.trim(), value: m[2]!.trim() });
    }
    if (!items.length) continue;
    doc.use(fence.body[i]!.line);
    for (const item of items) {
      const policy: PlanBackupPolicy = { name: clip(item.label, 120) };
      schedule(doc, policy, item.label, item.line);
      retention(doc, policy, item.value, item.line);
      if (method) policy.method = method;
      doc.use(item.line);
      add(policy, item.line);
    }
    if (method)
      doc.note(
        `Method "${method}" of the backups at line ${fence.body[i]!.line} read from the heading "${doc.sectionAt(fence.open).title}"`,
        fence.body[i]!.line,
      );
    i = j - 1;
  }
}

/** "Velero Backup System" → "Velero"; generic words ("Automated Backups") name no tool. */
function toolOf(title: string): string | undefined {
  // Spaces squashed first: the lazy (.+?) before \s+ would rescan a long run of spaces from each position.
  const m = /^(.+?) backups?(?: (?:system|tool|solution|setup|configuration))?$/i.exec(
    title.trim().replace(/\s+/g, " "),
  );
  if (
    !m ||
    /^(?:automated|automatic|scheduled|daily|hourly|weekly|monthly|regular|manual|offsite|off-site|data|database|full|incremental)$/i.test(
      m[1]!,
    )
  )
    return undefined;
  return m[1]!;
}

function applyLocations(doc: Doc, policies: PlanBackupPolicy[]) {
  const section = doc.sections.find((s) => LOCATIONS_SECTION.test(s.title));
  if (!section) return;
  const locations: string[] = [];
  const lines: number[] = [];
  for (const list of listsIn(doc, section.line + 1, section.bodyEnd)) {
    for (const item of list.items) {
      const label = readLabel(item.text);
      const text = plain(label?.value || item.text);
      if (!text || isNone(text)) continue;
      locations.push(clip(text, 300));
      lines.push(item.line);
    }
  }
  const targets = policies.filter((p) => !p.locations?.length);
  if (!locations.length || !targets.length) return;
  doc.use(...lines);
  for (const p of targets) p.locations = locations.slice(0, 10);
  doc.note(
    `Backup locations under "${section.title}" given to ${targets.map((p) => `"${p.name}"`).join(", ")}, which state none`,
    section.line,
  );
}
