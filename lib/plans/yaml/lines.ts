// Lines of a YAML plan source: line breaks counted as YAML counts them, and the line a plan path is on
// (through aliases and merge keys), for problems found while or after reading.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  type Document,
  type Node as YamlNode,
  type YAMLMap,
} from "yaml";
import type { PathSegment } from "../paths";

/** Normalises line breaks (CRLF and a lone CR are one break, as in YAML) so that line numbers are right. */
export function normalizeLineBreaks(source: string): string {
  return source.replace(/\r\n?/g, "\n");
}

/** The line of the node at the path, or of its nearest existing parent; for a mapping member, its key's line. */
export function lineOfPath(
  doc: Document.Parsed,
  path: readonly PathSegment[],
  lineAt: (offset: number) => number,
): number {
  let node: unknown = doc.contents;
  let line = doc.contents?.range ? lineAt(doc.contents.range[0]) : 1;
  for (const segment of path) {
    node = resolve(doc, node);
    if (isMap(node)) {
      const pair = findPair(doc, node, String(segment), new Set());
      if (!pair) break;
      const key = pair.key as YamlNode | null;
      const value = pair.value as YamlNode | null;
      const at = key?.range?.[0] ?? value?.range?.[0];
      if (at !== undefined) line = lineAt(at);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as YamlNode | undefined;
      if (!item) break;
      if (item.range) line = lineAt(item.range[0]);
      node = item;
    } else break;
  }
  return line;
}

/**
 * Finds the lines of plan paths ("systems[0].services[1].dependsOn[0]") in a YAML source, for problems found
 * after reading (the importer's, against the database). Parses once; answers undefined if the source does not parse.
 */
export function planLineLocator(source: string): (path: string) => number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(normalizeLineBreaks(source.replace(/^\uFEFF/, "")), {
    lineCounter,
    merge: true,
    prettyErrors: false,
    logLevel: "silent",
  });
  if (doc.errors.length) return () => undefined;
  return (path) => {
    const segments: PathSegment[] = [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) =>
      m[2] !== undefined ? Number(m[2]) : m[1]!,
    );
    return lineOfPath(doc, segments, (offset) => lineCounter.linePos(offset).line);
  };
}

function resolve(doc: Document.Parsed, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(doc);
  return current;
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  return (
    (typeof value === "symbol" && value.description === "<<") ||
    (value === "<<" && (!key.type || key.type === Scalar.PLAIN))
  );
}

/** The pair for a key: the map's own, else one merged in with `<<:` (earlier sources win, as when merging). */
function findPair(
  doc: Document.Parsed,
  map: YAMLMap,
  key: string,
  seen: Set<unknown>,
): { key: unknown; value: unknown } | undefined {
  if (seen.has(map)) return undefined;
  seen.add(map);
  for (const pair of map.items) {
    if (isPair(pair) && !isMergeKey(pair.key) && keyText(pair.key) === key) return pair;
  }
  for (const pair of map.items) {
    if (!isPair(pair) || !isMergeKey(pair.key)) continue;
    const source = resolve(doc, pair.value);
    const sources = isSeq(source) ? source.items.map((item) => resolve(doc, item)) : [source];
    for (const merged of sources) {
      if (!isMap(merged)) continue;
      const found = findPair(doc, merged, key, seen);
      if (found) return found;
    }
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return "";
  return typeof key === "object" ? undefined : String(key);
}
