// On-call rotations a plan states: sentences and labels ("Primary on-call rotates weekly (Monday 09:00
// Europe/Berlin): Alice Smith, Bob Jones"), "Week 1: Alice" lists, Week | Primary | Secondary tables and
// Role | Rotation tables. Each becomes a schedule fact; a schedule of the plan only when the rotation is complete
// (who, how long, handoff time, a clear zone) and every member is a contact of the plan — else the fact says why.
import { isKnownTimeZone } from "@/lib/oncall/local-time";
import type { PlanContact, PlanEscalationLevel, PlanSchedule } from "../format";
import { assignColumns } from "./columns";
import type { Doc } from "./doc";
import { clip, isNone, placeholders, plain, readLabel } from "./inline";
import {
  EXAMPLE_SECTION,
  GENERIC_NAME,
  IANA_ZONE,
  MEMBERS_COLUMN,
  NOT_A_PERSON,
  numberOf,
  ON_CALL_COLUMN,
  PERIOD_COLUMN,
  ROLE_COLUMN,
  ROTATION_COLUMN,
  ROTATION_CONTEXT,
  SHIFT_LENGTHS,
  TIME_OF_DAY,
  unitOf,
  WEEKDAY,
  WEEKDAY_NAMES,
  WEEKDAY_RANGE,
  ZONE_ABBREVIATION,
  ZONE_ABBREVIATIONS,
  type Unit,
} from "./rotation-words";
import { cell, type Table } from "./tables";

export type Rotation = {
  name: string;
  line: number;
  text: string;
  members: string[];
  length?: number;
  unit?: Unit;
  weekday?: number;
  time?: string;
  /** The zone as written (an IANA name or an abbreviation). */
  zoneText?: string;
  /** The IANA zone it resolves to, when it does. */
  zone?: string;
  zoneUnclear?: string;
  /** The first period's date, when a table dates its rows ("2026-12-07"). */
  startDate?: string;
};

const PERSON = /^[\p{Lu}][\p{L}'.-]+(?:\s+[\p{Lu}][\p{L}'.-]+){0,3}$/u;

/** The shift length a text states; cadence words only count where the text itself is about on-call. */
function shiftOf(text: string): { length: number; unit: Unit } | undefined {
  const aboutOnCall = ROTATION_CONTEXT.test(text);
  for (const { pattern, length, unit, lineContext } of SHIFT_LENGTHS) {
    if (lineContext && !aboutOnCall) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    if (length && unit) return { length, unit };
    const n = numberOf(m[1]!);
    if (n >= 1) return { length: n, unit: unitOf(m[2]!) };
  }
  return undefined;
}

function weekdayOf(text: string): number | undefined {
  if (WEEKDAY_RANGE.test(text)) return undefined;
  const days = [...new Set((text.match(WEEKDAY) ?? []).map((d) => d.slice(0, 3).toLowerCase()))];
  // "Monday 09:00 to Monday 09:00" is one day; two different days are a window, not a handoff.
  if (days.length !== 1) return undefined;
  return WEEKDAY_NAMES.findIndex((n) => n.toLowerCase() === days[0]) + 1;
}

