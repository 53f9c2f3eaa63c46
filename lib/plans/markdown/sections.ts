// The heading tree. A section runs from its heading to the line before the next heading of the same or a higher
// level; its own body (bodyEnd) stops at its first subheading, so an H2 that only groups H3s has an empty body.
import type { HeadingAt } from "./tree";

export type Section = {
  level: number;
  title: string;
  /** Line of the heading (0 for the root, which holds what comes before the first heading). */
  line: number;
  end: number;
  bodyEnd: number;
  parent?: Section;
  children: Section[];
};

/** Sections from the document's headings (lib/plans/markdown/tree.ts), in document order. */
export function readSections(count: number, headings: HeadingAt[]): { root: Section; all: Section[] } {
  const root: Section = { level: 0, title: "", line: 0, end: count, bodyEnd: count, children: [] };
  const all: Section[] = [];
  const stack: Section[] = [root];
  for (const heading of headings) {
    while (stack.length > 1 && stack[stack.length - 1]!.level >= heading.level) stack.pop()!.end = heading.line - 1;
    const parent = stack[stack.length - 1]!;
    const section: Section = {
      level: heading.level,
      title: heading.title,
      line: heading.line,
      end: count,
      bodyEnd: count,
      parent,
      children: [],
    };
    parent.children.push(section);
    all.push(section);
    stack.push(section);
  }
  for (const s of [root, ...all]) s.bodyEnd = s.children[0] ? s.children[0].line - 1 : s.end;
  return { root, all };
}

/** The titles from the top of the tree down to this section, for matching a section by what it belongs to. */
export function titlePath(section: Section | undefined): string {
  const titles: string[] = [];
  for (let s = section; s && s.level > 0; s = s.parent) titles.unshift(s.title);
  return titles.join(" / ");
}
