// A bad or missing setting stops the server at start, with a clear message and a non-zero exit,
// instead of surfacing as a failure on some later request.
import { EnvError, env } from "@/lib/env";

try {
  env();
} catch (error) {
  console.error(error instanceof EnvError ? `[lifeboat] ${error.message}` : error);
  process.exit(1);
}