function timeOf(text: string): string | undefined {
  const m = TIME_OF_DAY.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const half = (m[3] ?? m[4] ?? "").toLowerCase().replace(/\./g, "");
  if (half && (hour < 1 || hour > 12)) return undefined;
  if (half === "pm" && hour < 12) hour += 12;
  if (half === "am" && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

function zoneOf(text: string): Pick<Rotation, "zoneText" | "zone" | "zoneUnclear"> {
  const iana = IANA_ZONE.exec(text)?.[0];
  if (iana)
    return isKnownTimeZone(iana)
      ? { zoneText: iana, zone: iana }
      : { zoneText: iana, zoneUnclear: `unknown zone ${iana}` };
  const abbreviation = ZONE_ABBREVIATION.exec(text)?.[1];
  if (!abbreviation) return {};
  const known = ZONE_ABBREVIATIONS[abbreviation]!;
  return "zone" in known
    ? { zoneText: abbreviation, zone: known.zone }
    : { zoneText: abbreviation, zoneUnclear: known.unclear };
}

/** "Alice Smith, Bob Jones and Carol White" → the names, or nothing when any part is not a person's name. */
function peopleIn(text: string): string[] {
  const parts = plain(text)
    .replace(/\([^()]*\)/g, " ")
    .replace(/@\S+/g, " ")
    .split(/\s*(?:,|;|\band\b|&|\/)\s*/)
    .map((p) =>
      p
        .replace(/\s+/g, " ")
        // Trailing dots and spaces; the lookbehind starts a match only where a run begins (linear on "a.....b").
        .replace(/(?<![.\s])[.\s]+$/, "")
        .trim(),
    )
    .filter(Boolean);
  if (!parts.length || parts.some((p) => !PERSON.test(p) || NOT_A_PERSON.test(p) || shiftOf(p) || weekdayOf(p)))
    return [];
  return parts;
}

/** The person a cell or a list item names first ("Alice (@alice) - Auth team" → "Alice"). */
function personIn(text: string): string | undefined {
  const head = plain(text)
    .replace(/\([^()]*\)/g, " ")
    .replace(/@\S+/g, " ")
    .split(/\s+[-–—|]\s+|,/)[0]!
    .replace(/\s+/g, " ")
    .trim();
  if (!head || isNone(head) || placeholders(text).length || !PERSON.test(head) || NOT_A_PERSON.test(head))
    return undefined;
  return head;
}

/** What to call a rotation: "X rotates", "rotation of the X", a label, else the section's title. */
function nameOf(doc: Doc, line: number, text: string, label?: string): string {
  const subject = /^(?:[-*+]\s+|\d+[.)]\s+)?(.{3,60}?)\s+(?:rotates?|rotation rotates|is on a)\b/i.exec(text)?.[1];
  if (subject && !GENERIC_NAME.test(subject)) return plain(subject);
  const of = /\brotation\s+(?:of|for)\s+(?:the\s+)?([\p{L}\d][\p{L}\d .'-]{1,60}?)(?:[,;:(]|\s+-|$)/iu.exec(text)?.[1];
  if (of) return plain(of).trim();
  if (label && !GENERIC_NAME.test(label)) return label;
  // "Primary on-call: 1 week rotation …", "- Follow-up rotation: 12-hour shifts …"
  const prefix = /^(?:[-*+]\s+|\d+[.)]\s+)?([^:]{3,50}?):\s/.exec(text)?.[1]?.trim();
  if (prefix && prefix.split(/\s+/).length <= 5 && !GENERIC_NAME.test(prefix) && !shiftOf(prefix)) return plain(prefix);
  const title = doc.sectionAt(line).title;
  return title && ROTATION_CONTEXT.test(title) ? plain(title) : "On-call";
}

function fill(into: Rotation, from: Partial<Rotation>): void {
  for (const [key, value] of Object.entries(from) as [keyof Rotation, never][])
    if (into[key] === undefined || (Array.isArray(into[key]) && !(into[key] as string[]).length)) into[key] = value;
}

/** Sentences and label lines: a line about on-call that states a shift length is a rotation (members after ": "). */
function readLines(doc: Doc, found: Rotation[]): void {
  for (let n = 1; n <= doc.count; n++) {
    if (!doc.isProse(n) || doc.isUsed(n) || EXAMPLE_SECTION.test(doc.pathAt(n))) continue;
    const raw = doc.text(n);
    const text = plain(raw).replace(/\s+/g, " ").trim();
    // The line says it is about on-call, or its own section does (a document titled "On-call runbook" is not
    // enough: its backup section's "daily" is no rotation).
    if (!ROTATION_CONTEXT.test(text) && !ROTATION_CONTEXT.test(doc.sectionAt(n).title)) continue;
    // A line that says what is recommended or usual elsewhere is advice, not this plan's rotation.
    if (/\b(?:recommended|e\.g\.|for example|such as|alternative|consider|typical(?:ly)?)\b/i.test(text)) continue;
    const label = readLabel(raw);
    const shift = shiftOf(text);
    // Members follow the last ": " (a colon with a space: "09:00" is a time).
    const colon = text.lastIndexOf(": ");
    const members = colon >= 0 ? peopleIn(text.slice(colon + 2)) : [];
    if (!shift) continue;
    const name = nameOf(doc, n, text, label?.label ? plain(label.label) : undefined);
    const head = colon >= 0 && members.length ? text.slice(0, colon) : text;
    const rotation: Rotation = {
      name: clip(name, 120),
      line: n,
      text: clip(raw.trim(), 300),
      members,
      length: shift.length,
      unit: shift.unit,
      weekday: shift.unit === "weeks" ? weekdayOf(head) : undefined,
      time: timeOf(head),
      ...zoneOf(head),
    };
    doc.use(n);
    const same = found.find((r) => r.name === rotation.name);
    if (same) fill(same, rotation);
    else found.push(rotation);
  }
}

/** A fence with no language (or plain text) holds text, not code: a roster is often set in one. */
const PLAIN_FENCE = /^(?:|text|txt|plain|plaintext)$/i;

/**
 * "- Week 1: Alice (@alice) - Auth team" lines, or "Week 1: Alice (Primary), Bob (Secondary)" (one rotation per
 * role), in an on-call section, also inside a plain fence.
 */
function readWeekLists(doc: Doc, found: Rotation[]): void {
  const WEEK_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:week|wk)\s*(\d{1,2})(?:\*\*|__)?\s*[:\-–—]\s*(.+)$/i;
  const bySection = new Map<string, { rotation: Rotation; roles: Map<string, Rotation> }>();
  const take = (n: number, text: string): boolean => {
    const m = WEEK_LINE.exec(text);
    if (!m || !ROTATION_CONTEXT.test(doc.pathAt(n)) || EXAMPLE_SECTION.test(doc.pathAt(n))) return false;
    const rest = m[2]!;
    const title = plain(doc.sectionAt(n).title) || "On-call";
    const fresh = (name: string): Rotation => ({
      name,
      line: n,
      text: text.trim(),
      members: [],
      length: 1,
      unit: "weeks",
    });
    const entry = bySection.get(title) ?? { rotation: fresh(title), roles: new Map<string, Rotation>() };
    const pairs = [...rest.matchAll(/([\p{Lu}][\p{L}'.-]+(?:\s+[\p{Lu}][\p{L}'.-]+)?)\s*\(([^()@]+)\)/gu)];
    if (pairs.length > 1) {
      for (const [, person, role] of pairs) {
        const key = plain(role!).trim();
        const r = entry.roles.get(key) ?? fresh(key);
        if (!r.members.includes(person!)) r.members.push(person!);
        entry.roles.set(key, r);
      }
    } else {
      const person = personIn(rest);
      if (!person) return false;
      if (!entry.rotation.members.includes(person)) entry.rotation.members.push(person);
    }
    bySection.set(title, entry);
    return true;
  };
  for (let n = 1; n <= doc.count; n++) if (doc.isProse(n) && !doc.isUsed(n) && take(n, doc.text(n))) doc.use(n);
  for (const fence of doc.fences)
    if (fence.fenced && PLAIN_FENCE.test(fence.info.trim()) && !doc.isUsed(fence.open))
      for (const { line, text } of fence.body) take(line, text);
  for (const { rotation, roles } of bySection.values()) {
    const same = found.find((r) => r.name === rotation.name);
    if (rotation.members.length) {
      if (same) fill(same, rotation);
      else found.push(rotation);
    }
    for (const r of roles.values()) found.push(r);
  }
}

