import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BandBadge } from "@/components/backups/band-badge";
import { BackupPolicyForm } from "@/components/backups/backup-policy-form";
import { BackupPolicyCard } from "@/components/backups/policy-card";
import { BackupSizeChart } from "@/components/backups/size-chart";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { findServiceFreshness } from "@/lib/backups/freshness";
import { findPolicyStatus } from "@/lib/backups/policies";
import { findBackupRuns, findBackupSizes } from "@/lib/backups/queries";
import { VERIFICATION_LABELS } from "@/lib/backups/rules";
import { formatMinutes } from "@/lib/inventory/tiers";

export const metadata: Metadata = { title: "Service backups" };

const utc = (d: Date | null) => (d ? `${d.toISOString().replace("T", " ").slice(0, 16)} UTC` : null);

export default async function ServiceBackupsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, db } = await requirePage("backups.read", `/backups/services/${id}`);
  const [[freshness], policies, runs, sizes] = await Promise.all([
    findServiceFreshness(db, { serviceId: id, limit: 1 }),
    findPolicyStatus(db, id),
    findBackupRuns(db, id),
    findBackupSizes(db, id),
  ]);
  if (!freshness) notFound();
  const canEdit = can(user.role, "backups.edit");

  return (
    <>
      <PageHeader
        title={`${freshness.name} backups`}
        description={`${freshness.systemName} · RPO ${formatMinutes(freshness.rpoMinutes)}`}
        actions={
          <Link href={`/inventory/services/${id}`} className="text-sm text-brand-700 underline">
            Service in the inventory →
          </Link>
        }
      />
      <Card className="mb-6 flex flex-wrap items-center gap-4 p-4 text-sm" data-testid="service-freshness">
        <BandBadge band={freshness.band} />
        <span>
          Newest good backup:{" "}
          <strong>
            {freshness.lastGoodAt
              ? `${utc(freshness.lastGoodAt)} (${formatMinutes(freshness.ageMinutes)} ago)`
              : "none"}
          </strong>
        </span>
      </Card>

      <h2 className="mb-2 font-semibold">Policies</h2>
      <div className="mb-4 grid gap-3 lg:grid-cols-2">
        {policies.length === 0 && (
          <EmptyState title="No backup policy">
            {canEdit ? "Add one below; backup jobs then report runs against it." : null}
          </EmptyState>
        )}
        {policies.map((p) => (
          <BackupPolicyCard
            key={p.id}
            canEdit={canEdit}
            policy={p}
            missed={p.missed}
            dueAt={utc(p.dueAt)}
            lastRun={p.lastRun ? `${utc(p.lastRun.startedAt)} (${p.lastRun.status})` : null}
            summary={[
              p.intervalMinutes ? `every ${formatMinutes(p.intervalMinutes)}` : `cron ${p.cron} (UTC)`,
              p.retentionLocalDays !== null && `keep ${p.retentionLocalDays} d locally`,
              p.retentionRemoteDays !== null && `${p.retentionRemoteDays} d remotely`,
              p.locations.length > 0 && `to ${p.locations.join(", ")}`,
              p.method && `by ${p.method}`,
              `verification: ${VERIFICATION_LABELS[p.verification]}${p.requireVerified ? " (required)" : ""}`,
            ]
              .filter(Boolean)
              .join(" · ")}
          />
        ))}
      </div>
      {canEdit && (
        <Card className="mb-6 p-4">
          <h3 className="mb-3 font-medium">Add a backup policy</h3>
          <BackupPolicyForm
            initial={{
              serviceId: id,
              name: "",
              intervalMinutes: 1440,
              cron: null,
              retentionLocalDays: 7,
              retentionRemoteDays: 30,
              locations: [],
              method: "",
              verification: "exists",
              requireVerified: false,
              graceMinutes: 30,
            }}
          />
        </Card>
      )}

      <h2 className="mb-2 font-semibold">Size over 90 days</h2>
      <Card className="mb-6 p-4">
        {sizes.length ? (
          <BackupSizeChart
            points={sizes.map((s) => ({
              day: s.day.toISOString().slice(0, 10),
              bytes: s.bytes === null ? null : Number(s.bytes),
            }))}
          />
        ) : (
          <p className="text-sm text-slate-500">No successful runs with a size yet.</p>
        )}
      </Card>

      <h2 className="mb-2 font-semibold">Latest runs</h2>
      {runs.length === 0 ? (
        <EmptyState title="No runs reported yet" />
      ) : (
        <DataTable testId="runs" columns={["Started (UTC)", "Policy", "Status", "Duration", "Size", "Where / message"]}>
          {runs.map((r) => (
            <tr key={String(r.id)}>
              <td className="px-4 py-2 font-mono text-xs">
                {r.startedAt.toISOString().replace("T", " ").slice(0, 16)}
              </td>
              <td className="px-4 py-2">{r.policy.name}</td>
              <td className="px-4 py-2">
                <Badge
                  tone={
                    r.status === "succeeded" ? (r.verified ? "green" : "amber") : r.status === "failed" ? "red" : "blue"
                  }
                >
                  {r.status === "succeeded" && !r.verified ? "succeeded, unverified" : r.status}
                </Badge>
              </td>
              <td className="px-4 py-2">
                {r.finishedAt
                  ? formatMinutes(Math.round((r.finishedAt.getTime() - r.startedAt.getTime()) / 60_000))
                  : "—"}
              </td>
              <td className="px-4 py-2">
                {r.sizeBytes === null ? "—" : `${(Number(r.sizeBytes) / 1_048_576).toFixed(1)} MB`}
              </td>
              <td className="px-4 py-2 text-xs text-slate-600">
                {[r.location, r.message].filter(Boolean).join(" · ") || "—"}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
