// GET /cases/export?format=csv|xlsx&<the list's filters>: the ledger file (interfaces.md §1) of every
// case matching the filters, in the list's order.
import { requireActorForAction } from "@/lib/auth/session";
import { recordDataExport } from "@/lib/auth/security-events";
import { appErrorResponse, errorResponse, isAppError } from "@/lib/errors";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { PassThrough, Readable } from "node:stream";
import { openApplicationsExport, type ApplicationsExport } from "@/lib/cases/queries";
import { ledgerCsvText, writeLedgerXlsx, type LedgerBatch } from "@/lib/cases/export";
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

type ExportActor = Parameters<typeof findLedgerExportExtras>[0]["actor"];

/** The CSV, written batch by batch as the download reads it (ADR 0082). */
function csvBody(exported: ApplicationsExport): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = exported.batches();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (first) controller.enqueue(encoder.encode(ledgerCsvText([], true)));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(ledgerCsvText(next.value, first)));
      first = false;
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** The XLSX from ExcelJS's streaming writer, each batch with its reading columns (ADR 0082). */
function xlsxBody(exported: ApplicationsExport, actor: ExportActor): ReadableStream<Uint8Array> {
  async function* withExtras(): AsyncGenerator<LedgerBatch> {
    for await (const rows of exported.batches()) {
      yield { rows, extras: await findLedgerExportExtras({ actor, caseNumbers: rows.map((row) => row.申请编号) }) };
    }
  }
  const output = new PassThrough();
  writeLedgerXlsx(output, withExtras(), true).catch((error: unknown) => {
    console.error("[export] 导出 Excel 失败", error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
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
  const exported = await openApplicationsExport({ actor, query, today, calendar });
  await recordDataExport(actor, { kind: `cases.${format}`, rows: exported.total, detail: { query: searchParams.toString() } });
  const content = format === "csv" ? csvBody(exported) : xlsxBody(exported, actor);
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
