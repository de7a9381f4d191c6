// The ledger upload of the app (managers and administrators): a check that writes nothing and lists
// every problem, then the import itself (all or nothing, lib/cases/ledger-import-store.ts), remembered
// as a LedgerUpload so that its result page lists the imported cases.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { isoDateFromDb } from "../calendar/dates";
import type { IsoDate } from "../calendar/workdays";
import { parseLedgerFile, type LedgerIssue } from "./ledger-import";
import { importLedgerForActor, type LedgerFile } from "./ledger-import-store";

/** Largest ledger file the browser may upload. */
export const LEDGER_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

export type LedgerUploadResult =
  | { ok: true; importedCount: number; warnings: LedgerIssue[]; uploadId: string }
  | { ok: false; errors: LedgerIssue[]; warnings: LedgerIssue[] };

export async function uploadLedger({ actor, file, today }: { actor: Actor; file: LedgerFile; today: IsoDate }): Promise<LedgerUploadResult> {
  assertCan(actor, "case:import");
  const result = await importLedgerForActor({ actor, file, today });
  if (!result.ok) return result;
  // The import has been committed; its case numbers are the file's 申请编号 cells.
  const parsed = await parseLedgerFile(file.name, file.bytes);
  const caseNumbers = parsed.rows.map((row) => row.cells.申请编号 ?? "").filter(Boolean);
  const upload = await db.ledgerUpload.create({
    data: {
      organizationId: actor.organizationId,
      uploadedById: actor.userId,
      fileName: file.name.slice(0, 200),
      caseNumbers,
      warnings: result.warnings.map((warning) => ({ ...warning })),
    },
    select: { id: true },
  });
  return { ok: true, importedCount: result.importedCount, warnings: result.warnings, uploadId: upload.id };
}

const PAGE_SIZE = 100;

/** An upload's result page: the imported cases (a page of them, in file order) and the warnings. */
export async function getLedgerUpload({ actor, uploadId, page }: { actor: Actor; uploadId: string; page: number }) {
  assertCan(actor, "case:import");
  const upload = await db.ledgerUpload.findFirst({
    where: { id: uploadId, organizationId: actor.organizationId },
    include: { uploadedBy: { select: { displayName: true } } },
  });
  if (!upload) throw new AppError("NOT_FOUND", "未找到该次导入");
  const pageCount = Math.max(1, Math.ceil(upload.caseNumbers.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const numbers = upload.caseNumbers.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const cases = await db.application.findMany({
    where: { organizationId: actor.organizationId, caseNumber: { in: numbers } },
    select: { id: true, caseNumber: true, applicantName: true, receivedOn: true, status: true, closedOn: true },
  });
  const byNumber = new Map(cases.map((row) => [row.caseNumber, row]));
  return {
    id: upload.id,
    fileName: upload.fileName,
    uploadedBy: upload.uploadedBy?.displayName ?? null,
    createdAt: upload.createdAt,
    importedCount: upload.caseNumbers.length,
    warnings: upload.warnings as unknown as LedgerIssue[],
    page: current,
    pageCount,
    cases: numbers.flatMap((number) => {
      const row = byNumber.get(number);
      return row ? [{ ...row, receivedOn: isoDateFromDb(row.receivedOn), closedOn: row.closedOn ? isoDateFromDb(row.closedOn) : null }] : [];
    }),
  };
}
