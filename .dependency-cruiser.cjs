// Import rules CI holds (`npm run lint`, or alone `npm run lint:cycles`): no file cycles, and lib/ in layers. LAYERS is the order of
// lib's folders and top-level files from the bottom up: a file may import its own entry and earlier ones, never
// a later one, so no folder cycle can form. A new lib folder joins the list where its imports put it. Nested
// entries (lib/api/json.ts inside lib/api) come before their folder, and win over it for the files they match.
// Composition roots that wire many domains together (worker handler table, seed, plans, readiness) sit last.
// Tests (*.test.ts) may import anything: they wire the real pieces together and no code imports them.

/** @type {string[]} bottom first */
const LAYERS = [
  "lib/generated", // Prisma's generated client
  "lib/env.ts",
  "lib/errors.ts",
  "lib/canonical-json.ts",
  "lib/storable-text.ts",
  "lib/storable-time.ts",
  "lib/format.ts",
  "lib/security", // outbound guard, step-secret redaction
  "lib/log", // logger, request context, log redaction
  "lib/db",
  "lib/api/json.ts", // JSON answers and body limits, used by the route observer below lib/api's wrapper
  "lib/observability", // metrics registry, request ids, route/action observers, worker heartbeats
  "lib/audit",
  "lib/auth",
  "lib/navigation.ts",
  "lib/tokens",
  "lib/users",
  "lib/actions", // the server-action client
  "lib/api", // the route wrapper
  "lib/jobs", // queues and the job sink
  "lib/inventory",
  "lib/backups",
  "lib/compliance",
  "lib/oncall", // schedules, rotations, who is on call (people and incidents page through it)
  "lib/people",
  "lib/incidents",
  "lib/demo-fleet",
  "lib/recovery",
  // Composition roots.
  "lib/breakglass",
  "lib/plans",
  "lib/seed",
  "lib/operate", // domain metrics, readiness
  "lib/worker", // the job worker's handler table
  "lib/startup-check.ts",
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const pattern = (entry) => `^${escape(entry)}${entry.endsWith(".ts") ? "$" : "/"}`;
const any = (entries) => entries.map(pattern).join("|");
const nestedIn = (outer, inner) => inner !== outer && inner.startsWith(`${outer}/`);
const TESTS = "\\.test\\.tsx?$";

LAYERS.forEach((entry, i) => {
  if (LAYERS.indexOf(entry) !== i) throw new Error(`.dependency-cruiser.cjs: ${entry} is listed twice`);
  const late = LAYERS.slice(i + 1).find((inner) => nestedIn(entry, inner));
  if (late) throw new Error(`.dependency-cruiser.cjs: ${late} must come before ${entry}, the folder it is in`);
});

const layerRules = LAYERS.slice(0, -1).map((entry, i) => {
  const allowed = LAYERS.slice(0, i + 1);
  const nested = allowed.filter((inner) => nestedIn(entry, inner));
  return {
    name: `layer:${entry}`,
    comment: `${entry} may import only itself and the entries before it in LAYERS (.dependency-cruiser.cjs).`,
    severity: "error",
    from: { path: pattern(entry), pathNot: [TESTS, ...nested.map(pattern)] },
    to: { path: any(LAYERS.slice(i + 1)), pathNot: any(allowed) },
  };
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No file imports itself through others: split what both need into a third file.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-in-layers",
      comment:
        "Every lib file belongs to an entry of LAYERS (.dependency-cruiser.cjs): add a new folder where its imports put it.",
      severity: "error",
      from: { path: "^lib/", pathNot: [TESTS, any(LAYERS)] },
      to: {},
    },
    {
      name: "lib-not-surfaces",
      comment: "lib/ is what app/, components/, scripts/ and tests build on; it never imports them (its tests may).",
      severity: "error",
      from: { path: "^lib/", pathNot: TESTS },
      to: { path: "^(app|components|scripts|e2e|test)/" },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/generated/" },
    // Type-only imports couple folders too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
