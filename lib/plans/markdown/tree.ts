// The Markdown syntax tree of a plan (remark: CommonMark + GFM tables + YAML front matter), turned into the
// line-addressed structure the extractors share: fences (also inside list items), tables (also inside lists and
// blockquotes), headings, nested lists and blockquote lines. Every piece keeps its 1-based source line, because
// what the extractors report must point at the line a person can check.
import type {
  Blockquote,
  Code,
  Heading,
  List as MdList,
  ListItem as MdListItem,
  Nodes,
  Root,
  Table as MdTable,
} from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

export type FenceLine = { line: number; text: string };
export type Fence = {
  /** Line of the opening marker (of the first line, for an indented code block). */
  open: number;
  /** Line of the closing marker; an unclosed fence runs to the end of its container and has none. */
  close?: number;
  /** Last line that belongs to the fence. */
  end: number;
  indent: number;
  info: string;
  /** False for an indented code block: it has no marker lines. */
  fenced: boolean;
  /** Content lines with the fence's own indentation removed (fences inside list items are indented). */
  body: FenceLine[];
};

export type Row = { line: number; cells: string[] };
export type Table = { header: Row; separator: number; rows: Row[] };

export type HeadingAt = { line: number; level: number; title: string; lines: number[] };

export type ListItem = {
  indent: number;
  ordered: boolean;
  number?: number;
  checkbox?: "open" | "done";
  /** The item's first line, without its marker. */
  text: string;
  line: number;
  /** Its other lines of text (continuations, paragraphs, quotes), not its sub-items and fences. */
  more: FenceLine[];
  children: ListItem[];
  fences: Fence[];
  end: number;
};
export type List = { items: ListItem[]; start: number; end: number };

export type Tree = {
  fences: Fence[];
  tables: Table[];
  headings: HeadingAt[];
  /** Every list, outermost ones only (sub-lists are their items' children), in document order. */
  lists: List[];
  /** Lines inside blockquotes: their text is read without the ">" markers. */
  quoted: Set<number>;
  /** The YAML front matter, when the document opens with one. */
  frontMatter?: { text: string; start: number; end: number };
  /** Lines that are only structure: thematic breaks, setext underlines, fence markers, front matter fences. */
  structure: Set<number>;
};

/**
 * Longer lines are parsed only this far. The parser is linear but slow on long runs of "|" or "[" (20,000 of them
 * took over a second); no structure of a plan starts that far into a line. Fence lines keep their full text.
 */
const MAX_PARSED_LINE = 1000;

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

const startLine = (node: Nodes) => node.position!.start.line;
const endLine = (node: Nodes) => node.position!.end.line;

