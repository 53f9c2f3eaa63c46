import { Card, PageHeader } from "@/components/ui/card";
import { AutoRefresh } from "@/components/recovery/auto-refresh";
import { DemoFleetControls } from "@/components/recovery/demo-fleet-controls";
import { requirePage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findDemoFleet, DEMO_SYSTEM, RESTART_SECONDS } from "@/lib/demo-fleet/fleet";

export const dynamic = "force-dynamic";

export default async function DemoFleetPage() {
  const { user, db } = await requirePage("recovery.read", "/runbooks/demo");
  const fleet = await findDemoFleet(db);
  return (
    <>
      <PageHeader
        title="Demo fleet"
        description={`Simulated services of "${DEMO_SYSTEM}", served by Lifeboat at /api/demo-fleet/<service>/health. Break one (its alert opens an incident through the real alert intake), then recover it with a runbook: a restart takes ${RESTART_SECONDS} s.`}
      />
      <div className="grid gap-4 md:grid-cols-3" data-testid="demo-fleet">
        {fleet.map((service) => (
          <Card key={service.slug} className="space-y-2 p-4" data-testid="demo-service" data-healthy={service.healthy}>
            <h2 className="font-semibold">{service.name}</h2>
            <p className={service.healthy ? "text-green-700" : "text-red-700"}>
              {service.healthy
                ? "Healthy"
                : service.restarting
                  ? "Restarting…"
                  : `Down since ${service.brokenAt?.toISOString().slice(11, 19)} UTC`}
            </p>
            <p className="font-mono text-xs text-slate-500">/api/demo-fleet/{service.slug}/health</p>
            {can(user.role, "demo.operate") && (
              <DemoFleetControls slug={service.slug} name={service.name} healthy={service.healthy} />
            )}
          </Card>
        ))}
      </div>
      <AutoRefresh active={fleet.some((s) => s.restarting)} />
    </>
  );
}
