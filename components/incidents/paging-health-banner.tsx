// Server component: the red "Nobody reached yet" banner for an incident (the incident page and /command).
import { findPagingHealth, pagingHeadline } from "@/lib/incidents/paging-health";

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
