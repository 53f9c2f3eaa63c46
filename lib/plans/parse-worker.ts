// The worker thread that reads plan documents, so a slow document never holds the web server's event loop
// (lib/plans/parse-pool.ts starts it, gives it one job at a time, and terminates it past the time budget).
import { parentPort } from "node:worker_threads";
import { runPlanJob, type PlanJob } from "./read-job";

parentPort!.postMessage({ ready: true }); // the pool starts the time budget from here

parentPort!.on("message", (job: PlanJob) => {
  try {
    parentPort!.postMessage({ ok: true, result: runPlanJob(job) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
