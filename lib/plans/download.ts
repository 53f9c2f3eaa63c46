// The exported plan as a YAML download (the page's link and the token API answer the same file).
import type { Reader } from "@/lib/db/client";
import { exportPlan } from "./export";
import { planToYaml } from "./yaml/write";

const fileSafe = (name: string) =>
  name
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase() || "system";

export async function planDownload(db: Reader, system: string | null): Promise<Response> {
  const plan = await exportPlan(db, system ? { system } : {});
  if (system && plan.systems.length === 0)
    return Response.json(
      { error: `No system named "${system}"` },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  const name = system ? `lifeboat-plan-${fileSafe(system)}.yaml` : "lifeboat-plan.yaml";
  return new Response(planToYaml(plan), {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
