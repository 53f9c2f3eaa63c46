// Backup policies: "- **Daily**: Full cluster backup using `backup.sh`" lines in backup sections, "Backup Frequency"
// cells of service tables, backup tables, and YAML-like schedules in code fences ("- Hourly: Last 24 hours retained").
// "Backup Locations" lines become the locations of the policies that state none.
import type { PlanBackupPolicy, PlanService } from "../format";
import { assignColumns, noteUnreadColumns } from "./columns";
import type { Doc } from "./doc";
import type { Fence } from "./fences";
import { findRetentions, findTierRetentions, hasRetentionCue, parseRetentionDays } from "./retention";
import { clip, codeSpans, isNone, plain, readLabel, withoutCode } from "./inline";
import { listsIn } from "./lists";
import {
  cronEvery,
  DRILL_WORDS,
  findFrequencies,
  findTimes,
  NOT_A_BACKUP,
  onCalendarEvery,
  parseFrequency,
} from "./schedule";
import { findService, type FrequencyCell } from "./services";
import { cell } from "./tables";

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
  readBackupFacts(doc);
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
    const every = cronEvery(f.cron);
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

// ---- Backup facts wherever the plan states them ------------------------------------------------------------------
// Schedules and retention in prose, list items under a label, headings, table columns, crontab lines, quoted cron
// expressions and systemd timers in fences, in many languages. Only in a backup context (the line, the label it
// sits under, its headings, its table header), never for a test, a restore, a check or a cost, never in an example.

/** What is backed up, in many languages (and the backup tools whose names say it). */
const BACKUP_WORDS = new RegExp(
  [
    "backups?",
    "back(?:ed)?[- ]?up",
    "snapshots?",
    "dumps?",
    "binlogs?",
    "\\bwal\\b",
    "pitr",
    "point[- ]in[- ]time",
    "mirror",
    "exports?",
    "archiv",
    "sauvegard",
    "respaldo",
    "copias? de seguridad",
    "cópias? de segurança",
    "sicherung",
    "yedek",
    "restic",
    "borg",
    "velero",
    "kopia",
    "pgbackrest",
    "barman",
    "duplicity",
    "rsnapshot",
    "bacula",
    "veeam",
    "백업",
    "스냅샷",
    "バックアップ",
    "スナップショット",
    "备份",
    "備份",
    "快照",
  ].join("|"),
  "iu",
);
const EXAMPLE =
  /\b(?:e\.\s?g\.|for example|for instance|example|por ejemplo|ejemplo|por exemplo|exemplo|par exemple|exemple|z\.\s?b\.|zum beispiel|beispiel|ad esempio|esempio|örneğin|örnek)\b|예:|예시|例如|例：|例:/iu;
