// Optimistic concurrency for the forms that change a case, a proceeding or the organization settings
// (docs/decisions/0010). Each form carries the row's `version` as it was loaded; a database trigger bumps
// the version on every UPDATE. A write first locks the row (SELECT … FOR UPDATE), then reads it, then
// compares: a form loaded before someone else's change is refused with who changed what and when (from
// the latest audit entry of the row), and the user's input stays in the form.
import { z } from "zod";
import type { Transaction } from "../db";
import { AppError } from "../errors";
import { formatDateTime, formatDate, formatTime } from "../format";
import { CASE_EVENT_LABELS } from "../cases/labels";
import type { CaseEventType } from "@prisma/client";

/**
 * The version a form was loaded with. `null` only for writes that no form carries (seeding, scripts,
 * tests that write step after step): they still lock the row and check its state after the lock, but
 * accept whatever version they find.
 */
export type ExpectedVersion = number | null;

/** The version field of a submitted form. */
export const expectedVersionSchema = z.coerce
  .number({ message: "表单缺少版本信息，请刷新页面后重试" })
  .int("表单版本信息无效，请刷新页面后重试")
  .min(0, "表单版本信息无效，请刷新页面后重试");

export type VersionedEntity = "Application" | "Proceeding" | "Organization";

const SUBJECTS: Record<VersionedEntity, string> = {
  Application: "该案件",
  Proceeding: "该复议或诉讼记录",
  Organization: "机构设置",
};

/** What an audit action did, in a few words ("登记办理步骤：补正告知"). */
export function describeAuditAction(action: string, before: unknown, after: unknown): string {
  const eventType = (value: unknown): string | null => {
    const type = typeof value === "object" && value !== null && "type" in value ? (value as { type: unknown }).type : null;
    return typeof type === "string" && type in CASE_EVENT_LABELS ? CASE_EVENT_LABELS[type as CaseEventType] : null;
  };
  if (action.startsWith("case_event.record.")) {
    const type = action.slice("case_event.record.".length).toUpperCase();
    return `登记办理步骤：${type in CASE_EVENT_LABELS ? CASE_EVENT_LABELS[type as CaseEventType] : type}`;
  }
  switch (action) {
    case "case_event.correct":
      return `更正办理步骤：${eventType(before) ?? eventType(after) ?? "办理步骤"}`;
    case "case_event.withdraw":
      return `撤销办理步骤：${eventType(before) ?? "办理步骤"}`;
    case "application.register":
      return "登记申请";
    case "application.update_registration":
      return "修改登记信息";
    case "application.assign":
      return "更改经办人";
    case "application.void":
      return "作废案件";
    case "application.restore":
      return "恢复案件";
    case "proceeding.add":
      return "登记复议或诉讼";
    case "proceeding.update":
      return "修改复议或诉讼";
    case "proceeding.delete":
      return "删除复议或诉讼";
    case "organization.update_settings":
      return "修改机构设置";
    case "ledger.import":
      return "导入台账";
    default:
      return "修改";
  }
}

/** "12:03" today, "2026-11-20 12:03" another day (Asia/Shanghai). */
function describeWhen(at: Date, now: Date): string {
  return formatDate(at) === formatDate(now) ? formatTime(at) : formatDateTime(at);
}

/** The refusal of a stale write: who changed the row, what, and when. */
export async function staleWriteError(tx: Transaction, entityType: VersionedEntity, entityId: string, now = new Date()): Promise<AppError> {
  const subject = SUBJECTS[entityType];
  const latest = await tx.auditEvent.findFirst({
    where: { entityType, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { action: true, before: true, after: true, createdAt: true, actor: { select: { displayName: true } } },
  });
  if (!latest) return new AppError("STALE", `${subject}在您打开页面后已被修改，请刷新后重试（您填写的内容仍保留在表单中）`);
  const who = latest.actor?.displayName ?? "系统";
  return new AppError(
    "STALE",
    `${subject}已于 ${describeWhen(latest.createdAt, now)} 被 ${who} 修改（${describeAuditAction(latest.action, latest.before, latest.after)}），请刷新后重试（您填写的内容仍保留在表单中）`,
  );
}

/** Compares the locked row's version with the form's; throws the stale-write refusal when they differ. */
export async function assertVersion(
  tx: Transaction,
  entity: { type: VersionedEntity; id: string; version: number },
  expectedVersion: ExpectedVersion,
): Promise<void> {
  if (expectedVersion === null || entity.version === expectedVersion) return;
  throw await staleWriteError(tx, entity.type, entity.id);
}

/** Locks a case of the organization for the rest of the transaction; false when there is none. */
export async function lockApplicationRow(tx: Transaction, organizationId: string, applicationId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Application" WHERE "id" = ${applicationId} AND "organizationId" = ${organizationId} FOR UPDATE`;
  return rows.length > 0;
}

/** Locks a proceeding of the organization for the rest of the transaction; false when there is none. */
export async function lockProceedingRow(tx: Transaction, organizationId: string, proceedingId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Proceeding" WHERE "id" = ${proceedingId} AND "organizationId" = ${organizationId} FOR UPDATE`;
  return rows.length > 0;
}

/** Locks an organization's row for the rest of the transaction; false when there is none. */
export async function lockOrganizationRow(tx: Transaction, organizationId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`;
  return rows.length > 0;
}
