// `npm run bench`: every benchmark in turn, each on its own throwaway embedded Postgres with its own large
// dataset and production server, then ONE table: each Lifeboat figure next to its raw baseline measured in
// the same run, with the machine (cores, memory, load) and the total time. The benches' own detailed
// reports go to a log file (printed at the end); `npm run bench:<name>` runs one alone with its report.
//   npm run bench                          all of them
//   npm run bench -- inventory recovery    some of them
//   npm run bench -- --markdown            the table as Markdown too (for the README)
//   npm run bench -- oncall --schedules 2000   the on-call bench with more schedules
import { appendFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runBackupsBench } from "./bench-backups";
import { runColdStartBench } from "./bench-cold-start";
import { runComplianceBench } from "./bench-compliance";
import { runIncidentsBench } from "./bench-incidents";
import { runInventoryBench } from "./bench-inventory";
import { runOnCallBench } from "./bench-oncall";
import { runPageAckBench } from "./bench-page-ack";
import { runRecoveryBench } from "./bench-recovery";
import { wasInterrupted, type Bench, type SummaryRow } from "./lib/bench-run";
import { ensureBuild } from "./lib/ensure-build";
import { exitWhenFlushed } from "./lib/exit";

const BENCHES: { name: string; script: string; run: Bench }[] = [
  { name: "inventory", script: "bench:inventory", run: runInventoryBench },
  { name: "compliance", script: "bench:compliance", run: runComplianceBench },
  { name: "backups", script: "bench:backups", run: runBackupsBench },
  { name: "incidents", script: "bench:incidents", run: runIncidentsBench },
  { name: "recovery", script: "bench:recovery", run: runRecoveryBench },
  { name: "cold-start", script: "bench:cold-start", run: runColdStartBench },
  { name: "oncall", script: "bench:oncall", run: (options) => runOnCallBench(options, process.argv.slice(2)) },
  { name: "page-ack", script: "bench:page-ack", run: runPageAckBench },
];

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

type Line = SummaryRow & { bench: string };

function table(lines: Line[]): string[] {
  const header: Line = {
    bench: "bench",
    measurement: "measurement",
    lifeboat: "Lifeboat",
    baseline: "raw baseline (same run)",
    ratio: "ratio",
    note: "note",
  };
  const cells = (l: Line) => [l.bench, l.measurement, l.lifeboat, l.baseline, l.ratio ?? "", l.note ?? ""];
  const widths = cells(header).map((_, i) => Math.max(...[header, ...lines].map((l) => cells(l)[i]!.length)));
  const format = (l: Line) =>
    cells(l)
      .map((c, i) => (i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [format(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(format)];
}

function markdown(lines: Line[]): string[] {
  const escape = (text: string) => text.replace(/\|/g, "\\|");
  return [
    "| bench | measurement | Lifeboat | raw baseline (same run) | ratio | note |",
    "|---|---|---|---|---|---|",
    ...lines.map(
      (l) =>
        `| ${[l.bench, l.measurement, l.lifeboat, l.baseline, l.ratio ?? "", l.note ?? ""].map(escape).join(" | ")} |`,
    ),
  ];
}

async function main() {
  const args = process.argv.slice(2);
  // Flags and the values of the flags that take one (--schedules N) are not bench names.
  const wanted = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--schedules");
  const unknown = wanted.filter((name) => !BENCHES.some((b) => b.name === name));
  if (unknown.length)
    throw new Error(`Unknown bench: ${unknown.join(", ")} (known: ${BENCHES.map((b) => b.name).join(", ")})`);
  const selected = wanted.length ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;

  const began = performance.now();
  const startedAt = new Date();
  const loadBefore = load();
  const logFile = path.join(os.tmpdir(), `lifeboat-bench-${startedAt.toISOString().replace(/[:.]/g, "-")}.log`);
  writeFileSync(logFile, `npm run bench, ${startedAt.toISOString()}\n`);
  const write = (line: string) => appendFileSync(logFile, `${line}\n`);

  await ensureBuild((line) => console.log(line));
  const lines: Line[] = [];
  const problems: string[] = [];
  const timings: string[] = [];
  for (const [i, bench] of selected.entries()) {
    const benchStarted = performance.now();
    console.log(`\n[${i + 1}/${selected.length}] ${bench.name} (npm run ${bench.script}), load ${load()}`);
    write(`\n===== ${bench.name} (npm run ${bench.script}) =====`);
    try {
      const result = await bench.run({
        built: true,
        log: (line) => {
          console.log(`  ${line}`);
          write(line);
        },
        report: write,
      });
      lines.push(...result.rows.map((row) => ({ bench: bench.name, ...row })));
      problems.push(...result.problems.map((p) => `${bench.name}: ${p}`));
    } catch (error) {
      if (wasInterrupted()) return;
      const message = (error as Error).message.split("\n")[0]!;
      console.error(`  ${bench.name} failed: ${(error as Error).stack ?? message}`);
      write(`FAILED: ${(error as Error).stack ?? message}`);
      lines.push({ bench: bench.name, measurement: "(failed)", lifeboat: "", baseline: "", note: message });
      problems.push(`${bench.name} failed: ${message}`);
    }
    timings.push(`${bench.name} ${seconds(performance.now() - benchStarted)}`);
  }

  const cpus = os.cpus();
  const machine = `${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, ${os.platform()} ${os.release()}`;
  const summary = [
    "",
    `npm run bench — ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `Machine: ${machine}; app, Postgres and load generators share it.`,
    `Load average before / after: ${loadBefore} / ${load()}. Total ${seconds(performance.now() - began)} (${timings.join(", ")}).`,
    "ratio: Lifeboat's cost in units of the raw baseline's (times: Lifeboat ÷ raw; rates: raw ÷ Lifeboat).",
    "",
    ...table(lines),
  ];
  if (args.includes("--markdown")) summary.push("", ...markdown(lines));
  if (problems.length) summary.push("", `Problems: ${problems.join("; ")}`);
  summary.push("", `Each bench's detailed report: ${logFile}`);
  for (const line of summary) console.log(line);
  write(summary.join("\n"));
  if (problems.length) process.exitCode = 1;
}

main().then(
  () => exitWhenFlushed(),
  (error) => {
    if (wasInterrupted()) return;
    console.error(error);
    exitWhenFlushed(1);
  },
);
