import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import Link from "next/link";
import { BandBadge } from "@/components/backups/band-badge";
import { HeatmapLegend, HeatmapStrip, lastDays } from "@/components/backups/heatmap-strip";
import { TierBadge } from "@/components/inventory/tier-badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { requirePage } from "@/lib/auth/session";
import { findRunsNeedingAttention } from "@/lib/backups/attention";
import { findRpoBandCounts, findDailyOutcomes, findServiceFreshness } from "@/lib/backups/freshness";
import { BAND_LABELS, RPO_BANDS, type RpoBand } from "@/lib/backups/rules";
import { formatMinutes } from "@/lib/inventory/tiers";

export const metadata: Metadata = { title: "Backups" };

const BAND_STYLES: Record<RpoBand, string> = {
  within: "border-green-200 bg-green-50",
  exceeded: "border-amber-200 bg-amber-50",
  severe: "border-red-200 bg-red-50",
  critical: "border-red-300 bg-red-100",
  never: "border-red-200 bg-red-50",
  no_target: "border-slate-200 bg-white",
};

export default async function BackupsPage({ searchParams }: { searchParams: Promise<{ band?: string }> }) {
  const { db } = await requirePage("backups.read", "/backups");
  const { band: rawBand } = await searchParams;
  const band = (RPO_BANDS as readonly string[]).includes(rawBand ?? "") ? (rawBand as RpoBand) : undefined;
  const [counts, services, attention] = await Promise.all([
    findRpoBandCounts(db),
    findServiceFreshness(db, { band, limit: 100 }),
    findRunsNeedingAttention(db),
  ]);
  const days = lastDays(30);
  const outcomes = await findDailyOutcomes(
    db,
    services.map((s) => s.id),
    days.length,
  );
  const byService = new Map<string, Map<string, "succeeded" | "failed">>();
  for (const cell of outcomes) {
    if (!byService.has(cell.serviceId)) byService.set(cell.serviceId, new Map());
    byService.get(cell.serviceId)!.set(cell.day, cell.state);
  }

  return (
    <>
      <PageHeader
        title="Backups"
        description="Live RPO: the age of each service's newest good backup against its RPO target, from runs the backup jobs report."
      />
      <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-6" data-testid="band-counts">
        {RPO_BANDS.map((b) => (
          <Link
            key={b}
            href={band === b ? "/backups" : `/backups?band=${b}`}
            className={cn("rounded-lg border p-3", BAND_STYLES[b], band === b && "ring-2 ring-brand-600")}
            data-testid={`band-${b}`}
          >
            <p className="text-2xl font-semibold">{counts[b]}</p>
            <p className="text-xs text-slate-600">{BAND_LABELS[b]}</p>
          </Link>
        ))}
      </div>

      {attention.length > 0 && (
        <Card className="mb-6 p-4" data-testid="attention">
          <h2 className="mb-2 font-semibold">Needs attention (last 7 days)</h2>
          <ul className="space-y-1 text-sm">
            {attention.map((run) => (
              <li key={String(run.id)}>
                <span className={run.status === "failed" ? "font-medium text-red-700" : "font-medium text-amber-700"}>
                  {run.status === "failed" ? "Failed" : "Not verified"}
                </span>{" "}
                <Link href={`/backups/services/${run.serviceId}`} className="text-brand-700 hover:underline">
                  {run.serviceName}
                </Link>{" "}
                <span className="text-slate-500">
                  · {run.policyName} · {run.startedAt.toISOString().replace("T", " ").slice(0, 16)} UTC
                  {run.message && ` · ${run.message}`}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      <div className="mb-2 flex items-end justify-between">
        <h2 className="font-semibold">{band ? BAND_LABELS[band] : "Services, worst first"}</h2>
        <HeatmapLegend />
      </div>
      {services.length === 0 ? (
        <EmptyState title="No services in this band" />
      ) : (
        <DataTable columns={["Service", "Tier", "RPO", "Newest good backup", "Live RPO", "Last 30 days"]}>
          {services.map((s) => (
            <tr key={s.id} data-testid={`freshness-${s.name}`}>
              <td className="px-4 py-2">
                <Link href={`/backups/services/${s.id}`} className="font-medium text-brand-700 hover:underline">
                  {s.name}
                </Link>
                <div className="text-xs text-slate-500">{s.systemName}</div>
              </td>
              <td className="px-4 py-2">
                <TierBadge tier={s.tier} />
              </td>
              <td className="px-4 py-2">{formatMinutes(s.rpoMinutes)}</td>
              <td className="px-4 py-2">
                {s.ageMinutes === null
                  ? s.hasPolicy
                    ? "never"
                    : "no backup policy"
                  : `${formatMinutes(s.ageMinutes)} ago`}
              </td>
              <td className="px-4 py-2">
                <BandBadge band={s.band} />
              </td>
              <td className="px-4 py-2">
                <HeatmapStrip days={days} cells={byService.get(s.id) ?? new Map()} label={s.name} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
