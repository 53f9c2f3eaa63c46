import Link from "next/link";
import { formatMinutes } from "@/lib/inventory/tiers";
import type { RelatedService } from "@/lib/inventory/service-detail";
import { TierBadge } from "./tier-badge";

export function RelatedTable({ services }: { services: RelatedService[] }) {
  return (
    <table className="w-full text-sm" data-testid="blast-radius">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1">Service</th>
          <th className="py-1">Tier</th>
          <th className="py-1">RTO</th>
          <th className="py-1">Hops</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {services.map((s) => (
          <tr key={s.id}>
            <td className="py-1">
              <Link href={`/inventory/services/${s.id}`} className="text-brand-700 hover:underline">
                {s.name}
              </Link>
              <div className="text-xs text-slate-500">{s.systemName}</div>
            </td>
            <td className="py-1">
              <TierBadge tier={s.tier} />
            </td>
            <td className="py-1">{s.rtoMinutes === null ? "—" : formatMinutes(s.rtoMinutes)}</td>
            <td className="py-1">{s.depth}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
