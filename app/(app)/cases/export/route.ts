// GET /cases/export?format=csv|xlsx&<the list's filters>: the ledger file (interfaces.md §1) of every
// case matching the filters, in the list's order.
import { requireActorForAction } from "@/lib/auth/session";
import { recordDataExport } from "@/lib/auth/security-events";
import { appErrorResponse, errorResponse, isAppError } from "@/lib/errors";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { findApplicationsForExport } from "@/lib/cases/queries";
import { ledgerToCsv, ledgerToXlsx } from "@/lib/cases/export";
import { findLedgerExportExtras } from "@/lib/cases/ledger-extras";
import { parseCaseListQuery } from "@/lib/cases/list-schemas";
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
  let actor;
  try {
    actor = await requireActorForAction();
  } catch (error) {
    // FORBIDDEN: an operator, or an account that must first change its password or enrol a second factor.
    if (isAppError(error)) return appErrorResponse(error);
    throw error;
  }

  const searchParams = new URL(request.url).searchParams;
  const format = searchParams.get("format") ?? "csv";
  if (!isExportFormat(format)) return errorResponse(400, "导出格式应为 csv 或 xlsx");

  const query = parseCaseListQuery(searchParams);
  const today = todayInShanghai();
  const calendar = query.due ? await loadWorkCalendar() : undefined;
  const rows = await findApplicationsForExport({ actor, query, today, calendar });
  const content =
    format === "csv" ? ledgerToCsv(rows) : await ledgerToXlsx(rows, await findLedgerExportExtras({ actor, caseNumbers: rows.map((row) => row.申请编号) }));
  await recordDataExport(actor, { kind: `cases.${format}`, rows: rows.length, detail: { query: searchParams.toString() } });
  const filename = `依申请公开台账-${today.replaceAll("-", "")}.${format}`;

  return new Response(content, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      // The ASCII name is for clients that do not read filename* (RFC 6266).
      "Content-Disposition": `attachment; filename="ledger-${today.replaceAll("-", "")}.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
    },
  });
}