/** The tree of a document given as its lines (any line ending). */
export function readTree(lines: string[]): Tree {
  const source = lines.map((l) => (l.length > MAX_PARSED_LINE ? l.slice(0, MAX_PARSED_LINE) : l)).join("\n");
  const root = parser.parse(source) as Root;
  const tree: Tree = { fences: [], tables: [], headings: [], lists: [], quoted: new Set(), structure: new Set() };

  const fenceOf = (node: Code): Fence => {
    const open = startLine(node);
    const end = endLine(node);
    const indent = node.position!.start.column - 1;
    const first = lines[open - 1] ?? "";
    const fenced = /^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(`{3,}|~{3,})/.test(first);
    const valueLines = node.value.split("\n");
    const bodyStart = fenced ? open + 1 : open;
    const closed = fenced && end > open && /^\s*(?:>\s*)*(`{3,}|~{3,})\s*$/.test(lines[end - 1] ?? "");
    const body = valueLines.map((text, i) => {
      const full = lines[bodyStart + i - 1] ?? "";
      return { line: bodyStart + i, text: full.length > MAX_PARSED_LINE ? full.trim() : text };
    });
    if (fenced) {
      tree.structure.add(open);
      if (closed) tree.structure.add(end);
    }
    const fence: Fence = { open, end, indent, info: [node.lang, node.meta].filter(Boolean).join(" "), fenced, body };
    if (closed) fence.close = end;
    // An empty fence has one empty value line that is not in the source.
    if (fenced && !closed && node.value === "") fence.body = [];
    return fence;
  };

  // A cell's source text between its pipes, inline markup kept (the readers tell bold labels and code apart).
  const cellText = (inline: Nodes[]): string => {
    const first = inline[0]?.position;
    const last = inline[inline.length - 1]?.position;
    if (!first || !last) return "";
    return source.slice(first.start.offset, last.end.offset).replace(/\\\|/g, "|").trim();
  };

  const tableOf = (node: MdTable): Table => {
    const [head, ...rest] = node.children;
    const row = (r: MdTable["children"][number]): Row => ({
      line: startLine(r),
      cells: r.children.map((c) => cellText(c.children)),
    });
    const header = row(head!);
    tree.structure.add(header.line + 1);
    return { header, separator: header.line + 1, rows: rest.map(row) };
  };

  const itemOf = (node: MdListItem, list: MdList, index: number): ListItem => {
    const line = startLine(node);
    const source = lines[line - 1] ?? "";
    const m = /^(\s*(?:>\s*)*)(?:[-*+]|(\d{1,9})[.)])(?:\s+|$)/.exec(source);
    const indent = m ? m[1]!.replace(/\t/g, "    ").length : node.position!.start.column - 1;
    let text = m ? source.slice(m[0].length) : source.trim();
    if (node.checked !== null && node.checked !== undefined) text = text.replace(/^\[[ xX]\]\s*/, "");
    const item: ListItem = {
      indent,
      ordered: !!list.ordered,
      ...(list.ordered && { number: (list.start ?? 1) + index }),
      ...(m?.[2] && { number: Number(m[2]) }),
      ...(node.checked === true && { checkbox: "done" as const }),
      ...(node.checked === false && { checkbox: "open" as const }),
      text: text.trim(),
      line,
      more: [],
      children: [],
      fences: [],
      end: endLine(node),
    };
    for (const child of node.children) {
      if (child.type === "list") item.children.push(...child.children.map((c, i) => itemOf(c, child, i)));
      else if (child.type === "code") {
        const fence = fenceOf(child);
        tree.fences.push(fence);
        item.fences.push(fence);
      } else {
        if (child.type !== "table" && child.type !== "heading")
          for (let n = startLine(child); n <= endLine(child); n++) {
            if (n === line || !lines[n - 1]?.trim()) continue;
            item.more.push({ line: n, text: lines[n - 1]!.trim().replace(/^(?:>\s*)+/, "") });
          }
        visit(child, false);
      }
    }
    return item;
  };

  const markQuoted = (node: Blockquote) => {
    for (let n = startLine(node); n <= endLine(node); n++) tree.quoted.add(n);
  };

  const headingOf = (node: Heading) => {
    const line = startLine(node);
    const covered = [];
    for (let n = line; n <= endLine(node); n++) covered.push(n);
    // A setext heading's underline ("====") is structure, not text.
    if (covered.length > 1) tree.structure.add(covered[covered.length - 1]!);
    tree.headings.push({ line, level: node.depth, title: toString(node).replace(/\s+/g, " ").trim(), lines: covered });
  };

  // Headings, fences and tables nested in lists are found by itemOf; these walk everything else.
  function visitInside(node: Nodes): void {
    if (!("children" in node)) return;
    for (const child of node.children as Nodes[]) visit(child, false);
  }
  function visit(node: Nodes, top: boolean): void {
    switch (node.type) {
      case "yaml":
        if (top && startLine(node) === 1) {
          tree.frontMatter = { text: node.value, start: 1, end: endLine(node) };
          tree.structure.add(1).add(endLine(node));
        }
        return;
      case "heading":
        headingOf(node);
        return;
      case "code":
        tree.fences.push(fenceOf(node));
        return;
      case "table":
        tree.tables.push(tableOf(node));
        return;
      case "thematicBreak":
        tree.structure.add(startLine(node));
        return;
      case "blockquote":
        markQuoted(node);
        visitInside(node);
        return;
      case "list": {
        const items = node.children.map((c, i) => itemOf(c, node, i));
        tree.lists.push({ items, start: startLine(node), end: endLine(node) });
        return;
      }
      default:
        visitInside(node);
    }
  }
  for (const child of root.children) visit(child, true);
  tree.fences.sort((a, b) => a.open - b.open);
  tree.tables.sort((a, b) => a.header.line - b.header.line);
  return tree;
}
