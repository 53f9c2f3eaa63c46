// The heading tree. A section runs from its heading to the line before the next heading of the same or a higher
// level; its own body (bodyEnd) stops at its first subheading, so an H2 that only groups H3s has an empty body.

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

const HEADING_START = /^ {0,3}(#{1,6})[ \t]+/;

/**
 * An ATX heading and its title, without the optional closing #s. The end is trimmed by hand: a single
 * pattern for "title, spaces, #s, spaces" backtracks cubically on a long run of spaces (seconds for 2,000).
 */
export function headingOf(text: string): { level: number; title: string } | null {
  const m = HEADING_START.exec(text);
  if (!m) return null;
  let title = text.slice(m[0].length).trimEnd();
  let end = title.length;
  while (end > 0 && title[end - 1] === "#") end--;
  if (end === 0 || title[end - 1] === " " || title[end - 1] === "\t") title = title.slice(0, end);
  return { level: m[1]!.length, title: title.replace(/\*\*|__/g, "").trim() };
}

export function readSections(lines: string[], inFence: (line: number) => boolean): { root: Section; all: Section[] } {
  const root: Section = { level: 0, title: "", line: 0, end: lines.length, bodyEnd: lines.length, children: [] };
  const all: Section[] = [];
  const stack: Section[] = [root];
  lines.forEach((text, i) => {
    const heading = inFence(i + 1) ? null : headingOf(text);
    if (!heading) return;
    while (stack.length > 1 && stack[stack.length - 1]!.level >= heading.level) stack.pop()!.end = i;
    const parent = stack[stack.length - 1]!;
    const section: Section = {
      ...heading,
      line: i + 1,
      end: lines.length,
      bodyEnd: lines.length,
      parent,
      children: [],
    };
    parent.children.push(section);
    all.push(section);
    stack.push(section);
  });
  for (const s of [root, ...all]) s.bodyEnd = s.children[0] ? s.children[0].line - 1 : s.end;
  return { root, all };
}

/** The titles from the top of the tree down to this section, for matching a section by what it belongs to. */
export function titlePath(section: Section | undefined): string {
  const titles: string[] = [];
  for (let s = section; s && s.level > 0; s = s.parent) titles.unshift(s.title);
  return titles.join(" / ");
}
