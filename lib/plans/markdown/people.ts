// Contacts: "- **DevOps Lead**: [Name] - [Phone] - [Email]" lines in contact sections, and Role | Contact tables.
// Square-bracket placeholders are template slots, not values: such a contact keeps its role and nothing else.
import type { PlanContact } from "../format";
import { assignColumns, noteUnreadColumns } from "./columns";
import type { Doc } from "./doc";
import { clip, EMAIL, emails, isNone, phones, placeholders, plain, readLabel, withoutPlaceholders } from "./inline";
import { cell } from "./tables";

const CONTACT_SECTION = /contact|team|on[\s-]?call|people|stakeholder|responder|roster|personnel/i;
const EXTERNAL_SECTION = /external|vendor|third[\s-]?party|supplier|provider|partner/i;
const PERSON = /^[\p{Lu}][\p{L}'.-]+(?:\s+[\p{Lu}][\p{L}'.-]+){0,3}$/u;

type Parts = { name?: string; email?: string; phone?: string; other?: string; placeholders: string[] };

/** "Jane Doe - +1 415 555 0100 - jane@example.com" → name, phone, email; other words are kept apart. */
function readContactText(text: string): Parts {
  const slots = placeholders(text);
  let rest = withoutPlaceholders(plain(text));
  const email = emails(rest)[0];
  rest = rest.replace(EMAIL, " ");
  const phone = phones(rest)[0];
  for (const p of phones(rest)) rest = rest.replace(p, " ");
  // Whitespace runs are one space first, and the edges are trimmed by a loop: the separators' \s+ and an
  // unanchored "[…]+$" rescan a long run from every position in it (quadratic).
  const words = rest
    .replace(/\s+/g, " ")
    .replace(/\( ?\)/g, " ")
    .split(/ [-–—|] | ?[|;,] ?| -$|^ ?- /)
    .map((s) => trimEdges(s.trim()))
    .filter(Boolean)
    .join(", ");
  const parts: Parts = { placeholders: slots };
  if (email) parts.email = email;
  if (phone) parts.phone = phone;
  if (words && PERSON.test(words)) parts.name = words;
  else if (words) parts.other = words;
  return parts;
}

const LEADING = new Set([..."-–—:() "]);
const TRAILING = new Set([..."-–—:( "]);

function trimEdges(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && LEADING.has(text[start]!)) start++;
  while (end > start && TRAILING.has(text[end - 1]!)) end--;
  return text.slice(start, end);
}

function slotWord(slot: string): string {
  if (/^(?:full\s+)?name$/i.test(slot)) return "name";
  if (/phone|mobile|tel\b|cell/i.test(slot)) return "phone";
  if (/e-?mail/i.test(slot)) return "email";
  return `"[${slot}]"`;
}

function placeholderMessage(who: string, slots: string[]): string {
  const words = slots.map(slotWord);
  const list = words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}` : words[0];
  return `Contact "${who}": ${list} ${words.length > 1 ? "are placeholders" : "is a placeholder"}`;
}

function contactOf(doc: Doc, role: string | undefined, parts: Parts, extra: Partial<PlanContact>): PlanContact {
  const contact: PlanContact = {};
  if (parts.name) contact.name = clip(parts.name, 120);
  if (role) contact.role = clip(role, 120);
  if (parts.email) contact.email = parts.email;
  if (parts.phone) contact.phone = parts.phone;
  Object.assign(contact, extra);
  const notes = [parts.other, extra.notes].filter(Boolean).join("; ");
  if (notes) contact.notes = clip(notes, 2000);
  if (parts.placeholders.length) doc.missing(placeholderMessage(role ?? parts.name ?? "?", parts.placeholders));
  return contact;
}

export function readContacts(doc: Doc): PlanContact[] {
  const found: { line: number; contact: PlanContact }[] = [];
  for (let n = 1; n <= doc.count; n++) {
    if (!doc.isProse(n) || doc.isUsed(n)) continue;
    const path = doc.pathAt(n);
    if (!CONTACT_SECTION.test(path)) continue;
    const label = readLabel(doc.text(n));
    if (!label?.value) continue;
    const parts = readContactText(label.value);
    if (!parts.name && !parts.email && !parts.phone && !parts.placeholders.length && !parts.other) continue;
    doc.use(n);
    found.push({
      line: n,
      contact: contactOf(
        doc,
        plain(label.label),
        parts,
        EXTERNAL_SECTION.test(doc.sectionAt(n).title) ? { external: true } : {},
      ),
    });
  }
  for (const table of doc.tables) {
    if (doc.isUsed(table.header.line)) continue;
    const c = assignColumns(table.header.cells, {
      role: /^(?:roles?|positions?|functions?|titles?|responsibility|areas?|escalation area)$/i,
      name: /^(?:name|person|contact name|full name)$/i,
      email: /e-?mail/i,
      phone: /phone|mobile|cell|tel\b/i,
      contact: /contact|reach|how to reach/i,
      team: /^team$/i,
      organization: /^(?:organi[sz]ation|company|vendor)$/i,
      notes: /when|notify|notes?|comments?|escalat/i,
    });
    if ((c.role < 0 && c.name < 0) || [c.email, c.phone, c.contact].every((i) => i < 0)) continue;
    doc.use(table.header.line);
    noteUnreadColumns(doc, table, Object.values(c));
    const external = EXTERNAL_SECTION.test(doc.sectionAt(table.header.line).title);
    for (const row of table.rows) {
      const role = plain(cell(row, c.role));
      const texts = [c.name, c.email, c.phone, c.contact].map((i) => cell(row, i)).filter((t) => !isNone(t));
      const parts = readContactText(texts.join(" | "));
      if (!role && !parts.name && !parts.email && !parts.phone) continue;
      doc.use(row.line);
      const extra: Partial<PlanContact> = {};
      const team = plain(cell(row, c.team));
      if (!isNone(team)) extra.team = clip(team, 120);
      const organization = plain(cell(row, c.organization));
      if (!isNone(organization)) extra.organization = clip(organization, 200);
      const notes = plain(cell(row, c.notes));
      if (!isNone(notes)) extra.notes = `${plain(table.header.cells[c.notes]!)}: ${notes}`;
      if (external) extra.external = true;
      found.push({ line: row.line, contact: contactOf(doc, isNone(role) ? undefined : role, parts, extra) });
    }
  }
  return found.sort((a, b) => a.line - b.line).map((f) => f.contact);
}
