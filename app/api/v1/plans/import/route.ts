// POST a plan document (Markdown or YAML, as the raw body) with a token that has the plans:write scope.
// ?name=file.md says which format (else it is told from the content), ?system=NAME names the system of a
// Markdown plan that does not, ?dryRun=true only previews, ?fingerprint=… applies only if nothing changed
// since that preview. Answers the report as JSON: 200 (previewed or applied), 422 (problems, nothing
// applied), 409 (changed since the preview), 413 (over 2 MB).
import { apiRoute } from "@/lib/api/route";
import { importDocument } from "@/lib/plans/document";
import { MAX_PLAN_BYTES } from "@/lib/plans/format";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const body = {
  maxBytes: MAX_PLAN_BYTES,
  text: {
    tooLarge: `The plan is over ${MAX_PLAN_BYTES / (1024 * 1024)} MB`,
    notText: "Not a text file: a plan is Markdown or YAML, as UTF-8 text",
  },
};

export const POST = apiRoute(
  { route: "/api/v1/plans/import", method: "POST", body },
  async ({ request, body: text, token, db }) => {
    const params = request.nextUrl.searchParams;
    const dryRun = ["1", "true", "yes"].includes(params.get("dryRun") ?? "");
    const report = await importDocument(
      db,
      { system: `api-token:${token.id}` },
      { text, fileName: params.get("name") ?? undefined, systemName: params.get("system") ?? undefined },
      // Tier defaults are an admin's call; a token acts for a machine, not an admin.
      { apply: !dryRun, canEditTiers: false, expectedFingerprint: params.get("fingerprint") ?? undefined },
    );
    const failed = !report.outcome || report.outcome.problems.length > 0 || report.reading.problems.length > 0;
    return Response.json(report, { status: failed ? 422 : 200, headers: { "Cache-Control": "no-store" } });
  },
);
