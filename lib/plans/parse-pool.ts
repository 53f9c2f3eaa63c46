// Plan documents are read in worker threads, never on the event loop that serves every other request: at
// most two workers (a burst of uploads queues, it does not spawn a thread each), each reused, and one that
// overruns the time budget is terminated (V8 stops it mid-regex) and the caller gets a 422 that says so.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { planReadEnv } from "@/lib/env";
import type { PlanJob, PlanJobResult } from "./read-job";

const MAX_WORKERS = 2;
const MAX_WAITING = 16;

type Task = { job: PlanJob; timeoutMs: number; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Slot = { worker: Worker; busy: boolean; ready: Promise<void> };

const slots: Slot[] = [];
const waiting: Task[] = [];

/**
 * Where the worker's code is. A production build (`next start`, the standalone image) runs the bundle that
 * `npm run build` writes with esbuild (scripts/lib/plan-worker-bundle.ts); dev, tests and the CLI run the
 * TypeScript source through tsx, so they need no build.
 */
/** A parameter, not a literal: Turbopack would otherwise try to bundle the worker file named at build time. */
function spawn(file: string, options?: WorkerOptions): Worker {
  return new Worker(/* turbopackIgnore: true */ file, options);
}

function startWorker(): Slot {
  const root = /* turbopackIgnore: true */ process.cwd();
  const built = path.join(root, ".next", "plan-worker", "parse-worker.mjs");
  let worker: Worker;
  if (planReadEnv().NODE_ENV === "production" && existsSync(built)) {
    worker = spawn(built);
  } else {
    // `--import tsx` in a worker's execArgv does not reach its loader on Node 20: tsx's API loads the source.
    const api = pathToFileURL(path.join(root, "node_modules", "tsx", "dist", "esm", "api", "index.mjs")).href;
    const source = pathToFileURL(path.join(root, "lib", "plans", "parse-worker.ts")).href;
    worker = spawn(
      `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`,
      { eval: true },
    );
  }
  worker.unref(); // an idle worker does not keep a CLI process alive; a busy one is ref'd while it works
  // The budget starts once the worker has loaded (from source under tsx, that alone can take a second or two).
  const ready = new Promise<void>((resolve) => worker.once("message", () => resolve()));
  const slot = { worker, busy: false, ready };
  slots.push(slot);
  return slot;
}

function drop(slot: Slot) {
  const i = slots.indexOf(slot);
  if (i >= 0) slots.splice(i, 1);
  void slot.worker.terminate();
}

function tooSlow(timeoutMs: number) {
  const seconds = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 100) / 10} s` : `${timeoutMs} ms`;
  return new AppError("VALIDATION", {
    userMessage: `The plan took too long to read (over ${seconds}): Lifeboat stopped reading it. Split it into smaller plans, or remove long runs of repeated characters.`,
  });
}

function run(slot: Slot, task: Task) {
  slot.busy = true;
  slot.worker.ref();
  const { worker } = slot;
  const finish = () => {
    clearTimeout(timer);
    worker.off("message", onMessage);
    worker.off("error", onError);
    worker.off("exit", onExit);
  };
  const next = () => {
    const queued = waiting.shift();
    if (queued) run(slots.includes(slot) ? slot : startWorker(), queued);
  };
  const onMessage = (message: { ok: true; result: unknown } | { ok: false; message: string }) => {
    finish();
    slot.busy = false;
    worker.unref();
    if (message.ok) task.resolve(message.result);
    else task.reject(new Error(`plan reading failed: ${message.message}`));
    next();
  };
  const onError = (error: unknown) => {
    finish();
    drop(slot);
    task.reject(error);
    next();
  };
  const onExit = (code: number) => onError(new Error(`plan reading worker exited (${code})`));
  let timer: NodeJS.Timeout | undefined;
  worker.on("error", onError);
  worker.on("exit", onExit);
  void slot.ready.then(() => {
    if (!slots.includes(slot)) return; // failed while starting: onError has answered
    timer = setTimeout(() => {
      finish();
      drop(slot);
      task.reject(tooSlow(task.timeoutMs));
      next();
    }, task.timeoutMs);
    worker.on("message", onMessage);
    worker.postMessage(task.job);
  });
}

/** Runs one plan job in a worker within the time budget (PLAN_PARSE_TIMEOUT_MS unless given). */
export function runPlanJobOffThread<J extends PlanJob>(
  job: J,
  options: { timeoutMs?: number } = {},
): Promise<PlanJobResult<J>> {
  const timeoutMs = options.timeoutMs ?? planReadEnv().PLAN_PARSE_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const task: Task = { job, timeoutMs, resolve: resolve as (value: unknown) => void, reject };
    const idle = slots.find((s) => !s.busy);
    if (idle) return run(idle, task);
    if (slots.length < MAX_WORKERS) return run(startWorker(), task);
    if (waiting.length >= MAX_WAITING) {
      return reject(
        new AppError("UNAVAILABLE", { userMessage: "Lifeboat is busy reading other plans: try again in a moment" }),
      );
    }
    waiting.push(task);
  });
}