const CRON_LINE = /^\s*(?:[-*]\s+)?((?:[\d*/,-]{1,20}\s+){4}[\d*/,-]{1,20})\s+(\S.{0,500})$/;
const QUOTED_CRON = /(?:cron|schedule)s?["']?\s*[:=]\s*\[?\s*["']((?:[\d*/,-]{1,20}\s){4}[\d*/,-]{1,20})["']/i;
const ON_CALENDAR = /^\s*OnCalendar\s*=\s*(.{1,60})$/i;
const COMMENT = /^\s*(?:#|\/\/|--|;|rem\s)\s?(.*)$/i;
const KEY_VALUE = /^\s*[\p{L}][\p{L}\d ()/&'-]{0,50}:\s{0,40}\S/u;
const LABEL_ONLY = /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\*\*|__)?[^:：]{1,80}[:：]\s*(?:\*\*|__)?\s*$/;
/** Clauses: a schedule and a retention in one line are read apart ("Daily: 1 AM UTC, 14-day retention"). */
const MAX_CLAUSES = 16;
const CLAUSES = /[;；。，|(]|[,.]\s|\s[-–—]\s|\s\+\s/;

type Found = { everyMinutes?: number; at?: string; retentionDays?: number; text: string };

function readBackupFacts(doc: Doc) {
  const seen = new Set(
    doc.facts
      .filter((f) => f.kind === "backup")
      .map((f) => (f.kind === "backup" ? `${f.line}:${f.everyMinutes ?? ""}:${f.retentionDays ?? ""}` : "")),
  );
  const record = (line: number, scope: string, found: Found[]) => {
    for (const f of found) {
      const key = `${line}:${f.everyMinutes ?? ""}:${f.retentionDays ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      doc.fact({
        kind: "backup",
        line,
        text: clip(f.text, 200),
        ...(scope && { scope: clip(scope, 120) }),
        ...fields(f),
      });
    }
  };
  const tableLines = fromBackupTables(doc, record);
  for (let n = 1; n <= doc.count; n++) {
    if (doc.inFrontMatter(n) || tableLines.has(n) || doc.tableAt(n)) continue;
    const fence = doc.fenceAt(n);
    if (fence) {
      if (n !== fence.open && n !== fence.end) fromFenceLine(doc, n, record);
      continue;
    }
    const heading = doc.headingAt(n);
    if (heading) {
      if (heading.line === n && BACKUP_WORDS.test(heading.title.slice(0, MAX_READ)))
        record(n, plain(heading.title.slice(0, 200)), read(plain(heading.title.slice(0, MAX_READ)), "", true));
      continue;
    }
    if (!doc.isProse(n)) continue;
    const text = plain(doc.text(n).slice(0, MAX_READ));
    const lead = leadOf(doc, n);
    const context = `${text} ${lead} ${pathAt(doc, n)}`;
    if (!BACKUP_WORDS.test(context)) continue;
    // A drill section ("Test de restauración", "Quarterly DR test") schedules no backup.
    const frequencies = !DRILL_WORDS.test(titleAt(doc, n)) && !NOT_A_BACKUP.test(lead);
    record(n, scopeOf(text, titleAt(doc, n)), read(text, lead, frequencies));
  }
}

function fields(f: Found) {
  return {
    ...(f.everyMinutes !== undefined && { everyMinutes: f.everyMinutes }),
    ...(f.at && { at: f.at }),
    ...(f.retentionDays !== undefined && { retentionDays: f.retentionDays }),
  };
}

/** Schedules and retention in one line of prose. The lead is the label line it sits under. */
function read(text: string, lead: string, frequencies: boolean): Found[] {
  const out: Found[] = [];
  if (EXAMPLE.test(text)) return out;
  const retentionLead = hasRetentionCue(lead);
  const label = readLabel(text);
  const labelled = label && hasRetentionCue(label.label);
  // "Restore sampling (weekly): …" is no backup, whatever its value says.
  const head = /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?([^:：]{1,60})[:：]/.exec(text)?.[1];
  if ((label && NOT_A_BACKUP.test(label.label)) || (head && NOT_A_BACKUP.test(head))) frequencies = false;
  // A line states a few schedules at most; a run of separators is no plan (and must stay cheap).
  for (const clause of text.split(CLAUSES, MAX_CLAUSES)) {
    if (!/[\d\p{L}]/u.test(clause)) continue;
    const cue = retentionLead || labelled || hasRetentionCue(clause);
    const kept = cue ? [...findRetentions(clause), ...findTierRetentions(clause)] : [];
    for (const r of kept) out.push({ retentionDays: r.days, text: r.phrase });
    // In a retention clause, "daily"/"weekly" name the tier kept, not a schedule.
    if (!frequencies || kept.length || retentionLead || NOT_A_BACKUP.test(clause)) continue;
    const every = findFrequencies(clause);
    // "3 generations (daily/weekly/monthly)": words in a "/" list name tiers, not one schedule.
    if (every.length > 1 && every.some((e, i) => i > 0 && /^\s?\/\s?$/.test(between(clause, every[i - 1]!, e))))
      continue;
    const times = findTimes(clause).length ? findTimes(clause) : every.length === 1 ? findTimes(text) : [];
    let timed = false;
    for (const e of every) {
      const at =
        !timed && times.length === 1 && (e.everyMinutes === 1440 || e.everyMinutes === 10_080) ? times[0] : undefined;
      if (at) timed = true;
      out.push({ everyMinutes: e.everyMinutes, ...(at && { at }), text: clause.trim() });
    }
  }
  return out;
}

const between = (text: string, a: { index: number; phrase: string }, b: { index: number }) =>
  text.slice(a.index + a.phrase.length, b.index);

/** What the line is about: its label, or the heading it sits under. */
function scopeOf(text: string, title: string): string {
  const label = readLabel(text);
  const name = label ? plain(label.label) : "";
  return name && !findFrequencies(name).length && !hasRetentionCue(name) ? name : plain(title);
}

/** The label line a list item or an indented line sits under ("**Backup Schedules**:", a parent item). */
function leadOf(doc: Doc, n: number): string {
  const clipped = (k: number) => plain(doc.text(k).slice(0, MAX_READ));
  const own = indent(doc.text(n));
  for (let k = n - 1, seen = 0; k >= 1 && seen < 30; k--, seen++) {
    const text = doc.text(k).slice(0, MAX_READ);
    if (!text.trim()) continue;
    if (doc.headingAt(k) || doc.fenceAt(k) || doc.tableAt(k)) return "";
    if (indent(text) < own) return clipped(k);
    if (!/^\s*(?:[-*+]|\d{1,3}[.)])\s/.test(text)) return LABEL_ONLY.test(text) ? clipped(k) : "";
  }
  return "";
}

const titleAt = (doc: Doc, n: number) => doc.sectionAt(n).title.slice(0, 200);
const pathAt = (doc: Doc, n: number) => doc.pathAt(n).slice(0, MAX_READ);
const indent = (text: string) => /^[ \t]{0,200}/.exec(text)![0].replace(/\t/g, "    ").length;
/** Longer lines are read only up to here: a schedule is stated in its first words. */
const MAX_READ = 500;

function fromFenceLine(doc: Doc, n: number, record: (line: number, scope: string, found: Found[]) => void) {
  const text = doc.text(n).slice(0, MAX_READ);
  const title = titleAt(doc, n);
  const around = (from: number, to: number) => {
    const out: string[] = [];
    for (let k = Math.max(from, 1); k <= to; k++)
      if (doc.fenceAt(k) === doc.fenceAt(n)) out.push(doc.text(k).slice(0, MAX_READ));
    return out.join(" ");
  };
  const cronLine = CRON_LINE.exec(text);
  const quoted = cronLine ? null : QUOTED_CRON.exec(text);
  const calendar = ON_CALENDAR.exec(text);
  if (cronLine || quoted || calendar) {
    const every = cronLine ? cronEvery(cronLine[1]!) : quoted ? cronEvery(quoted[1]!) : onCalendarEvery(calendar![1]!);
    if (!every) return;
    // The job's own words: its command and the comment right above it; then the fence and the headings.
    const own = `${cronLine?.[2] ?? text} ${commentAbove(doc, n)}`;
    const context = `${own} ${around(n - 8, n)} ${pathAt(doc, n)}`;
    if (!BACKUP_WORDS.test(context) || NOT_A_BACKUP.test(own) || DRILL_WORDS.test(title)) return;
    record(n, plain(commentAbove(doc, n) || title), [{ ...every, text: text.trim() }]);
    return;
  }
  const comment = COMMENT.exec(text);
  const line = comment ? comment[1]! : KEY_VALUE.test(text) && !/[$=|`{}<>]/.test(text) ? text : null;
  if (!line?.trim()) return;
  const context = `${line} ${pathAt(doc, n)}`;
  if (!BACKUP_WORDS.test(context)) return;
  // A comment above a cron line names the job; the cron line states its schedule.
  const next = nextCodeLine(doc, n);
  const frequencies = !(next && (CRON_LINE.test(next) || QUOTED_CRON.test(next))) && !DRILL_WORDS.test(title);
  record(n, scopeOf(plain(line), title), read(plain(line), "", frequencies));
}

function commentAbove(doc: Doc, n: number): string {
  const above = doc.text(n - 1).slice(0, MAX_READ);
  const m = doc.fenceAt(n - 1) === doc.fenceAt(n) ? COMMENT.exec(above) : null;
  return m ? m[1]!.trim() : "";
}

function nextCodeLine(doc: Doc, n: number): string | undefined {
  for (let k = n + 1; k <= n + 3 && doc.fenceAt(k) === doc.fenceAt(n); k++) if (doc.text(k).trim()) return doc.text(k);
  return undefined;
}

/** | Data | Frequency | Retention | tables: a frequency column, a retention column, or both, in a backup context. */
function fromBackupTables(doc: Doc, record: (line: number, scope: string, found: Found[]) => void): Set<number> {
  const lines = new Set<number>();
  for (const table of doc.tables) {
    const headers = table.header.cells.map((h) => plain(h.slice(0, MAX_READ)));
    const frequency = headers.findIndex((h) => FREQUENCY_HEADER.test(h));
    const retention = headers.findIndex((h) => hasRetentionCue(h));
    if (frequency < 0 && retention < 0) continue;
    const drill = DRILL_WORDS.test(titleAt(doc, table.header.line)) || headers.some((h) => NOT_A_BACKUP.test(h));
    if (drill) continue;
    for (const row of table.rows) {
      const cells = row.cells.map((c) => plain(c.slice(0, MAX_READ)));
      const context = `${headers.join(" ")} ${cells.join(" ")} ${pathAt(doc, row.line)}`;
      if (!BACKUP_WORDS.test(context) || cells.some((c) => EXAMPLE.test(c))) continue;
      lines.add(row.line);
      const scope = cells[0] ?? "";
      const found: Found[] = [];
      if (frequency >= 0 && frequency !== retention) {
        const text = cells[frequency] ?? "";
        const times = findTimes(text);
        for (const e of NOT_A_BACKUP.test(text) ? [] : findFrequencies(text))
          found.push({
            everyMinutes: e.everyMinutes,
            ...(times.length === 1 && (e.everyMinutes === 1440 || e.everyMinutes === 10_080) && { at: times[0] }),
            text,
          });
        // "Continue + 12h": a bare figure in a frequency column is the interval.
        if (!found.length) for (const e of bareIntervals(text)) found.push({ everyMinutes: e, text });
      }
      if (retention >= 0) {
        const text = cells[retention] ?? "";
        for (const r of [...findRetentions(text), ...findTierRetentions(text)])
          found.push({ retentionDays: r.days, text: r.phrase });
      }
      record(row.line, scope, found);
    }
  }
  return lines;
}

const FREQUENCY_HEADER =
  /frequen|schedule|interval|\bwhen\b|cadence|frecuencia|periodicidad|frequência|periodicidade|fréquence|périodicité|häufigkeit|intervall|zeitplan|frequenza|sıklık|periyot|zamanlama|주기|빈도|頻度|スケジュール|频率|周期|頻率/iu;
const BARE =
  /(?<![\p{L}\d])(\d{1,3})\s?(min|h|hrs?|hours?|horas?|heures?|stunden|saat|분|시간|分|時間|小时)(?![\p{L}])/giu;

function bareIntervals(text: string): number[] {
  const out: number[] = [];
  for (const m of text.slice(0, 300).matchAll(BARE)) {
    const n = Number(m[1]);
    out.push(/^(?:min|분|分)$/i.test(m[2]!) ? n : n * 60);
  }
  return out;
}
