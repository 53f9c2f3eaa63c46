// `npm run plan:corpus [-- --verbose]`: reads every fixture of test/plans/corpus with the Markdown extractor and
// prints, per fixture, the stated facts found, missed and invented, then totals per language and per shape.
// Exit 1 when the floors (scripts/lib/plan-corpus.ts) are not met. The unit suite holds the same floors.
import { belowFloors, readCorpus, scoreFixture, totals, type FixtureScore } from "./lib/plan-corpus";

const verbose = process.argv.includes("--verbose");
const scores = readCorpus().map(scoreFixture);
const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(4);

for (const s of scores) {
  const t = totals([s]);
  console.log(
    `${pct(t.share)}  ${String(t.found).padStart(3)} found ${String(t.missed).padStart(3)} missed ${String(t.invented).padStart(2)} invented  ${s.language}  ${s.name}`,
  );
  if (verbose) for (const m of s.missed) console.log(`        missed   ${m}`);
  for (const i of s.invented) console.log(`        INVENTED ${i}`);
}

function group(label: string, by: (s: FixtureScore) => string[]) {
  const keys = [...new Set(scores.flatMap(by))].sort();
  console.log(`\nBy ${label}:`);
  for (const key of keys) {
    const t = totals(scores.filter((s) => by(s).includes(key)));
    console.log(
      `  ${pct(t.share)}  ${t.found}/${t.found + t.missed} found, ${t.invented} invented, ${t.fixtures} fixture${t.fixtures > 1 ? "s" : ""}  ${key}`,
    );
  }
}
group("language", (s) => [s.language]);

// Per kind of fact (the first word of each found or missed fact), English and the other languages.
const kindOf = (label: string) => label.split(" ")[0]!.toLowerCase();
console.log("\nBy kind of fact (English | other languages):");
for (const kind of ["system", "rto", "rpo", "backup", "retention", "procedure", "command", "schedule"]) {
  const cell = (list: FixtureScore[]) => {
    const found = list.flatMap((s) => s.found).filter((l) => kindOf(l) === kind).length;
    const missed = list.flatMap((s) => s.missed).filter((l) => kindOf(l) === kind).length;
    return `${found}/${found + missed}`.padStart(8);
  };
  const en = scores.filter((s) => s.language === "en");
  console.log(`  ${kind.padEnd(10)} ${cell(en)} | ${cell(scores.filter((s) => s.language !== "en"))}`);
}
if (verbose) group("shape", (s) => s.shapes);
const all = totals(scores);
console.log(
  `\nTotal: ${all.fixtures} fixtures, ${all.found}/${all.found + all.missed} stated facts found (${pct(all.share).trim()}), ${all.invented} invented`,
);
const failures = belowFloors(scores);
for (const f of failures) console.log(`BELOW FLOOR: ${f}`);
process.exitCode = failures.length ? 1 : 0;
