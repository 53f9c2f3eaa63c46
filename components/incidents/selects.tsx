// The option lists incident forms share.
import { SEVERITIES, SEVERITY_LABELS } from "@/lib/incidents/model";

export const SeverityOptions = () =>
  SEVERITIES.map((s) => (
    <option key={s} value={s}>
      {SEVERITY_LABELS[s]}
    </option>
  ));

export function CommanderOptions({ commanders, none }: { commanders: { id: string; name: string; email: string }[]; none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {commanders.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name} ({c.email})
        </option>
      ))}
    </>
  );
}
