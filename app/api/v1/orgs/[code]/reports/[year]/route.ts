// GET /api/v1/orgs/<code>/reports/<year>?format=2019|2021: the annual report as data (interfaces.md
// §3), checks included, for a signed-in user of that organization. proxy.ts lets /api/v1 through
// without a session on purpose: this handler answers 401 in JSON instead of redirecting to sign-in.
// Another organization's code gets the same 404 as an unknown one, so nothing about others leaks.
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { reportFormatSchema, reportYearSchema } from "@/lib/reports/definitions";
import { computeReport } from "@/lib/reports/queries";

export const dynamic = "force-dynamic";

const reportQuerySchema = z.object({
  year: reportYearSchema,
  format: reportFormatSchema.optional(),
});

function errorResponse(status: number, message: string): Response {
  return Response.json({ message }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function GET(request: Request, context: { params: Promise<{ code: string; year: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return errorResponse(401, "未登录或登录已失效，请先登录");

  const { code, year } = await context.params;
  if (code !== actor.organizationCode) return errorResponse(404, "未找到该机构");

  const format = new URL(request.url).searchParams.get("format");
  const parsed = reportQuerySchema.safeParse({ year, format: format ?? undefined });
  if (!parsed.success) return errorResponse(400, parsed.error.issues[0]?.message ?? "请求参数有误");

  try {
    const report = await computeReport({ actor, year: parsed.data.year, format: parsed.data.format });
    return Response.json(report, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION") return errorResponse(400, error.message);
    if (isAppError(error) && error.code === "NOT_FOUND") return errorResponse(404, "未找到该机构");
    throw error;
  }
}
