// What is a command in a plan: inline code a shell would run, a fence of commands (not a crontab or a config
// file), a list item that gives one. Shared by the procedure reader and the runbook readers.
import type { Fence } from "./fences";
import type { ListItem } from "./lists";
import { COMMAND_TOOLS } from "./procedure-words";

const TOOLS = new Set(COMMAND_TOOLS);

/** Inline code that a shell would run: a known tool, a path to a script, or an assignment ("VAR=value"). */
function isInlineCommand(code: string): boolean {
  const text = code.trim().replace(/^\$\s+/, "");
  if (text.length < 2 || text.length > 2000) return false;
  if (/^[A-Z_][A-Z0-9_]{0,60}=\S/.test(text)) return true;
  const [first = "", ...rest] = text.split(/\s+/, 8);
  if (TOOLS.has(first.toLowerCase())) return rest.length > 0 || /^(?:df|ls|free)$/.test(first);
  if (
    /^(?:\.{1,2}\/|~\/|\/)?[\w.~-]{1,100}(?:\/[\w.~-]{1,100}){0,20}\.(?:sh|bash|py|rb|pl|ps1|js|ts|bat|cmd)$/.test(
      first,
    )
  )
    return true;
  if (/^(?:\.{1,2}\/|~\/)[\w.~/-]*[\w]$/.test(first) && rest.length > 0) return true;
  // PowerShell: "Restore-DbaDatabase -SqlInstance …"
  return /^[A-Z][a-z]{2,15}-[A-Z][A-Za-z]{2,40}$/.test(first) && rest.length > 0;
}

const SHELL_INFO =
  /^(?:bash|sh|shell|zsh|console|terminal|shell-session|shellsession|powershell|ps1|pwsh|ps|cmd|bat|batch|fish|sql|psql|mysql)\b/i;
const NOT_SHELL_INFO = /^\S/;

/** A fence of commands: a shell info string, or no info string and lines that read as commands. */
export function isCommandFence(fence: Fence): boolean {
  const info = fence.info.trim().toLowerCase();
  const lines = fence.body.map((l) => l.text.trim()).filter((t) => t && !t.startsWith("#") && !t.startsWith("//"));
  if (!lines.length) return false;
  if (lines.every((t) => /^(?:[\d*@][\d*,/\-]*\s+){4}[\d*@]/.test(t) || /^@(?:daily|hourly|weekly|monthly)/.test(t)))
    return false; // a crontab
  if (SHELL_INFO.test(info)) {
    if (/^(?:sql|psql|mysql)/.test(info))
      return lines.some((t) =>
        /^(?:select|insert|update|delete|create|drop|alter|truncate|grant|vacuum|reindex|begin|commit|\\)/i.test(t),
      );
    return true;
  }
  if (NOT_SHELL_INFO.test(info)) return false;
  const commands = lines.filter((t) => isInlineCommand(t.replace(/^(?:\$|>|PS>|#)\s+/, "")));
  return commands.length >= Math.ceil(lines.length / 2);
}

/** The code spans of a text that may run over several lines (a command broken with "\" in a list item). */
export function commandSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]{1,2000})`/g)].map((m) => m[1]!.trim()).filter(isInlineCommand);
}

/** An item (or a sub-item) that gives a command: inline code a shell runs, or a fence of commands. */
export function withCommands(i: ListItem): boolean {
  const known = commandsIn.get(i);
  if (known !== undefined) return known;
  const has =
    commandSpans([i.text, ...i.more.map((m) => m.text)].join("\n")).length > 0 ||
    i.fences.some(isCommandFence) ||
    i.children.some(withCommands);
  commandsIn.set(i, has);
  return has;
}
const commandsIn = new WeakMap<ListItem, boolean>();
