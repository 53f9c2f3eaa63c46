// Starts the worker inside the app process unless WORKER=off. Retries in the background while the database
// is unreachable, so the app still starts (and shows the outage) when Postgres is down.
import { env } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { getBoss } from "@/lib/jobs/boss";
import { startWorker } from "./worker";

export function startInlineWorker(retryMs = 5000) {
  if (env().WORKER === "off") return;
  const attempt = () =>
    getBoss(env().DATABASE_URL)
      .then((boss) => startWorker(getDb(), boss))
      .catch((error) => {
        logger.warn({ err: error }, "job worker could not start; retrying");
        setTimeout(attempt, retryMs).unref();
      });
  void attempt();
}
