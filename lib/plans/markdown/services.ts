// Services and their objectives from tables: one table with RTO/RPO/Priority columns, separate RTO and RPO tables
// merged by service name, or tier tables whose heading gives the tier and RTO ("### Tier 1 - Critical (RTO: 15 min)").
import { PRIORITY_TIERS, type PlanService } from "../format";
import { assignColumns, noteUnreadColumns } from "./columns";
import type { Doc } from "./doc";
import { durationNote, objective, parseDuration, type Duration } from "./durations";
import { objectiveFact } from "./facts";
import { clip, isNone, plain, splitNames } from "./inline";
import { cell, type Table } from "./tables";

/** A dependency cell, resolved once every service of the plan is known. */
export type DependencyCell = { service: string; text: string; line: number };
/** A "Backup Frequency" cell: a backup policy of that row's service. */
export type FrequencyCell = { service: string; text: string; line: number };
export type ServicesReading = { services: PlanService[]; dependencies: DependencyCell[]; frequencies: FrequencyCell[] };

const COLUMNS = {
  name: /^(?:services?|components?|systems?|applications?|apps?|workloads?|resources?|servicios?|servi[cç]os?|servizio|servizi|dienste?|komponenten?|composants?|componentes?|hizmet|servis|bileşen|서비스|サービス|服务|服務|组件|組件)(?:\s+name)?$|^name$/i,
  rto: /\brto\b|recovery\s+time/i,
  rpo: /\brpo\b|recovery\s+point/i,
  priority: /^(?:(?:business\s+)?priority|criticality|importance)$/i,
  tier: /^tier$/i,
  dependsOn: /depend|requires|upstream/i,
  recoveryOrder: /\border\b|sequence/i,
  frequency: /frequency|schedule/i,
  owner: /owner|responsible/i,
  kind: /^(?:type|kind)$/i,
  notes: /^(?:notes?|comments?|remarks?)$/i,
};
type Columns = Record<keyof typeof COLUMNS, number>;

type HeadingDefaults = {
  line: number;
  title: string;
  tier?: number;
  priority?: string;
  rto?: Duration;
  rtoText?: string;
  rpo?: Duration;
  rpoText?: string;
};

/** "Tier 1 - Critical (RTO: 15 min)" → tier 1, priority Critical, RTO 15 min for the rows of the table under it. */
function headingDefaults(doc: Doc, table: Table): HeadingDefaults | null {
  const section = doc.sectionAt(table.header.line);
  const title = section.title;
  const tier = /\btier\s*([1-4])\b/i.exec(title);
  const rto = /\bRTO\s*[:=]?\s*([^),;]+)/i.exec(title);
  const rpo = /\bRPO\s*[:=]?\s*([^),;]+)/i.exec(title);
  const priorityOnly = /^(critical|high|medium|low)(?:\s+(?:priority|services?|components?))?\b/i.exec(title);
  if (!tier && !rto && !rpo && !priorityOnly) return null;
  // A priority word counts next to a tier ("Tier 1 - Critical") or alone ("Critical Services"), not in any heading
  // that mentions an RTO ("RTO and RPO for High Availability").
  const priority = tier || priorityOnly ? /\b(critical|high|medium|low)\b/i.exec(title)?.[1] : undefined;
  const out: HeadingDefaults = { line: section.line, title };
  if (tier) out.tier = Number(tier[1]);
  if (priority) out.priority = priority;
  const rtoDuration = rto && parseDuration(rto[1]!);
  if (rtoDuration) Object.assign(out, { rto: rtoDuration, rtoText: rto![1]!.trim() });
  const rpoDuration = rpo && parseDuration(rpo[1]!);
  if (rpoDuration) Object.assign(out, { rpo: rpoDuration, rpoText: rpo![1]!.trim() });
  return out;
}

function tierOfPriority(word: string): number | undefined {
  const w = word.trim().toLowerCase();
  if (w in PRIORITY_TIERS) return PRIORITY_TIERS[w as keyof typeof PRIORITY_TIERS];
  const m = /^(?:p|tier\s*)([1-4])$/.exec(w);
  return m ? Number(m[1]) : undefined;
}

