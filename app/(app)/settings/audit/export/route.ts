// GET /settings/audit/export?format=csv|xlsx&<the page's filters>: every matching audit entry as a file
// (administrators only; refused in Chinese above the export limit).
import { requireActorForAction } from "@/lib/auth/session";
import { appErrorResponse, errorResponse, isAppError } from "@/lib/errors";
import { findAuditLogForExport } from "@/lib/audit/queries";
import { auditLogToCsv, auditLogToXlsx } from "@/lib/audit/export";
import { parseAuditLogQuery } from "@/lib/audit/list-schemas";
import { todayInShanghai } from "@/lib/today";

export const dynamic = "force-dynamic";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

function isExportFormat(value: string): value is keyof typeof CONTENT_TYPES {
  return Object.hasOwn(CONTENT_TYPES, value);
}

export async function GET(request: Request): Promise<Response> {
  const searchParams = new URL(request.url).searchParams;
  const format = searchParams.get("format") ?? "csv";
  if (!isExportFormat(format)) return errorResponse(400, "导出格式应为 csv 或 xlsx");
  try {
    const actor = await requireActorForAction();
    const entries = await findAuditLogForExport({ actor, query: parseAuditLogQuery(searchParams) });
    const content = format === "csv" ? auditLogToCsv(entries) : await auditLogToXlsx(entries);
    const stamp = todayInShanghai().replaceAll("-", "");
    return new Response(content, {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": `attachment; filename="audit-${stamp}.${format}"; filename*=UTF-8''${encodeURIComponent(`操作记录-${stamp}.${format}`)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return appErrorResponse(error);
    throw error;
  }
}
