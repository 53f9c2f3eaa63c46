// `npm run plan -- import <file.md|file.yaml> [--dry-run] [--json] [--system NAME]`
// `npm run plan -- export [--system NAME]`
// With --dry-run --json, import only reads the file (no Lifeboat needed): it prints the plan it extracted, in
// the export's shape, as JSON on stdout, and what it could not use on stderr. Otherwise it talks to a Lifeboat:
// over HTTP when LIFEBOAT_URL and LIFEBOAT_TOKEN are set (a token with plans:write to import, plans:read to export:
// what a team's CI uses), else directly to the database the app uses (DATABASE_URL, or the embedded one).
// Import previews first and applies only what that preview listed (refused if Lifeboat changed in between).
// Exit codes: 0 done, 1 problems (nothing applied), 2 usage.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { planCliEnv } from "@/lib/env";
import { MAX_PLAN_BYTES } from "@/lib/plans/format";
import { importDocument, readForImport, type ImportReport } from "@/lib/plans/document";
import { exportPlan } from "@/lib/plans/export";
import { factLine } from "@/lib/plans/fact-text";
import { orderedPlan, planToYaml } from "@/lib/plans/yaml/write";
import { withAppDatabase } from "./lib/database";
import { exitWhenFlushed } from "./lib/exit";

const USAGE =
  "usage: npm run plan -- import <file.md|file.yaml> [--dry-run] [--json] [--system NAME]\n       npm run plan -- export [--system NAME]";

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: { "dry-run": { type: "boolean" }, json: { type: "boolean" }, system: { type: "string" } },
});
if (command !== "import" && command !== "export") fail(USAGE);

const { LIFEBOAT_URL, LIFEBOAT_TOKEN } = (() => {
  try {
    return planCliEnv();
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (LIFEBOAT_URL?.startsWith("http://") && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(LIFEBOAT_URL)) {
  console.error("warning: LIFEBOAT_URL is plain http://: the token crosses the network unencrypted. Use https://.");
}
const remote = LIFEBOAT_URL
  ? {
      url: LIFEBOAT_URL.replace(/\/+$/, ""),
      token: LIFEBOAT_TOKEN ?? fail("LIFEBOAT_URL is set: set LIFEBOAT_TOKEN too (npm run token -- create …)"),
    }
  : null;

async function callLifeboat(pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${remote!.url}${pathAndQuery}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${remote!.token}` },
  });
  if (response.status === 401 || response.status === 403)
    fail(`Lifeboat refused the token (${response.status}): ${(await response.text()).slice(0, 300)}`, 1);
  return response;
}

function printReport(report: ImportReport, applied: boolean) {
  const { reading, outcome } = report;
  const problems = [...reading.problems, ...(outcome?.problems ?? [])];
  for (const p of problems) console.error(`problem${p.line ? ` (line ${p.line})` : ""}: ${p.message}`);
  for (const change of outcome?.changes ?? []) {
    if (change.action === "unchanged") continue;
    console.log(`${change.action.padEnd(7)} ${change.entity}: ${change.name}`);
    for (const detail of change.details) console.log(`          ${detail}`);
  }
  for (const fact of reading.facts) console.log(`states: ${factLine(fact)}`);
  for (const note of outcome?.interpretations ?? []) console.log(`read as: ${note.message}`);
  for (const missing of reading.notFound) console.log(`not found: ${missing}`);
  if (reading.unparsed.length)
    console.log(
      `${reading.unparsed.length} lines not understood (not imported): ${reading.unparsed.map((l) => l.line).join(", ")}`,
    );
  if (outcome) {
    const c = outcome.counts;
    console.log(
      `${applied ? "Applied" : problems.length ? "Nothing applied" : "Preview (nothing applied)"}: ${c.create} to create, ${c.update} to change, ${c.skip} skipped, ${c.unchanged} unchanged.`,
    );
  }
}

async function importCommand() {
  const file = positionals[0] ?? fail(USAGE);
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? fail(`No such file: ${file}`);
  if (size > MAX_PLAN_BYTES) fail(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB: a plan is at most 2 MB`, 1);
  let text: string;
  try {
    // Strict: invalid UTF-8 is refused (as the server does), not patched with U+FFFD.
    text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch {
    fail(`${file} is not a text file: a plan is Markdown or YAML, as UTF-8 text`, 1);
  }
  const request = { text, fileName: path.basename(file), systemName: values.system };

  if (values["dry-run"] && values.json) {
    // Offline: what the document says, in the export's shape. Nothing is read from or written to a Lifeboat.
    const { plan, ...reading } = await readForImport(request);
    for (const p of reading.problems) console.error(`problem${p.line ? ` (line ${p.line})` : ""}: ${p.message}`);
    for (const fact of reading.facts) console.error(`states: ${factLine(fact)}`);
    for (const missing of reading.notFound) console.error(`not found: ${missing}`);
    for (const l of reading.unparsed) console.error(`not understood, line ${l.line}: ${l.text}`);
    console.log(JSON.stringify(orderedPlan(plan), null, 2));
    process.exitCode = reading.problems.length ? 1 : 0;
    return;
  }

  const run = async (apply: boolean, fingerprint?: string): Promise<{ report: ImportReport; status: number }> => {
    if (!remote) {
      const report = await withAppDatabase((db) =>
        importDocument(db, { system: "cli" }, request, { apply, canEditTiers: true, expectedFingerprint: fingerprint }),
      );
      return { report, status: 200 };
    }
    const query = new URLSearchParams({
      name: request.fileName,
      ...(values.system && { system: values.system }),
      ...(apply ? { fingerprint: fingerprint! } : { dryRun: "true" }),
    });
    const response = await callLifeboat(`/api/v1/plans/import?${query}`, {
      method: "POST",
      body: request.text,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
    const body = await response.json();
    if (response.status === 409 || response.status >= 500 || response.status === 413)
      fail(`Lifeboat answered ${response.status}: ${body.error ?? JSON.stringify(body)}`, 1);
    return { report: body as ImportReport, status: response.status };
  };

  const preview = await run(false);
  const failed = (r: ImportReport) => !r.outcome || r.reading.problems.length > 0 || r.outcome.problems.length > 0;
  if (values["dry-run"] || failed(preview.report)) {
    if (values.json) console.log(JSON.stringify(preview.report, null, 2));
    else printReport(preview.report, false);
    process.exitCode = failed(preview.report) ? 1 : 0;
    return;
  }
  const applied = await run(true, preview.report.outcome!.fingerprint);
  if (values.json) console.log(JSON.stringify(applied.report, null, 2));
  else printReport(applied.report, Boolean(applied.report.outcome?.applied));
  process.exitCode = applied.report.outcome?.applied ? 0 : 1;
}

async function exportCommand() {
  if (remote) {
    const response = await callLifeboat(
      `/api/v1/plans${values.system ? `?system=${encodeURIComponent(values.system)}` : ""}`,
    );
    if (!response.ok) fail(`Lifeboat answered ${response.status}: ${(await response.text()).slice(0, 300)}`, 1);
    process.stdout.write(await response.text());
    return;
  }
  const plan = await withAppDatabase((db) => exportPlan(db, values.system ? { system: values.system } : {}));
  if (values.system && plan.systems.length === 0) fail(`No system named "${values.system}"`, 1);
  process.stdout.write(planToYaml(plan));
}

try {
  await (command === "import" ? importCommand() : exportCommand());
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
exitWhenFlushed();
