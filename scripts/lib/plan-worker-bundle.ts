// Bundles the plan-reading worker (lib/plans/parse-worker.ts) into one plain-JS file that a production server
// starts with worker_threads: Next's bundler makes no Node worker entry, and `next start` and the standalone
// image have no tsx. The Dockerfile copies .next/plan-worker/ next to the standalone server.js.
import path from "node:path";
import { build } from "esbuild";

const PLAN_WORKER_DIR = path.join(".next", "plan-worker");

export async function bundlePlanWorker(root = process.cwd()): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: { "parse-worker": "lib/plans/parse-worker.ts" },
    outdir: PLAN_WORKER_DIR,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"), // the `@/` import alias
    // Bundled CommonJS packages (yaml) call require() for Node's built-ins; give the ESM output a real one.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    legalComments: "none",
    logLevel: "warning",
  });
}
