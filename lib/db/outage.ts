// Work that must not be decided by a brief database outage (a restart, a failover: seconds) is retried
// until the database answers again, instead of failing with it. Only "unreachable" errors are retried
// (lib/errors.ts); any other error is the work's own and is thrown at once.
import { isDatabaseUnreachable } from "@/lib/errors";
import { logger } from "@/lib/log";

export type OutageOptions = { what: string; giveUpMs?: number; maxDelayMs?: number };

/** Past this, an outage is not brief: the error is thrown and the usual recovery paths take over. */
const GIVE_UP_MS = 5 * 60_000;

export async function retryWhileUnreachable<T>(work: () => Promise<T>, options: OutageOptions): Promise<T> {
  const started = Date.now();
  let delay = 250;
  let warned = false;
  for (;;) {
    try {
      const result = await work();
      if (warned) logger.info({ what: options.what, waitedMs: Date.now() - started }, "database back: done");
      return result;
    } catch (error) {
      if (!isDatabaseUnreachable(error) || Date.now() - started > (options.giveUpMs ?? GIVE_UP_MS)) throw error;
      // Once per outage, not every attempt.
      if (!warned)
        logger.warn(
          { what: options.what, reason: (error as Error).message.split("\n").filter(Boolean).at(-1) },
          "database unreachable; retrying until it is back",
        );
      warned = true;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, options.maxDelayMs ?? 2000);
    }
  }
}
