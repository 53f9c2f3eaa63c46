// Lists with nesting: an item owns the lines indented under it (continuation text, sub-items, code fences).
// Blank lines do not end a list (numbered steps are often separated by them); an unindented line that is not an
// item does, and so do headings and tables.
import type { Doc } from "./doc";
import type { Fence } from "./fences";
import { listMarker, type ListMarker } from "./inline";
import { headingOf } from "./sections";

export type ListItem = ListMarker & {
  line: number;
  /** Continuation lines of the item's text. */
  more: { line: number; text: string }[];
  children: ListItem[];
  fences: Fence[];
};

export type List = { items: ListItem[]; start: number; end: number };

/** The list starting at `start` (a list item line), read no further than `to`. */
export function readList(doc: Doc, start: number, to: number): List {
  const items: ListItem[] = [];
  const stack: ListItem[] = [];
  let end = start;
  let afterBlank = false;
  for (let n = start; n <= to; n++) {
    const text = doc.text(n);
    const fence = doc.fenceAt(n);
    if (fence) {
      const owner = [...stack].reverse().find((item) => item.indent < fence.indent);
      if (fence.open !== n || !owner) break;
      owner.fences.push(fence);
      n = end = fence.end;
      afterBlank = false;
      continue;
    }
    if (!text.trim()) {
      afterBlank = true;
      continue;
    }
    if (doc.tableAt(n) || headingOf(text)) break;
    const marker = listMarker(text);
    const indent = text.length - text.trimStart().length;
    if (marker) {
      if (afterBlank && marker.indent === 0 && items[0] && items[0].ordered !== marker.ordered) break;
      while (stack.length && stack[stack.length - 1]!.indent >= marker.indent) stack.pop();
      const item: ListItem = { ...marker, line: n, more: [], children: [], fences: [] };
      (stack.length ? stack[stack.length - 1]!.children : items).push(item);
      stack.push(item);
    } else {
      const owner = [...stack].reverse().find((item) => item.indent < indent);
      // Without indentation, only a line right under an item continues it (a "lazy" continuation).
      const target = owner ?? (afterBlank || /^\s*\*\*/.test(text) ? undefined : stack[stack.length - 1]);
      if (!target) break;
      target.more.push({ line: n, text: text.trim() });
    }
    end = n;
    afterBlank = false;
  }
  return { items, start, end };
}

/** All lists in a line range, skipping what lies between them. */
export function listsIn(doc: Doc, from: number, to: number): List[] {
  const lists: List[] = [];
  for (let n = from; n <= to; n++) {
    const fence = doc.fenceAt(n);
    if (fence) {
      n = fence.end;
      continue;
    }
    if (doc.tableAt(n) || !listMarker(doc.text(n))) continue;
    const list = readList(doc, n, to);
    lists.push(list);
    n = list.end;
  }
  return lists;
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
