// Lists with nesting, as the Markdown parser found them (lib/plans/markdown/tree.ts): an item owns its
// continuation text, its sub-items and the code fences indented under it.
import type { Doc } from "./doc";
import type { List, ListItem } from "./tree";

export type { List, ListItem } from "./tree";

/** Every list (and list inside a blockquote) that starts in a line range. */
export function listsIn(doc: Doc, from: number, to: number): List[] {
  return doc.lists.filter((l) => l.start >= from && l.start <= to).map((l) => within(l, to));
}

/** The list holding the item on line `start`, from that item on, read no further than `to`. */
export function readList(doc: Doc, start: number, to: number): List {
  for (const list of doc.lists) {
    const at = list.items.findIndex((item) => item.line === start);
    if (at >= 0) return within({ items: list.items.slice(at), start, end: list.end }, to);
  }
  return { items: [], start, end: start };
}

/** Items past `to` belong to the next part of the document. */
function within(list: List, to: number): List {
  if (list.end <= to) return list;
  const items = list.items.filter((item) => item.line <= to);
  return { items, start: list.start, end: Math.min(to, list.end) };
}

/** Every line the item stands on: its own, its continuation lines, its sub-items and its fences. */
export function itemLines(item: ListItem): number[] {
  const lines = [item.line, ...item.more.map((m) => m.line)];
  for (const fence of item.fences) for (let n = fence.open; n <= fence.end; n++) lines.push(n);
  for (const child of item.children) lines.push(...itemLines(child));
  return lines;
}

/** The texts of the sub-items (flattened), for instructions and detection lists. */
export function childTexts(item: ListItem): string[] {
  return item.children.flatMap((c) => [c.text, ...c.more.map((m) => m.text), ...childTexts(c)]);
}
