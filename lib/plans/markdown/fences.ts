// Fenced (and indented) code blocks, as the Markdown parser found them (lib/plans/markdown/tree.ts).
import type { Fence } from "./tree";

export type { Fence, FenceLine } from "./tree";

/** The fence's content as one text, without the blank lines at either end. */
export function fenceText(fence: Fence): string {
  const texts = fence.body.map((l) => l.text.replace(/\s+$/, ""));
  while (texts.length && !texts[0]) texts.shift();
  while (texts.length && !texts[texts.length - 1]) texts.pop();
  return texts.join("\n");
}
