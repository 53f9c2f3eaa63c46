import { ON_CALL_PANEL_SIZE, OnCallPanel } from "@/components/oncall/on-call-panel";
import { PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { BoardFilterForm } from "@/components/incidents/board-filter-form";
import { CommandBoard } from "@/components/incidents/command-board";
import { UnreachedIncidentsBanner } from "@/components/incidents/paging-health-banner";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { boardHref, hasFilters, parseBoardFilters } from "@/lib/incidents/board-filters";
import { BOARD_LIMIT, findDashboard } from "@/lib/incidents/dashboard";
import { findOnCallPanel } from "@/lib/oncall/views";

export const dynamic = "force-dynamic";

export default async function CommandPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, db } = await requirePage("incidents.read", "/command");
  const filters = parseBoardFilters(await searchParams);
  const [{ board, systems, activity }, onCall] = await Promise.all([
    findDashboard(db, { filters, userId: user.id }),
    findOnCallPanel(db, ON_CALL_PANEL_SIZE),
  ]);
  const canDeclare = can(user.role, "incidents.respond");
  const query = boardHref(filters).split("?")[1] ?? "";
  return (
    <>
      <PageHeader
        title="Command"
        description="Open incidents: not acknowledged or near their RTO first, then by RTO clock, severity and tier. Live."
        actions={canDeclare && <LinkButton href="/incidents/new">Declare incident</LinkButton>}
      />
      <UnreachedIncidentsBanner db={db} />
      <OnCallPanel schedules={onCall.schedules} total={onCall.total} />
      <BoardFilterForm filters={filters} systems={systems} />
      {/* Keyed by the filters: other filters are another board, starting from what the server read for them. */}
      <CommandBoard
        key={query}
        initial={board}
        query={query}
        filtered={hasFilters(filters)}
        limit={BOARD_LIMIT}
        activity={activity}
        canDeclare={canDeclare}
      />
    </>
  );
}
