// The one way in for a plan document (CLI, server action, upload route): size and text checks first, then
// the format (by file extension, else by content), then the Markdown extractor or the YAML reader.
import { LineCounter, isMap, parseDocument } from "yaml";
import { MAX_PLAN_BYTES, type PlanProblem, type PlanReading } from "./format";
import { extractMarkdownPlan } from "./markdown/extract";
import { normalizeLineBreaks } from "./yaml/lines";
import { parsePlanYaml, type PlanReadOptions } from "./yaml/read";

export type PlanDocumentInput = { name?: string; text: string } | { name?: string; bytes: Uint8Array };
export type PlanFormat = PlanReading["format"];

/**
 * Reads an uploaded or given plan document. Refusals (too big, not text, empty, neither format) come back as a
 * reading with one problem and an empty plan. `options.known` reaches the YAML reader's dependsOn check.
 */
export function readPlanDocument(input: PlanDocumentInput, options: PlanReadOptions = {}): PlanReading {
  const byExtension = formatFromName(input.name);
  const refuse = (message: string, format: PlanFormat = byExtension ?? "yaml"): PlanReading =>
    problemReading(format, { message });

  const size = "bytes" in input ? input.bytes.byteLength : Buffer.byteLength(input.text, "utf8");
  if (size > MAX_PLAN_BYTES)
    return refuse(`The plan is ${megabytes(size)}: at most ${MAX_PLAN_BYTES / (1024 * 1024)} MB`);

  let text: string;
  if ("bytes" in input) {
    if (input.bytes.includes(0)) return refuse(NOT_TEXT);
    try {
      // fatal: invalid UTF-8 is refused, not patched with U+FFFD; the decoder drops a BOM.
      text = new TextDecoder("utf-8", { fatal: true }).decode(input.bytes);
    } catch {
      return refuse(NOT_TEXT);
    }
  } else {
    text = input.text;
    if (text.includes("\u0000")) return refuse(NOT_TEXT);
  }
  text = normalizeLineBreaks(text.replace(/^\uFEFF/, ""));
  if (text.trim() === "") return refuse("The document is empty");

  const format = byExtension ?? formatFromContent(text);
  if (!format) {
    return refuse(
      "Neither Markdown nor a YAML plan: expected a Markdown DR plan (headings, tables) or YAML with a top-level systems: key",
    );
  }
  return format === "markdown" ? extractMarkdownPlan(text) : parsePlanYaml(text, options);
}

const NOT_TEXT = "Not a text file: a plan is Markdown or YAML, as UTF-8 text";

function problemReading(format: PlanFormat, problem: PlanProblem): PlanReading {
  return { format, plan: { systems: [] }, problems: [problem], unparsed: [], notFound: [], notes: [], facts: [] };
}

/** 2.3 MB; a size just over the limit reads as just over it (2.1 MB), never as the limit. */
function megabytes(bytes: number): string {
  const MiB = 1024 * 1024;
  let tenths = Math.round((bytes * 10) / MiB);
  if (bytes > MAX_PLAN_BYTES) tenths = Math.max(tenths, Math.floor((MAX_PLAN_BYTES * 10) / MiB) + 1);
  return `${(tenths / 10).toFixed(1)} MB`;
}

/** .md/.markdown → Markdown; .yaml/.yml/.json (JSON is YAML) → YAML; anything else is decided by content. */
export function formatFromName(name: string | undefined): PlanFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(name?.trim() ?? "")?.[1]?.toLowerCase();
  if (extension === "md" || extension === "markdown") return "markdown";
  if (extension === "yaml" || extension === "yml" || extension === "json") return "yaml";
  return undefined;
}

const TOP_LEVEL_PLAN_KEY = /^["']?(?:systems|version)["']?[ \t]*:/m;
const MARKDOWN_HEADING = /^#{1,6}[ \t]+\S/m;
const MARKDOWN_TABLE = /^[ \t]*\|.*\|[ \t]*$/m;

/**
 * YAML when the document is a mapping with a top-level `systems:` or `version:` key (a plan's own header
 * comment looks like a Markdown heading, so YAML is tried first); Markdown when it has a heading or a pipe
 * table; YAML again when a top-level `systems:` line is there but the YAML is broken (its errors are worth
 * reporting); otherwise undecided.
 */
export function formatFromContent(text: string): PlanFormat | undefined {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, logLevel: "error" });
  if (isMap(doc.contents) && (doc.contents.has("systems") || doc.contents.has("version"))) return "yaml";
  if (MARKDOWN_HEADING.test(text) || MARKDOWN_TABLE.test(text)) return "markdown";
  if (TOP_LEVEL_PLAN_KEY.test(text)) return "yaml";
  return undefined;
}
