// The phone-sized page a paged contact opens from the link in their page, without signing in: the link is the
// credential (lib/incidents/page-links.ts). Acknowledge and Escalate are plain forms posting to route handlers
// (they work without JavaScript) that answer 303 back here with `?done=<outcome>`. Opening the page changes
// nothing: a link preview or a mail scanner fetching it cannot acknowledge.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { publicPage } from "@/lib/auth/session";
import { formatUtc } from "@/lib/format";
import { incidentRef } from "@/lib/incidents/model";
import { PAGE_OUTCOMES, type PageOutcome } from "@/lib/incidents/page-actions";
import { verifyPageLink } from "@/lib/incidents/page-links";
import { findPageView } from "@/lib/incidents/page-view";

export const dynamic = "force-dynamic";
// The token is in the URL: never sent on as a Referer, never indexed.
export const metadata: Metadata = {
  title: "Page",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

const OUTCOME_TEXT: Record<PageOutcome, string> = {
  acknowledged: "Acknowledged. Escalation stopped.",
  escalated: "Escalated: the next level is being paged now.",
  invalid: "This link is not valid.",
  expired: "This link expired.",
  used: "This link's action was already used.",
  resolved: "The incident is resolved.",
  "already-acknowledged": "Someone already acknowledged: escalation has stopped.",
  "no-level": "There is no further escalation level to page.",
};
const GOOD: readonly PageOutcome[] = ["acknowledged", "escalated"];

const button =
  "min-h-11 w-full rounded-md px-4 py-3 text-base font-semibold focus:outline-none focus:ring-2 focus:ring-offset-2";

export default async function PageLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string | string[] }>;
}) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const { db } = publicPage();
  const link = await verifyPageLink(db, token.slice(0, 200));
  if (!link) notFound();
  const view = await findPageView(db, link);
  const { incident } = view;
  const outcome = PAGE_OUTCOMES.find((o) => o === done);
  const acknowledged = Boolean(incident.acknowledgedAt);
  const canAct = !view.problem && !acknowledged;
  const action = (name: string) => `/api/pages/${encodeURIComponent(token)}/${name}`;

  return (
    <main className="mx-auto max-w-md space-y-4 px-4 py-6 text-base">
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-500">{incidentRef(incident.number)}</p>
        <h1 className="text-xl font-semibold" data-testid="page-incident-title">
          {incident.title}
        </h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <SeverityBadge severity={incident.severity} />
          <span data-testid="page-incident-status">
            <StatusBadge status={incident.status} />
          </span>
        </div>
        <p className="text-sm text-slate-600">For {view.contact.name}</p>
      </header>

      {outcome && (
        <p
          role="status"
          data-testid="page-outcome"
          className={`rounded-md px-4 py-3 font-medium ${GOOD.includes(outcome) ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}
        >
          {outcome === "resolved" ? `${incidentRef(incident.number)} is resolved.` : OUTCOME_TEXT[outcome]}
        </p>
      )}

      {view.problem ? (
        <p className="rounded-md bg-slate-100 px-4 py-3" data-testid="page-problem">
          {view.problem.message}
        </p>
      ) : acknowledged ? (
        <p className="rounded-md bg-green-50 px-4 py-3" data-testid="page-acknowledged">
          Acknowledged by {incident.acknowledgedBy ?? "someone"}
          {incident.acknowledgedAt && ` at ${formatUtc(incident.acknowledgedAt, "second")}`}. Escalation has stopped.
        </p>
      ) : null}

      {canAct && (
        <div className="space-y-3">
          {!view.link.acknowledgedAt && (
            <form method="post" action={action("acknowledge")}>
              <button type="submit" className={`${button} bg-green-700 text-white hover:bg-green-800`}>
                Acknowledge
              </button>
            </form>
          )}
          {!view.link.escalatedAt && (
            <form method="post" action={action("escalate")}>
              <button type="submit" className={`${button} border border-slate-300 bg-white hover:bg-slate-50`}>
                Escalate to the next level
              </button>
            </form>
          )}
        </div>
      )}

      <section className="space-y-1 text-sm">
        <h2 className="font-semibold">Services</h2>
        <p>{incident.services.length ? incident.services.join(", ") : "None named yet."}</p>
      </section>
      <section className="space-y-1 text-sm">
        <h2 className="font-semibold">Paged</h2>
        <p data-testid="page-paged">{view.paged.length ? view.paged.join(", ") : "Nobody yet."}</p>
      </section>
      <section className="space-y-1 text-sm">
        <h2 className="font-semibold">Latest</h2>
        <ol className="space-y-2" data-testid="page-timeline">
          {view.lines.map((line) => (
            <li key={line.id}>
              <span className="block text-xs text-slate-500">{formatUtc(line.at, "second")}</span>
              {line.message}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
