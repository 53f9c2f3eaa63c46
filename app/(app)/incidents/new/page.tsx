import { PageHeader } from "@/components/ui/card";
import { DeclareForm } from "@/components/incidents/declare-form";
import { requirePage } from "@/lib/auth/session";
import { findCommanders } from "@/lib/incidents/queries";
import { findSystemOptions } from "@/lib/inventory/queries";

export const dynamic = "force-dynamic";

export default async function DeclareIncidentPage() {
  const { user, db } = await requirePage("incidents.respond", "/incidents/new");
  const [systems, commanders] = await Promise.all([findSystemOptions(db), findCommanders(db)]);
  return (
    <>
      <PageHeader
        title="Declare an incident"
        description="Paging starts when you declare: the system's escalation policy, then its tier's."
      />
      <DeclareForm
        systems={systems}
        commanders={commanders}
        defaultCommanderId={commanders.some((c) => c.id === user.id) ? user.id : undefined}
      />
    </>
  );
}
