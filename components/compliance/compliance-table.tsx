import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { BandBadge } from "@/components/backups/band-badge";
import { formatDuration } from "@/lib/recovery/format";
import type { ComplianceRow } from "@/lib/compliance/rules";
import { RtoStatusBadge } from "./status-badge";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

/** The per-service table (the CSV export has the same columns). */
export function ComplianceTable({
  rows,
  serviceLink,
}: {
  rows: ComplianceRow[];
  serviceLink?: (id: string) => string;
}) {
  return (
    <DataTable
      columns={[
        "Service",
        "System",
        "Tier",
        "RTO target",
        "Last measured",
        "p90",
        "RTO",
        "RPO target",
        "Backup age",
        "Within RPO 30 d / 90 d",
      ]}
      testId="compliance-table"
    >
      {rows.map((r) => (
        <tr key={r.id} data-service={r.name}>
          <td className="px-4 py-2">
            {serviceLink ? (
              <Link href={serviceLink(r.id)} className="text-brand-700 hover:underline">
                {r.name}
              </Link>
            ) : (
              r.name
            )}
          </td>
          <td className="px-4 py-2">{r.systemName}</td>
          <td className="px-4 py-2">T{r.tier}</td>
          <td className="px-4 py-2">{r.rtoTargetMinutes === null ? "—" : `${r.rtoTargetMinutes} min`}</td>
          <td className="px-4 py-2 text-xs">
            {r.lastSeconds === null
              ? "never"
              : `${formatDuration(r.lastSeconds)} · ${r.lastMeasuredAt!.toISOString().slice(0, 10)}`}
          </td>
          <td className="px-4 py-2 font-mono text-xs">{r.p90Seconds === null ? "—" : formatDuration(r.p90Seconds)}</td>
          <td className="px-4 py-2">
            <RtoStatusBadge status={r.status} />
            <p className="max-w-xs text-xs text-slate-500">{r.reason}</p>
          </td>
          <td className="px-4 py-2">{r.rpoMinutes === null ? "—" : `${r.rpoMinutes} min`}</td>
          <td className="px-4 py-2 text-xs">
            <BandBadge band={r.band} /> {r.ageMinutes === null ? "" : `${r.ageMinutes} min`}
          </td>
          <td className="px-4 py-2 font-mono text-xs">
            {pct(r.within30)} / {pct(r.within90)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
