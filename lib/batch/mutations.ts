// Batch actions of the case list: 批量分配经办人 and 批量答复办结. All or nothing (docs/decisions/0072):
// one transaction runs the single-case mutation of each selected case (assignHandler, recordCaseEvent),
// which locks the case, checks its version as the list was loaded, whether it is voided, and the
// clock's rules, exactly as on the case page. A case refused is noted and the others still checked, so
// that the message names every refused case with its reason; then, if any was refused, the transaction
// is rolled back and nothing is applied.
//
// Audit: one entry for the batch (entity "Batch", listing the cases), written first in the same
// transaction, and each case's own entry (the single mutation's) naming the batch entry as its cause,
// for the case's 操作记录.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { db, withDeadlockRetry, type Transaction } from "../db";
import { AppError, isAppError } from "../errors";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import type { IsoDate } from "../calendar/workdays";
import { assignHandler, recordCaseEvent, type BatchCause } from "../cases/mutations";
import { OUTCOME_LABELS } from "../cases/labels";
import { batchCloseSchema, batchReassignSchema, type SelectedCase } from "./schemas";
import { batchRefusalError, refusalOf, type BatchRefusal } from "./refusals";

/** One transaction locks up to BATCH_MAX_CASES cases: more time than a single write's default 5 s. */
const BATCH_TRANSACTION_TIMEOUT_MS = 60_000;

export interface BatchResult {
  /** Cases in the batch. */
  count: number;
  /** Cases actually changed (a reassignment to the handler a case already has changes nothing). */
  changed: number;
  auditEventId: string;
}

interface SelectedRow {
  id: string;
  version: number;
  caseNumber: string;
  requestContent: string;
}

/**
 * The selected cases of the actor's organization, in id order (the order their rows are locked in,
 * so that two batches over the same cases wait for each other instead of deadlocking).
 */
async function loadSelection(tx: Transaction, actor: Actor, cases: readonly SelectedCase[]): Promise<SelectedRow[]> {
  const found = await tx.application.findMany({
    where: { id: { in: cases.map((selected) => selected.id) }, organizationId: actor.organizationId },
    select: { id: true, caseNumber: true, requestContent: true },
  });
  if (found.length !== cases.length) throw new AppError("NOT_FOUND", "所选案件中有的不存在或不属于本单位，未作任何更改，请刷新后重试");
  const versions = new Map(cases.map((selected) => [selected.id, selected.version]));
  return found.map((row) => ({ ...row, version: versions.get(row.id)! })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Runs `apply` for each case, collecting refusals (AppErrors about that case). Errors that are not
 * about one case (the input, the actor's role, the database) end the batch at once.
 */
async function applyToEach(rows: readonly SelectedRow[], apply: (row: SelectedRow) => Promise<boolean>): Promise<{ refusals: BatchRefusal[]; changed: number }> {
  const refusals: BatchRefusal[] = [];
  let changed = 0;
  for (const row of rows) {
    try {
      if (await apply(row)) changed += 1;
    } catch (error) {
      if (!isAppError(error) || error.code === "FORBIDDEN" || error.code === "VALIDATION") throw error;
      refusals.push(refusalOf(row.caseNumber, error));
    }
  }
  return { refusals, changed };
}

function caseList(rows: readonly SelectedRow[]): { caseCount: number; caseNumbers: string[]; applicationIds: string[] } {
  const ordered = [...rows].sort((a, b) => a.caseNumber.localeCompare(b.caseNumber, "zh-CN", { numeric: true }));
  return { caseCount: rows.length, caseNumbers: ordered.map((row) => row.caseNumber), applicationIds: ordered.map((row) => row.id) };
}

async function recordBatchEntry(tx: Transaction, actor: Actor, action: string, after: Prisma.InputJsonObject): Promise<string> {
  return recordAudit(tx, actor, { action, entityType: "Batch", entityId: randomUUID(), applicationId: null, after });
}

/** 批量分配经办人: managers and administrators give the selected cases to one handler (or none). */
export async function batchReassign({ actor, input }: { actor: Actor; input: unknown }): Promise<BatchResult> {
  assertCan(actor, "case:assign");
  const { cases, handlerId } = parseInput(batchReassignSchema, input);
  return withDeadlockRetry(() =>
    db.$transaction(
      async (tx) => {
        const rows = await loadSelection(tx, actor, cases);
        const action = "application.batch_assign";
        const auditEventId = await recordBatchEntry(tx, actor, action, { handlerId, ...caseList(rows) });
        const batchCause: BatchCause = { action, causeAuditId: auditEventId, description: `批量分配经办人（共 ${rows.length} 件）` };
        const { refusals, changed } = await applyToEach(rows, async (row) => {
          const result = await assignHandler({
            actor,
            input: { applicationId: row.id, handlerId: handlerId ?? "" },
            expectedVersion: row.version,
            transaction: tx,
            batchCause,
          });
          return result.changed;
        });
        if (refusals.length > 0) throw batchRefusalError("批量分配", rows.length, refusals);
        return { count: rows.length, changed, auditEventId };
      },
      { timeout: BATCH_TRANSACTION_TIMEOUT_MS },
    ),
  );
}

/**
 * 批量答复办结: the same 答复办结 step (one decision item, the case's request as its description) with
 * the same outcome, date and service method on every selected case, each checked by the clock's rules.
 */
export async function batchClose({ actor, input, today }: { actor: Actor; input: unknown; today: IsoDate }): Promise<BatchResult> {
  assertCan(actor, "case:work");
  const { cases, outcome, occurredOn, serviceMethod } = parseInput(batchCloseSchema, input);
  return withDeadlockRetry(() =>
    db.$transaction(
      async (tx) => {
        const rows = await loadSelection(tx, actor, cases);
        const action = "application.batch_close";
        const auditEventId = await recordBatchEntry(tx, actor, action, { outcome, occurredOn, serviceMethod, ...caseList(rows) });
        const batchCause: BatchCause = {
          action,
          causeAuditId: auditEventId,
          description: `批量答复办结（${OUTCOME_LABELS[outcome]}，共 ${rows.length} 件）`,
        };
        const { refusals, changed } = await applyToEach(rows, async (row) => {
          await recordCaseEvent({
            actor,
            applicationId: row.id,
            input: {
              type: "DECISION_SERVED",
              occurredOn,
              details: { items: [{ description: decisionItemDescription(row.requestContent), disposition: outcome }], serviceMethod },
            },
            expectedVersion: row.version,
            today,
            transaction: tx,
            batchCause,
          });
          return true;
        });
        if (refusals.length > 0) throw batchRefusalError("批量答复办结", rows.length, refusals);
        return { count: rows.length, changed, auditEventId };
      },
      { timeout: BATCH_TRANSACTION_TIMEOUT_MS },
    ),
  );
}

/** The decision item's description: the request, as the case page's 答复办结 form prefills it. */
function decisionItemDescription(requestContent: string): string {
  const text = requestContent.trim().slice(0, 200);
  return text === "" ? "申请公开的政府信息" : text;
}
