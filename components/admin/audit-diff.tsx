import { diffRecords } from "@/lib/audit/diff";

/**
 * Shows only the fields that changed; a creation or deletion lists the whole record. Nested values are compact
 * JSON with no spaces, so they may break anywhere: otherwise one long value widens the whole audit table past
 * the screen (a scroll region a keyboard cannot reach).
 */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const changes = diffRecords(before, after);
  if (changes.length === 0) return <span className="text-xs text-slate-400">no field changes</span>;
  return (
    <ul className="space-y-0.5 font-mono text-xs [overflow-wrap:anywhere]">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="text-slate-500">{change.field}:</span>{" "}
          {change.before !== undefined && <del className="text-red-700">{change.before}</del>}
          {change.before !== undefined && change.after !== undefined && " → "}
          {change.after !== undefined && <ins className="text-green-700 no-underline">{change.after}</ins>}
        </li>
      ))}
    </ul>
  );
}
