// Fenced code blocks. Found first, because nothing inside a fence is a heading, a table or a list item.

export type FenceLine = { line: number; text: string };
export type Fence = {
  /** Line of the opening marker. */
  open: number;
  /** Line of the closing marker; an unclosed fence runs to the end of the document and has none. */
  close?: number;
  /** Last line that belongs to the fence (the closing marker, or the last line of the document). */
  end: number;
  indent: number;
  info: string;
  /** Content lines with the fence's own indentation removed (fences inside list items are indented). */
  body: FenceLine[];
};

const OPEN = /^(\s*)(`{3,}|~{3,})\s*([^`]*)$/;

export function readFences(lines: string[]): Fence[] {
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const marker = open[2]!;
    const closing = new RegExp(`^\\s*${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
    const body: FenceLine[] = [];
    let close: number | undefined;
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (closing.test(lines[j]!)) {
        close = j + 1;
        break;
      }
      body.push({ line: j + 1, text: dedent(lines[j]!, indent) });
    }
    fences.push({ open: i + 1, close, end: close ?? lines.length, indent, info: open[3]!.trim(), body });
    i = close === undefined ? lines.length : close - 1;
  }
  return fences;
}

function dedent(text: string, indent: number): string {
  let n = 0;
  while (n < indent && text[n] === " ") n++;
  return text.slice(n);
}

/** The fence's content as one text, without the blank lines at either end. */
export function fenceText(fence: Fence): string {
  const texts = fence.body.map((l) => l.text.replace(/\s+$/, ""));
  while (texts.length && !texts[0]) texts.shift();
  while (texts.length && !texts[texts.length - 1]) texts.pop();
  return texts.join("\n");
}
