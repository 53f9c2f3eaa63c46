// The system picker every form and filter uses: a <Select> of systems by name, with an optional first "none" option.
import { Select } from "@/components/ui/field";

export type SystemOption = { id: string; name: string };

/** `empty` labels the value-"" option (leave it out when a system must be chosen); other props go to <select>. */
export function SystemSelect({
  systems,
  empty,
  ...props
}: { systems: SystemOption[]; empty?: string } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Select {...props}>
      {empty !== undefined && <option value="">{empty}</option>}
      {systems.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </Select>
  );
}
