// The JSON Schema of the plan format (also committed as docs/plan.schema.json), for editors and CI linters.
import { apiRoute } from "@/lib/api/route";
import { planJsonSchema } from "@/lib/plans/schema-file";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/plans/schema", method: "GET" }, () =>
  Response.json(planJsonSchema(), {
    headers: { "Content-Disposition": 'attachment; filename="lifeboat-plan.schema.json"' },
  }),
);
