import type { Metadata } from "next";
import { MatrixEditor } from "@/components/people/matrix-editor";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { SystemSelect } from "@/components/inventory/system-select";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { findMatrix } from "@/lib/people/matrix";
import { findChannelOptions } from "@/lib/people/queries";
import { STATUS_PAGE_LEVELS } from "@/lib/people/schemas";
import { findSystemOptions } from "@/lib/inventory/queries";

export const metadata: Metadata = { title: "Notification matrix" };

export default async function MatrixPage({ searchParams }: { searchParams: Promise<{ system?: string }> }) {
  const { user, db } = await requirePage("people.read", "/people/matrix");
  const systems = await findSystemOptions(db);
  const { system } = await searchParams;
  const systemId = systems.some((s) => s.id === system) ? system! : null;
  const [matrix, channels] = await Promise.all([findMatrix(db, systemId), findChannelOptions(db)]);
  return (
    <>
      <PageHeader
        title="Notification matrix"
        description="For each incident event: who is told, on which channel, and when. A system's own matrix replaces the fleet-wide one."
      />
      <form method="get" className="mb-4 flex items-end gap-2">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Matrix of</span>
          <SystemSelect
            name="system"
            defaultValue={systemId ?? ""}
            systems={systems}
            empty="The whole fleet (default)"
          />
        </label>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>
      <MatrixEditor
        key={`${systemId}-${matrix.version}`}
        systemId={systemId}
        version={matrix.version}
        rules={matrix.rules}
        channels={channels}
        canEdit={can(user.role, "people.edit")}
      />
      <p className="mt-4 text-xs text-slate-500">
        Status-page levels used by incidents: {STATUS_PAGE_LEVELS.map((l) => l.replace("_", " ")).join(", ")}.
      </p>
    </>
  );
}