/**
 * A two-column Property | Value table in an on-call section ("Rotation Length | 1 week", "Handoff Time | Monday
 * 09:00 UTC"): its rows read as one rotation, named by the section.
 */
function keyValueTable(doc: Doc, table: Table, header: string[], found: Rotation[]): boolean {
  if (header.length !== 2 || !ROTATION_CONTEXT.test(doc.sectionAt(table.header.line).title)) return false;
  const text = table.rows.map((r) => `${plain(cell(r, 0))}: ${plain(cell(r, 1))}`).join("; ");
  const shift = shiftOf(text);
  if (!shift) return false;
  found.push({
    name: nameOf(doc, table.header.line, ""),
    line: table.header.line,
    text: clip(text, 300),
    members: [],
    length: shift.length,
    unit: shift.unit,
    weekday: shift.unit === "weeks" ? weekdayOf(text) : undefined,
    time: timeOf(text),
    ...zoneOf(text),
  });
  doc.use(table.header.line, ...table.rows.map((r) => r.line));
  return true;
}

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/;

/** Week | Primary | Secondary tables (one rotation per role column) and Role | Rotation tables (one per row). */
function readTables(doc: Doc, found: Rotation[]): void {
  for (const table of doc.tables) {
    if (doc.isUsed(table.header.line) || EXAMPLE_SECTION.test(doc.pathAt(table.header.line))) continue;
    const header = table.header.cells.map((h) => plain(h).trim());
    if (keyValueTable(doc, table, header, found)) continue;
    const period = header.findIndex((h) => PERIOD_COLUMN.test(h));
    const roles = header.map((h, i) => (i !== period && ON_CALL_COLUMN.test(h) ? i : -1)).filter((i) => i >= 0);
    if (period >= 0 && roles.length) {
      const dates = table.rows.map((r) => ISO_DATE.exec(cell(r, period))?.[1]).filter(Boolean) as string[];
      const step =
        dates.length >= 2
          ? (Date.parse(dates[1]!) - Date.parse(dates[0]!)) / 86_400_000
          : /week/i.test(header[period]!)
            ? 7
            : 0;
      if (step !== 7 && step !== 1) continue;
      const made: Rotation[] = [];
      for (const column of roles) {
        const members: string[] = [];
        for (const row of table.rows) {
          const person = personIn(cell(row, column));
          if (person && !members.includes(person)) members.push(person);
        }
        if (!members.length) continue;
        made.push({
          name: header[column]!,
          line: table.header.line,
          text: table.header.cells.join(" | "),
          members,
          length: 1,
          unit: step === 7 ? "weeks" : "days",
          ...(dates[0] && { startDate: dates[0] }),
          ...(dates[0] && step === 7 && { weekday: ((new Date(`${dates[0]}T00:00:00Z`).getUTCDay() + 6) % 7) + 1 }),
        });
      }
      if (!made.length) continue;
      doc.use(table.header.line, ...table.rows.map((r) => r.line));
      found.push(...made);
      continue;
    }
    const c = assignColumns(header, { role: ROLE_COLUMN, rotation: ROTATION_COLUMN, members: MEMBERS_COLUMN });
    if (c.role < 0 || c.rotation < 0) continue;
    const made: Rotation[] = [];
    for (const row of table.rows) {
      const text = plain(cell(row, c.rotation));
      const shift = shiftOf(text);
      const name = plain(cell(row, c.role)).trim();
      if (!shift || !name) continue;
      made.push({
        name: clip(name, 120),
        line: row.line,
        text: clip(doc.text(row.line).trim(), 300),
        members: c.members >= 0 ? peopleIn(cell(row, c.members)) : [],
        length: shift.length,
        unit: shift.unit,
        weekday: shift.unit === "weeks" ? weekdayOf(text) : undefined,
        time: timeOf(text),
        ...zoneOf(text),
      });
      doc.use(row.line);
    }
    if (made.length) {
      doc.use(table.header.line);
      found.push(...made);
    }
  }
}

