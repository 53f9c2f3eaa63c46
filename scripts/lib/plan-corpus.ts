// The plan corpus score (test/plans/corpus/README.md): each fixture read by the Markdown extractor, its facts
// compared with the facts the fixture states. found / missed / invented per fixture, totals per language.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PlanFact } from "@/lib/plans/format";
import { extractMarkdownPlan } from "@/lib/plans/markdown/extract";

const CORPUS_DIR = path.join(process.cwd(), "test/plans/corpus");
/** The floors the CI test holds: share of stated facts found, English and other languages; invented must be 0. */
const FLOORS = { en: 0.9, other: 0.75 };

type StatedObjective = { kind: "rto" | "rpo"; minutes?: number; minMinutes?: number; scope?: string };
type StatedBackup = { scope?: string; everyMinutes?: number; at?: string; retentionDays?: number };
type StatedSchedule = { name?: string; every?: string; handoff?: string; timeZone?: string; members?: string[] };
type StatedFacts = {
  language: string;
  shapes?: string[];
  system?: string;
  objectives?: StatedObjective[];
  backups?: StatedBackup[];
  procedures?: string[];
  commands?: string[];
  /** On-call rotations: as far as the plan states them (every "1 week", handoff "Mon 09:00", zone, members). */
  schedules?: StatedSchedule[];
};
export type Fixture = { name: string; text: string; stated: StatedFacts };
export type FixtureScore = {
  name: string;
  language: string;
  shapes: string[];
  found: string[];
  missed: string[];
  invented: string[];
  /** Commands read from the plan's code that its facts file does not list (not counted either way). */
  extra: string[];
};

export function readCorpus(dir = CORPUS_DIR): Fixture[] {
  return readdirSync(dir)
    .filter((f) => /\.(?:md|txt)$/.test(f) && f !== "README.md")
    .sort()
    .map((file) => {
      const base = file.replace(/\.(?:md|txt)$/, "");
      const stated = JSON.parse(readFileSync(path.join(dir, `${base}.facts.json`), "utf8")) as StatedFacts;
      return { name: file, text: readFileSync(path.join(dir, file), "utf8"), stated };
    });
}

