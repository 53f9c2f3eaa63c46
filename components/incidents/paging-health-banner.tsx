// Server component: the red "Nobody reached yet" banner for an incident (the incident page and /command).
import Link from "next/link";
import { incidentRef } from "@/lib/incidents/model";
import { findPagingHealth, findUnreachedIncidents, pagingHeadline } from "@/lib/incidents/paging-health";

type Reader = Parameters<typeof findPagingHealth>[0];

export async function PagingHealthBanner({ db, incidentId }: { db: Reader; incidentId: string }) {
  const health = await findPagingHealth(db, incidentId);
  if (!health.nobodyReached) return null;
  return (
    <p
      role="alert"
      data-testid="paging-health"
      className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-sm font-semibold text-red-800"
    >
      {pagingHeadline(health)}. {health.attempted} page(s) sent, none delivered: call someone.
    </p>
  );
}

/** /command: every open incident nobody has been reached for yet, in red, each linked. */
export async function UnreachedIncidentsBanner({ db }: { db: Parameters<typeof findUnreachedIncidents>[0] }) {
  const unreached = await findUnreachedIncidents(db);
  if (!unreached.length) return null;
  return (
    <div
      role="alert"
      data-testid="paging-health-board"
      className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      <p className="font-semibold">
        Nobody reached yet on {unreached.length} incident{unreached.length === 1 ? "" : "s"}: call someone.
      </p>
      <ul className="mt-1 space-y-1">
        {unreached.map((i) => (
          <li key={i.id}>
            <Link href={`/incidents/${i.id}`} className="inline-flex min-h-11 items-center font-medium underline">
              {incidentRef(i.number)} {i.title}
            </Link>{" "}
            — {pagingHeadline(i.health)}
          </li>
        ))}
      </ul>
    </div>
  );
}