export function isServiceTable(doc: Doc, table: Table): boolean {
  const c = assignColumns(table.header.cells, COLUMNS);
  if (c.name < 0) return false;
  if ([c.rto, c.rpo, c.priority, c.tier, c.dependsOn, c.recoveryOrder].some((i) => i >= 0)) return true;
  // Under a tier heading, a table of services still has to say so: "| Name | Email |" under "Tier 1 Support" is people.
  return !/^name$/i.test(table.header.cells[c.name]!.trim()) && !!headingDefaults(doc, table);
}

export function readServices(doc: Doc): ServicesReading {
  const reading: ServicesReading = { services: [], dependencies: [], frequencies: [] };
  const byName = new Map<string, PlanService>();
  for (const table of doc.tables) {
    if (!isServiceTable(doc, table)) continue;
    const c = assignColumns(table.header.cells, COLUMNS);
    const heading = headingDefaults(doc, table);
    doc.use(table.header.line);
    noteUnreadColumns(doc, table, Object.values(c));
    const names: string[] = [];
    for (const row of table.rows) {
      const name = clip(plain(cell(row, c.name)), 120);
      if (!name || isNone(name)) continue;
      doc.use(row.line);
      let service = byName.get(name.toLowerCase());
      if (!service) {
        service = { name };
        byName.set(name.toLowerCase(), service);
        reading.services.push(service);
      }
      names.push(service.name);
      readRow(doc, service, row.line, c, (i) => cell(row, i), reading);
    }
    if (heading && names.length)
      applyHeading(
        doc,
        heading,
        names.map((n) => byName.get(n.toLowerCase())!),
      );
  }
  return reading;
}

function readRow(
  doc: Doc,
  service: PlanService,
  line: number,
  c: Columns,
  at: (i: number) => string,
  reading: ServicesReading,
) {
  const set = <K extends keyof PlanService>(key: K, value: PlanService[K], what: string) => {
    if (service[key] === undefined) service[key] = value;
    else if (service[key] !== value)
      doc.note(`Service "${service.name}": ${what} stated twice; kept ${String(service[key])}`, line);
  };
  for (const [what, column] of [
    ["RTO", c.rto],
    ["RPO", c.rpo],
  ] as const) {
    const text = plain(at(column));
    if (column < 0 || isNone(text)) continue;
    const d = parseDuration(text);
    if (!d) {
      doc.note(`${what} "${text}" of service "${service.name}" is not a duration`, line);
      continue;
    }
    doc.fact(objectiveFact(what === "RTO" ? "rto" : "rpo", d, text, line, service.name));
    const note = durationNote(text, d);
    if (note) doc.note(`${what} of "${service.name}": ${note}`, line);
    const { target, lower } = objective(d);
    const [targetKey, lowerKey] =
      what === "RTO" ? (["rtoMinutes", "rtoMinMinutes"] as const) : (["rpoMinutes", "rpoMinMinutes"] as const);
    if (target !== undefined) set(targetKey, target, what);
    if (lower !== undefined) set(lowerKey, lower, `${what} lower end`);
  }
  const priority = plain(at(c.priority));
  if (c.priority >= 0 && !isNone(priority)) {
    set("priority", clip(priority, 40), "priority");
    const tier = tierOfPriority(priority);
    if (tier) {
      set("tier", tier, "tier");
      doc.note(`Priority "${priority}" read as tier ${tier}`, line);
    } else doc.note(`Priority "${priority}" of "${service.name}" gives no tier (Critical, High, Medium or Low)`, line);
  }
  const tier = plain(at(c.tier));
  if (c.tier >= 0 && !isNone(tier)) {
    const m = /^(?:tier\s*)?([1-4])$/i.exec(tier);
    if (m) set("tier", Number(m[1]), "tier");
    else doc.note(`Tier "${tier}" of "${service.name}" is not 1 to 4`, line);
  }
  const depends = plain(at(c.dependsOn));
  if (c.dependsOn >= 0) reading.dependencies.push({ service: service.name, text: depends, line });
  const order = plain(at(c.recoveryOrder));
  if (c.recoveryOrder >= 0 && !isNone(order)) {
    if (/^\d+$/.test(order) && Number(order) >= 1) set("recoveryOrder", Number(order), "recovery order");
    else doc.note(`Recovery order "${order}" of "${service.name}" is not a number`, line);
  }
  const frequency = plain(at(c.frequency));
  if (c.frequency >= 0 && !isNone(frequency))
    reading.frequencies.push({ service: service.name, text: frequency, line });
  const owner = plain(at(c.owner));
  if (c.owner >= 0 && !isNone(owner)) set("owner", clip(owner, 120), "owner");
  const kind = plain(at(c.kind));
  if (c.kind >= 0 && !isNone(kind)) set("kind", clip(kind, 40), "kind");
  const notes = plain(at(c.notes));
  if (c.notes >= 0 && !isNone(notes)) set("notes", clip(notes, 4000), "notes");
}