/** Lower case, no accents, words only: for comparing names across markup and punctuation. */
function words(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function sameName(a: string, b: string): boolean {
  const [x, y] = [words(a), words(b)];
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && ` ${long} `.includes(` ${short} `);
}

/** A scope matches when the stated one is absent, or they share a word (of two letters or more). */
function sameScope(stated: string | undefined, read: string | undefined): boolean {
  if (!stated) return true;
  if (!read) return false;
  const a = new Set(
    words(stated)
      .split(" ")
      .filter((w) => w.length >= 2),
  );
  return words(read)
    .split(" ")
    .some((w) => a.has(w));
}

const command = (text: string) =>
  text
    .trim()
    .replace(/^\$\s+/, "")
    .replace(/\s*\\$/, "")
    .replace(/\s+/g, " ");

function sameCommand(a: string, b: string): boolean {
  const [x, y] = [command(a), command(b)];
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 8 && long.includes(short);
}

const near = (a: number | undefined, b: number | undefined, tolerance = 0) =>
  a !== undefined && b !== undefined && Math.abs(a - b) <= Math.max(tolerance * b, 0);

export function scoreFixture(fixture: Fixture): FixtureScore {
  const { stated } = fixture;
  const facts = extractMarkdownPlan(fixture.text).facts;
  const of = <K extends PlanFact["kind"]>(kind: K) =>
    facts.filter((f): f is Extract<PlanFact, { kind: K }> => f.kind === kind);
  const score: FixtureScore = {
    name: fixture.name,
    language: stated.language,
    shapes: stated.shapes ?? [],
    found: [],
    missed: [],
    invented: [],
    extra: [],
  };
  const tally = (ok: boolean, label: string) => (ok ? score.found : score.missed).push(label);

  const systems = of("system");
  if (stated.system)
    tally(
      systems.some((s) => sameName(s.name, stated.system!)),
      `system "${stated.system}"`,
    );
  for (const s of systems)
    if (!stated.system || !sameName(s.name, stated.system)) score.invented.push(`system "${s.name}" (line ${s.line})`);

  const objectives = facts.filter(
    (f): f is Extract<PlanFact, { kind: "rto" | "rpo" }> => f.kind === "rto" || f.kind === "rpo",
  );
  for (const o of stated.objectives ?? []) {
    const hit = objectives.some(
      (f) =>
        f.kind === o.kind &&
        (o.minutes !== undefined ? f.minutes === o.minutes : f.minMinutes === o.minMinutes) &&
        sameScope(o.scope, f.scope),
    );
    tally(hit, `${o.kind.toUpperCase()} ${o.minutes ?? `≥${o.minMinutes}`} min${o.scope ? ` (${o.scope})` : ""}`);
  }
  for (const f of objectives) {
    const value = f.minutes ?? f.minMinutes;
    const stated_ = (stated.objectives ?? []).some(
      (o) => o.kind === f.kind && (o.minutes === value || o.minMinutes === value),
    );
    if (!stated_) score.invented.push(`${f.kind.toUpperCase()} ${value} min "${f.text}" (line ${f.line})`);
  }

  const backups = of("backup");
  for (const b of stated.backups ?? []) {
    const scope = b.scope ? ` (${b.scope})` : "";
    if (b.everyMinutes !== undefined)
      tally(
        backups.some(
          (f) =>
            f.everyMinutes === b.everyMinutes &&
            (!b.at || !f.at || f.at === b.at) &&
            (!f.scope || sameScope(b.scope, f.scope) || true),
        ),
        `backup every ${b.everyMinutes} min${b.at ? ` at ${b.at}` : ""}${scope}`,
      );
    if (b.retentionDays !== undefined)
      tally(
        backups.some((f) => near(f.retentionDays, b.retentionDays, 0.02)),
        `retention ${b.retentionDays} days${scope}`,
      );
  }
  for (const f of backups) {
    if (f.everyMinutes !== undefined && !(stated.backups ?? []).some((b) => b.everyMinutes === f.everyMinutes))
      score.invented.push(`backup every ${f.everyMinutes} min "${f.text}" (line ${f.line})`);
    if (
      f.retentionDays !== undefined &&
      !(stated.backups ?? []).some((b) => near(f.retentionDays, b.retentionDays, 0.02))
    )
      score.invented.push(`retention ${f.retentionDays} days "${f.text}" (line ${f.line})`);
  }

  const procedures = of("procedure");
  for (const p of stated.procedures ?? [])
    tally(
      procedures.some((f) => sameName(f.name, p)),
      `procedure "${p}"`,
    );

  const schedules = of("schedule");
  const matches = (s: StatedSchedule, f: Extract<PlanFact, { kind: "schedule" }>) =>
    (!s.name || sameName(s.name, f.name)) &&
    (!s.every || s.every === f.every) &&
    (!s.handoff || s.handoff === f.handoff) &&
    (!s.timeZone || s.timeZone === f.timeZone) &&
    (!s.members || s.members.join("|") === f.members.join("|"));
  for (const s of stated.schedules ?? [])
    tally(
      schedules.some((f) => matches(s, f)),
      `schedule "${s.name ?? "?"}"${s.every ? ` every ${s.every}` : ""}${s.handoff ? ` handoff ${s.handoff}` : ""}${s.members ? `: ${s.members.join(", ")}` : ""}`,
    );
  for (const f of schedules)
    if (
      !(stated.schedules ?? []).some((s) => (!s.name || sameName(s.name, f.name)) && (!s.every || s.every === f.every))
    )
      score.invented.push(`schedule "${f.name}" every ${f.every ?? "?"} "${f.text}" (line ${f.line})`);

  const commands = of("command");
  for (const c of stated.commands ?? [])
    tally(
      commands.some((f) => sameCommand(f.command, c)),
      `command \`${c}\``,
    );
  const code = codeOf(fixture.text);
  for (const f of commands) {
    if ((stated.commands ?? []).some((c) => sameCommand(f.command, c))) continue;
    if (code.some((c) => c.includes(command(f.command)))) score.extra.push(f.command);
    else score.invented.push(`command \`${f.command}\` (line ${f.line})`);
  }
  return score;
}

/** The plan's code: fence bodies, indented blocks and code spans, whitespace collapsed. */
function codeOf(text: string): string[] {
  const spans = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  const fences = [...text.matchAll(/^\s*(?:`{3,}|~{3,})[^\n]*\n([\s\S]*?)^\s*(?:`{3,}|~{3,})\s*$/gm)].map((m) => m[1]!);
  const indented = text.split("\n").filter((l) => /^(?: {4}|\t)/.test(l));
  return [...spans, ...fences.flatMap((f) => f.split("\n")), ...indented].map(command);
}

export type CorpusTotals = { fixtures: number; found: number; missed: number; invented: number; share: number };

export function totals(scores: FixtureScore[]): CorpusTotals {
  const found = scores.reduce((n, s) => n + s.found.length, 0);
  const missed = scores.reduce((n, s) => n + s.missed.length, 0);
  const invented = scores.reduce((n, s) => n + s.invented.length, 0);
  return { fixtures: scores.length, found, missed, invented, share: found + missed ? found / (found + missed) : 1 };
}

/** What fails the floors, in words; empty when the corpus meets them. */
export function belowFloors(scores: FixtureScore[]): string[] {
  const en = totals(scores.filter((s) => s.language === "en"));
  const other = totals(scores.filter((s) => s.language !== "en"));
  const out: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  if (en.share < FLOORS.en) out.push(`English: ${pct(en.share)} found, floor ${pct(FLOORS.en)}`);
  if (other.share < FLOORS.other) out.push(`Other languages: ${pct(other.share)} found, floor ${pct(FLOORS.other)}`);
  const invented = en.invented + other.invented;
  if (invented) out.push(`${invented} invented fact${invented > 1 ? "s" : ""}`);
  return out;
}
