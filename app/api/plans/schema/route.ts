// The JSON Schema of the plan format (also committed as docs/plan.schema.json), for editors and CI linters.
import { errorResponse } from "@/lib/api/json";
import { requirePermission } from "@/lib/auth/session";
import { planJsonSchema } from "@/lib/plans/schema-file";
import { observed } from "@/lib/observability/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = observed("/api/plans/schema", async () => {
  try {
    await requirePermission("plans.export");
    return Response.json(planJsonSchema(), { headers: { "Content-Disposition": 'attachment; filename="lifeboat-plan.schema.json"' } });
  } catch (error) {
    return errorResponse(error);
  }
});
