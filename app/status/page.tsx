// Public status page (no sign-in): each system's state and the public updates of open incidents.
import type { Metadata } from "next";
import { publicPage } from "@/lib/auth/session";
import { STATUS_LABELS, STATUS_PAGE_LABELS } from "@/lib/incidents/model";
import { findStatusPage, worstLevel } from "@/lib/incidents/status-page";
import type { StatusPageLevel } from "@/lib/generated/prisma/enums";
import { formatUtc } from "@/lib/format";
import { AutoRefresh } from "@/components/recovery/auto-refresh";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Status" };

const TONES: Record<StatusPageLevel, string> = {
  operational: "bg-green-100 text-green-800",
  maintenance: "bg-blue-100 text-blue-800",
  degraded: "bg-amber-100 text-amber-800",
  partial_outage: "bg-orange-100 text-orange-800",
  major_outage: "bg-red-100 text-red-800",
};

const utc = (date: Date) => formatUtc(date);

export default async function StatusPage() {
  const { db } = publicPage();
  const { systems, incidents } = await findStatusPage(db);
  const overall = worstLevel(systems.map((s) => s.level));
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      {/* Re-rendered in place every minute (a <meta refresh> reloads the whole page under the reader: WCAG 2.2.1). */}
      <AutoRefresh active everyMs={60_000} />
      <h1 className="text-2xl font-semibold">Service status</h1>
      <p className={`rounded-md px-4 py-3 font-medium ${TONES[overall]}`} data-testid="overall-status">
        {overall === "operational" ? "All systems operational" : STATUS_PAGE_LABELS[overall]}
      </p>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" data-testid="system-status">
        {systems.map((system) => (
          <li key={system.id} className="flex items-center justify-between px-4 py-2">
            <span>{system.name}</span>
            <span className={`rounded px-2 py-0.5 text-xs font-medium ${TONES[system.level]}`}>
              {STATUS_PAGE_LABELS[system.level]}
            </span>
          </li>
        ))}
      </ul>
      {incidents.length > 0 && (
        <section className="space-y-4">
          <h2 className="text-lg font-semibold">Current and recently resolved incidents</h2>
          {incidents.map((incident) => (
            <article
              key={incident.id}
              className="rounded-md border border-slate-200 bg-white p-4"
              data-testid="public-incident"
            >
              <h3 className="font-medium">{incident.title}</h3>
              <p className="text-xs text-slate-500">
                {STATUS_LABELS[incident.status]} · since {utc(incident.declaredAt)}
              </p>
              <ol className="mt-2 space-y-1 text-sm">
                {incident.timeline.map((update) => (
                  <li key={update.id.toString()}>
                    <span className="text-xs text-slate-500">{utc(update.at)}</span> —{" "}
                    <span className="whitespace-pre-wrap">{update.message}</span>
                  </li>
                ))}
              </ol>
            </article>
          ))}
        </section>
      )}
      <p className="text-xs text-slate-500">Updated {utc(new Date())}. This page refreshes every minute.</p>
    </main>
  );
}
