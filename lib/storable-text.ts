// Postgres text is UTF-8 without NUL. A NUL, or a lone UTF-16 surrogate (JSON and URLs can carry one,
// e.g. "\ud800"; UTF-8 cannot, so the driver would silently store U+FFFD instead), can never be stored as
// sent: inputs holding either are refused before any write, naming where the text is.
export type UnstorableText = { field: string; message: string };

/** The first string (key or value, at any depth) that cannot be stored verbatim, or null. Iterative: input may nest deeply. */
export function findUnstorableText(value: unknown): UnstorableText | null {
  // Each entry points at its parent, so the path is built only for the string that is refused.
  type Entry = { value: unknown; key?: string; parent?: Entry };
  const stack: Entry[] = [{ value }];
  while (stack.length) {
    const entry = stack.pop()!;
    if (typeof entry.value === "string") {
      const problem = textProblem(entry.value);
      if (problem) return { field: pathOf(entry), message: problem };
    } else if (entry.value && typeof entry.value === "object") {
      for (const [key, child] of Object.entries(entry.value)) {
        const problem = textProblem(key);
        if (problem) return { field: pathOf({ key, parent: entry }), message: `${problem} (in a key)` };
        stack.push({ value: child, key, parent: entry });
      }
    }
  }
  return null;
}

function pathOf(entry: { key?: string; parent?: { key?: string; parent?: unknown } }): string {
  const keys: string[] = [];
  for (let e: typeof entry | undefined = entry; e?.key !== undefined; e = e.parent as typeof entry | undefined)
    keys.unshift(e.key);
  return keys.join(".") || "(body)";
}

function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain NUL (\\u0000) characters";
  if (!text.isWellFormed()) return "must not contain unpaired UTF-16 surrogates (not valid Unicode text)";
  return null;
}
