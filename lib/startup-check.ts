// A bad or missing setting stops the server at start, with a clear message and a non-zero exit,
// instead of surfacing as a failure on some later request. Then the job worker starts (WORKER=inline).
import { EnvError, env } from "@/lib/env";
import { startInlineWorker } from "@/lib/worker/inline-worker";

try {
  env();
} catch (error) {
  console.error(error instanceof EnvError ? `[lifeboat] ${error.message}` : error);
  process.exit(1);
}
startInlineWorker();
