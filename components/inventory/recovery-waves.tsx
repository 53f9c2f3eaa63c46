import Link from "next/link";
import type { RecoveryWave } from "@/lib/inventory/recovery-order";
import { TierBadge } from "./tier-badge";

/** The recovery order as numbered waves: everything in a wave can be recovered in parallel. */
export function RecoveryWaves({ waves }: { waves: RecoveryWave[] }) {
  return (
    <ol className="space-y-3" data-testid="recovery-waves">
      {waves.map((wave) => (
        <li
          key={wave.wave}
          data-testid={`wave-${wave.wave}`}
          className="rounded-md border border-slate-200 bg-white p-3"
        >
          <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Wave {wave.wave}</p>
          <ul className="flex flex-wrap gap-2">
            {wave.services.map((s) => (
              <li key={s.id} className="flex items-center gap-1.5 rounded border border-slate-200 px-2 py-1 text-sm">
                <TierBadge tier={s.tier} />
                <Link href={`/inventory/services/${s.id}`} className="hover:underline">
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