export function readRotations(doc: Doc): Rotation[] {
  const found: Rotation[] = [];
  readTables(doc, found);
  readWeekLists(doc, found);
  readLines(doc, found);
  return found.sort((a, b) => a.line - b.line);
}

const every = (r: Rotation) =>
  r.length && r.unit ? `${r.length} ${r.length === 1 ? r.unit.slice(0, -1) : r.unit}` : undefined;

/** Why a rotation cannot be a schedule of this plan (undefined when it can). */
function whyNot(r: Rotation, contacts: Set<string>): string | undefined {
  if (!r.members.length) return "members not named: no schedule made";
  const unknown = r.members.filter((m) => !contacts.has(m.toLowerCase()));
  if (unknown.length) return `not contacts of this plan: ${unknown.join(", ")} — no schedule made`;
  if (!r.length || !r.unit) return "no shift length stated: no schedule made";
  if (r.zoneUnclear) return `zone unclear (${r.zoneUnclear}): no schedule made`;
  if (!r.zone) return "no time zone stated: no schedule made";
  if (!r.time) return "no handoff time stated: no schedule made";
  return undefined;
}

/** The first handoff: the stated date, else the first stated weekday (or today) from `today` on. */
function startOf(r: Rotation, today: string): string {
  if (r.startDate) return r.startDate;
  const day = new Date(`${today}T00:00:00Z`);
  if (r.weekday) day.setUTCDate(day.getUTCDate() + ((r.weekday - (((day.getUTCDay() + 6) % 7) + 1) + 7) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * Each rotation as a fact (saying why when it made no schedule), and the schedules of the plan. `today` (the
 * reader's date, "YYYY-MM-DD") dates a first handoff the plan does not date; a note says so, to be checked.
 */
export function rotationSchedules(
  doc: Doc,
  rotations: Rotation[],
  contacts: PlanContact[],
  today: string,
): PlanSchedule[] {
  const known = new Set(
    contacts
      .flatMap((c) => [c.name, c.email])
      .filter(Boolean)
      .map((n) => n!.toLowerCase()),
  );
  const schedules: PlanSchedule[] = [];
  for (const r of rotations) {
    const why = whyNot(r, known);
    doc.fact({
      kind: "schedule",
      line: r.line,
      text: r.text,
      name: r.name,
      members: r.members,
      ...(every(r) && { every: every(r) }),
      ...((r.weekday || r.time) && {
        handoff: [r.weekday ? WEEKDAY_NAMES[r.weekday - 1] : "", r.time ?? ""].filter(Boolean).join(" "),
      }),
      ...((r.zone ?? r.zoneText) && { timeZone: r.zone ?? r.zoneText }),
      ...(why && { why }),
    });
    if (why || schedules.some((s) => s.name === r.name)) continue;
    const start = `${startOf(r, today)} ${r.time}`;
    if (!r.startDate)
      doc.note(
        `Rotation "${r.name}": the plan dates no first handoff; it is set to ${start} with ${r.members[0]} — check it`,
        r.line,
      );
    schedules.push({
      name: r.name,
      timeZone: r.zone!,
      layers: [{ start, every: every(r)!, members: r.members }],
    });
  }
  return schedules;
}

/**
 * An escalation level whose target names a rotation the plan made a schedule of ("1. Primary on-call") pages that
 * schedule: whoever is on call when the level fires, instead of everyone holding a role of that name.
 */
export function levelsPagingSchedules(doc: Doc, levels: PlanEscalationLevel[], schedules: PlanSchedule[]): void {
  const byName = new Map(schedules.map((s) => [s.name.toLowerCase(), s.name]));
  for (const level of levels) {
    const named = level.targets.filter((t) => byName.has(t.toLowerCase()));
    if (!named.length) continue;
    level.targets = level.targets.filter((t) => !byName.has(t.toLowerCase()));
    level.schedules = named.map((t) => byName.get(t.toLowerCase())!);
    doc.note(
      `Escalation level ${level.level} pages the schedule${named.length > 1 ? "s" : ""} ${level.schedules.map((n) => `"${n}"`).join(", ")}`,
    );
  }
}