function applyHeading(doc: Doc, h: HeadingDefaults, services: PlanService[]) {
  const gave: string[] = [];
  for (const s of services) {
    if (h.tier !== undefined && s.tier === undefined) s.tier = h.tier;
    if (h.priority !== undefined && s.priority === undefined) s.priority = h.priority;
    for (const [d, targetKey, lowerKey] of [
      [h.rto, "rtoMinutes", "rtoMinMinutes"],
      [h.rpo, "rpoMinutes", "rpoMinMinutes"],
    ] as const) {
      if (!d || s[targetKey] !== undefined) continue;
      const kind = targetKey === "rtoMinutes" ? "rto" : "rpo";
      doc.fact(objectiveFact(kind, d, (kind === "rto" ? h.rtoText : h.rpoText) ?? "", h.line, s.name));
      const { target, lower } = objective(d);
      if (target !== undefined) s[targetKey] = target;
      if (lower !== undefined) s[lowerKey] = lower;
    }
  }
  const headingTier = h.priority ? tierOfPriority(h.priority) : undefined;
  if (h.tier !== undefined) gave.push(`tier ${h.tier}`);
  else if (headingTier !== undefined) {
    gave.push(`tier ${headingTier}`);
    for (const s of services) s.tier ??= headingTier;
  }
  if (h.priority) gave.push(`priority ${h.priority}`);
  if (h.tier !== undefined && headingTier !== undefined && headingTier !== h.tier)
    doc.note(
      `Heading "${h.title}": tier ${h.tier} but priority ${h.priority} (tier ${headingTier}); kept tier ${h.tier}`,
      h.line,
    );
  if (h.rto) gave.push(`RTO ${h.rtoText}`);
  if (h.rpo) gave.push(`RPO ${h.rpoText}`);
  for (const [d, text] of [
    [h.rto, h.rtoText],
    [h.rpo, h.rpoText],
  ] as const) {
    const note = d && durationNote(text!, d);
    if (note) doc.note(note, h.line);
  }
  if (gave.length)
    doc.note(
      `Heading "${h.title}" gives ${gave.join(", ")} to ${services.map((s) => `"${s.name}"`).join(", ")}`,
      h.line,
    );
}

/** A name as a service of this plan: exact (any case), or "PostgreSQL" for "Database (PostgreSQL)". */
export function findService(services: PlanService[], name: string): PlanService | undefined {
  const n = name.trim().toLowerCase();
  const exact = services.find((s) => s.name.toLowerCase() === n);
  if (exact) return exact;
  const loose = services.filter((s) => {
    const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(s.name.toLowerCase());
    return !!m && (m[1] === n || m[2] === n);
  });
  return loose.length === 1 ? loose[0] : undefined;
}

/** Dependencies name services of this plan; anything else (volumes, buckets) is reported, not kept. */
export function resolveDependencies(doc: Doc, services: PlanService[], cells: DependencyCell[]): void {
  for (const dep of cells) {
    const service = services.find((s) => s.name === dep.service)!;
    const resolved = new Set(service.dependsOn ?? []);
    for (const name of isNone(dep.text) ? [] : splitNames(dep.text)) {
      if (isNone(name)) continue;
      const target = findService(services, name);
      if (!target) doc.missing(`Dependency "${name}" of "${service.name}" is not a service in this plan`);
      else if (target === service)
        doc.note(`Service "${service.name}" names itself as a dependency: ignored`, dep.line);
      else {
        if (target.name.toLowerCase() !== name.toLowerCase())
          doc.note(`Dependency "${name}" of "${service.name}" read as service "${target.name}"`, dep.line);
        resolved.add(target.name);
      }
    }
    service.dependsOn = [...resolved];
  }
}
