// The option lists incident forms share.
import { PUBLISH_LABELS, SEVERITIES, SEVERITY_LABELS, STATUS_PAGE_LEVELS } from "@/lib/incidents/model";

export const SeverityOptions = () =>
  SEVERITIES.map((s) => (
    <option key={s} value={s}>
      {SEVERITY_LABELS[s]}
    </option>
  ));

export function CommanderOptions({
  commanders,
  none,
}: {
  commanders: { id: string; name: string; email: string }[];
  none: string;
}) {
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

/** "Not shown" first: nothing reaches the public page until someone picks a level. */
export const StatusPageOptions = () =>
  STATUS_PAGE_LEVELS.map((level) => (
    <option key={level} value={level}>
      {PUBLISH_LABELS[level]}
    </option>
  ));
