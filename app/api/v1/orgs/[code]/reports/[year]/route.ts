// GET /api/v1/orgs/<code>/reports/<year>?format=2019|2021: the annual report as data (interfaces.md
// §3), checks included, for an API token of that organization (`Authorization: Bearer gk_…`) or a
// signed-in user of it. proxy.ts lets /api/v1 through without a session on purpose: this handler
// answers 401 in JSON instead of redirecting to sign-in. Another organization's code gets the same 404
// as an unknown one, so nothing about others leaks.
import { z } from "zod";
import { readerOf } from "@/lib/api-tokens/reader";
import { recordAccessRefused } from "@/lib/auth/security-events";
import { appErrorResponse, errorResponse, isAppError } from "@/lib/errors";
import { reportFormatSchema, reportYearSchema } from "@/lib/reports/definitions";
import { computeReport, computeReportForOrganization } from "@/lib/reports/queries";

export const dynamic = "force-dynamic";

const reportQuerySchema = z.object({
  year: reportYearSchema,
  format: reportFormatSchema.optional(),
});

export async function GET(request: Request, context: { params: Promise<{ code: string; year: string }> }): Promise<Response> {
  const { code, year } = await context.params;
  const format = new URL(request.url).searchParams.get("format");
  const read = await readerOf(request, `reports/${code}/${year}${format ? `?format=${format}` : ""}`);
  if (!read.ok) return errorResponse(read.status, read.message);
  const { reader } = read;

  if (code !== reader.organizationCode) {
    await recordAccessRefused(reader.kind === "session" ? reader.actor : null, "api-other-organization", {
      requestedCode: code.slice(0, 40),
      ...(reader.kind === "token" ? { tokenId: reader.tokenId } : {}),
    });
    return errorResponse(404, "未找到该机构");
  }

  const parsed = reportQuerySchema.safeParse({ year, format: format ?? undefined });
  if (!parsed.success) return errorResponse(400, parsed.error.issues[0]?.message ?? "请求参数有误");

  try {
    const report =
      reader.kind === "session"
        ? await computeReport({ actor: reader.actor, year: parsed.data.year, format: parsed.data.format })
        : await computeReportForOrganization({ organizationId: reader.organizationId, year: parsed.data.year, format: parsed.data.format });
    return Response.json(report, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (isAppError(error)) return appErrorResponse(error, error.code === "NOT_FOUND" ? "未找到该机构" : error.message);
    throw error;
  }
}
