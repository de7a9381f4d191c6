// The refusal of a whole batch (lib/batch/mutations.ts), in Chinese: pure, so that its wording is tested
// without a database.
import { AppError } from "../errors";

/** A case the batch could not apply to, and why (in Chinese). */
export interface BatchRefusal {
  caseNumber: string;
  message: string;
  /** Changed since the list was loaded (the whole batch is then refused as STALE: refresh and retry). */
  stale: boolean;
}

/** One case's refusal; a stale case is said briefly (the single-case message names who changed it and when). */
export function refusalOf(caseNumber: string, error: AppError): BatchRefusal {
  const stale = error.code === "STALE";
  return { caseNumber, message: stale ? "列表载入后已被他人修改" : error.message, stale };
}

/** The refusal of the whole batch: each refused case on its own line, in case-number order, with its reason. */
export function batchRefusalError(what: string, total: number, refusals: readonly BatchRefusal[]): AppError {
  const sorted = [...refusals].sort((a, b) => a.caseNumber.localeCompare(b.caseNumber, "zh-CN", { numeric: true }));
  const listed = sorted.map((refusal) => `\n${refusal.caseNumber}：${refusal.message}`).join("");
  return new AppError(
    refusals.some((refusal) => refusal.stale) ? "STALE" : "INVALID_STATE",
    `${what}未执行，${total} 件案件均未更改。以下 ${refusals.length} 件不能办理：${listed}\n请刷新列表，去掉或先处理这些案件后重试。`,
  );
}
