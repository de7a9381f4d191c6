// 行政复议 / 行政诉讼 on a case (rules.md §3). Scoped to the actor's organization and audited with the full
// record before and after. The result is derived from the decision (a reconsideration) or from the
// instances (a lawsuit: the last effective judgment) and cached on the row for the report's SQL.
//
// Concurrency (docs/decisions/0010): every write locks the case row first (one order everywhere: the
// case, then the proceeding), so writes of a case's proceedings run one after the other; an edit or a
// deletion then locks the proceeding, reads it and compares its version with the form's.
import "server-only";
import type { Proceeding, ProceedingInstance, Prisma } from "@prisma/client";
import { db, type Transaction } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { dbDateFromIso, isoDateFromDb } from "../calendar/dates";
import { assertVersion, lockApplicationRow, lockProceedingRow, type ExpectedVersion } from "../concurrency/versions";
import { correctionReasonSchema } from "../cases/schemas";
import { proceedingInputSchema, type ProceedingInput } from "./schemas";
import { deriveLitigationResult, deriveReconsiderationResult, type DerivedResult } from "./dispositions";

/** Locks the case the proceeding belongs to (it must count: not voided) and reads it. */
async function lockCaseOf(tx: Transaction, actor: Actor, applicationId: string) {
  if (!(await lockApplicationRow(tx, actor.organizationId, applicationId))) throw new AppError("NOT_FOUND", "未找到该案件");
  const application = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { id: true, receivedOn: true, voidedAt: true } });
  if (application.voidedAt) throw new AppError("INVALID_STATE", "该案件已作废，不能再登记或修改复议、诉讼；如需继续办理，请由负责人先恢复该案件");
  return application;
}

/** Locks the proceeding after its case, reads it with its instances and compares the form's version. */
async function lockProceeding(tx: Transaction, actor: Actor, proceedingId: string, expectedVersion: ExpectedVersion) {
  // Only the case it belongs to is read before the locks (it never changes).
  const owner = await tx.proceeding.findFirst({ where: { id: proceedingId, organizationId: actor.organizationId }, select: { applicationId: true } });
  if (!owner) throw new AppError("NOT_FOUND", "未找到该复议或诉讼");
  const application = await lockCaseOf(tx, actor, owner.applicationId);
  if (!(await lockProceedingRow(tx, actor.organizationId, proceedingId))) throw new AppError("NOT_FOUND", "未找到该复议或诉讼");
  const existing = await tx.proceeding.findUniqueOrThrow({ where: { id: proceedingId }, include: { instances: { orderBy: { position: "asc" } } } });
  await assertVersion(tx, { type: "Proceeding", id: proceedingId, version: existing.version }, expectedVersion);
  return { application, existing };
}

async function checkProceeding(
  tx: Transaction,
  application: { id: string; receivedOn: Date },
  data: ProceedingInput,
  selfId: string | null,
) {
  if (data.filedOn < isoDateFromDb(application.receivedOn)) {
    throw new AppError("VALIDATION", "复议或起诉日期不能早于收到申请日期", { filedOn: ["不能早于收到申请日期"] });
  }
  if (data.kind === "LITIGATION" && data.route === "AFTER_RECONSIDERATION") {
    const reconsideration = await tx.proceeding.findFirst({
      where: { id: data.reconsiderationId, applicationId: application.id, kind: "RECONSIDERATION", NOT: selfId ? { id: selfId } : undefined },
    });
    if (!reconsideration) throw new AppError("VALIDATION", "复议后起诉须关联本案的行政复议", { reconsiderationId: ["请选择本案的行政复议"] });
    if (data.filedOn < isoDateFromDb(reconsideration.filedOn)) {
      throw new AppError("VALIDATION", "起诉日期不能早于所关联的复议申请日期", { filedOn: ["不能早于复议申请日期"] });
    }
  }
}

type StoredProceeding = Proceeding & { instances: ProceedingInstance[] };

/** A result recorded without a decision or instances (a ledger import, or entered before results had names). */
function hasUnnamedResult(existing: StoredProceeding | null): boolean {
  return Boolean(existing?.result) && !existing?.disposition && existing?.instances.length === 0;
}

/** The derived result of the input, or a refusal naming what does not fit. */
function resultOf(data: ProceedingInput, existing: StoredProceeding | null): DerivedResult {
  const nothingEntered = data.kind === "RECONSIDERATION" ? !data.disposition && !data.decidedOn : data.instances.length === 0;
  if (nothingEntered && data.keepRecordedResult && existing && hasUnnamedResult(existing)) {
    return { result: existing.result, decidedOn: existing.decidedOn ? isoDateFromDb(existing.decidedOn) : null };
  }
  const derived =
    data.kind === "RECONSIDERATION"
      ? deriveReconsiderationResult(data.disposition ?? null, data.decidedOn ?? null, data.filedOn)
      : deriveLitigationResult(
          data.instances.map((instance) => ({
            level: instance.level,
            filedOn: instance.filedOn,
            disposition: instance.disposition ?? null,
            decidedOn: instance.decidedOn ?? null,
          })),
          data.filedOn,
        );
  if (!derived.ok) {
    const field = derived.instanceIndex === null ? "decidedOn" : `instances.${derived.instanceIndex}`;
    throw new AppError("VALIDATION", derived.message, { [field]: [derived.message] });
  }
  return { result: derived.result, decidedOn: derived.decidedOn };
}

function columns(data: ProceedingInput, derived: DerivedResult) {
  return {
    kind: data.kind,
    route: data.kind === "LITIGATION" ? (data.route ?? null) : null,
    reconsiderationId: data.kind === "LITIGATION" && data.route === "AFTER_RECONSIDERATION" ? (data.reconsiderationId ?? null) : null,
    onlyCoDefendantAsReviewOrgan: data.kind === "LITIGATION" ? data.onlyCoDefendantAsReviewOrgan : false,
    filedOn: dbDateFromIso(data.filedOn),
    disposition: data.kind === "RECONSIDERATION" ? (data.disposition ?? null) : null,
    result: derived.result,
    decidedOn: derived.decidedOn ? dbDateFromIso(derived.decidedOn) : null,
    resultDetail: data.resultDetail ?? null,
    notes: data.notes ?? null,
  } satisfies Prisma.ProceedingUncheckedUpdateInput;
}

function instanceRows(proceedingId: string, data: ProceedingInput): Prisma.ProceedingInstanceCreateManyInput[] {
  if (data.kind !== "LITIGATION") return [];
  return data.instances.map((instance, position) => ({
    proceedingId,
    position,
    level: instance.level,
    filedOn: dbDateFromIso(instance.filedOn),
    disposition: instance.disposition ?? null,
    decidedOn: instance.decidedOn ? dbDateFromIso(instance.decidedOn) : null,
    note: instance.note ?? null,
  }));
}

/** The whole stored record, for the audit trail. */
function snapshotOf(proceeding: StoredProceeding) {
  const date = (value: Date | null) => (value ? isoDateFromDb(value) : null);
  return {
    applicationId: proceeding.applicationId,
    kind: proceeding.kind,
    route: proceeding.route,
    reconsiderationId: proceeding.reconsiderationId,
    onlyCoDefendantAsReviewOrgan: proceeding.onlyCoDefendantAsReviewOrgan,
    filedOn: isoDateFromDb(proceeding.filedOn),
    disposition: proceeding.disposition,
    result: proceeding.result,
    decidedOn: date(proceeding.decidedOn),
    resultDetail: proceeding.resultDetail,
    notes: proceeding.notes,
    instances: proceeding.instances.map((instance) => ({
      level: instance.level,
      filedOn: isoDateFromDb(instance.filedOn),
      disposition: instance.disposition,
      decidedOn: date(instance.decidedOn),
      note: instance.note,
    })),
  };
}

async function reload(tx: Transaction, proceedingId: string): Promise<StoredProceeding> {
  return tx.proceeding.findUniqueOrThrow({ where: { id: proceedingId }, include: { instances: { orderBy: { position: "asc" } } } });
}

export async function addProceeding({
  actor,
  applicationId,
  input,
}: {
  actor: Actor;
  applicationId: string;
  input: unknown;
}): Promise<{ id: string; version: number }> {
  assertCan(actor, "case:work");
  const data = parseInput(proceedingInputSchema, input);
  const derived = resultOf(data, null);
  return db.$transaction(async (tx) => {
    const application = await lockCaseOf(tx, actor, applicationId);
    await checkProceeding(tx, application, data, null);
    const proceeding = await tx.proceeding.create({
      data: { organizationId: actor.organizationId, applicationId, recordedById: actor.userId, ...columns(data, derived) },
    });
    await tx.proceedingInstance.createMany({ data: instanceRows(proceeding.id, data) });
    const stored = await reload(tx, proceeding.id);
    await recordAudit(tx, actor, { action: "proceeding.add", entityType: "Proceeding", entityId: proceeding.id, after: snapshotOf(stored) });
    return { id: proceeding.id, version: stored.version };
  });
}

export async function updateProceeding({
  actor,
  proceedingId,
  input,
  expectedVersion,
}: {
  actor: Actor;
  proceedingId: string;
  input: unknown;
  /** The proceeding's version as the form was loaded (see ExpectedVersion). */
  expectedVersion: ExpectedVersion;
}): Promise<{ version: number }> {
  assertCan(actor, "case:work");
  const data = parseInput(proceedingInputSchema, input);
  return db.$transaction(async (tx) => {
    const { application, existing } = await lockProceeding(tx, actor, proceedingId, expectedVersion);
    if (existing.kind !== data.kind) throw new AppError("VALIDATION", "不能把复议改为诉讼（或反之）；请删除后重新登记");
    await checkProceeding(tx, application, data, existing.id);
    const derived = resultOf(data, existing);
    await tx.proceedingInstance.deleteMany({ where: { proceedingId } });
    await tx.proceeding.update({ where: { id: proceedingId }, data: columns(data, derived) });
    await tx.proceedingInstance.createMany({ data: instanceRows(proceedingId, data) });
    const stored = await reload(tx, proceedingId);
    await recordAudit(tx, actor, {
      action: "proceeding.update",
      entityType: "Proceeding",
      entityId: proceedingId,
      before: snapshotOf(existing),
      after: snapshotOf(stored),
    });
    return { version: stored.version };
  });
}

/** Removes a proceeding entered by mistake (with the reason in the audit trail). */
export async function deleteProceeding({
  actor,
  proceedingId,
  reason,
  expectedVersion,
}: {
  actor: Actor;
  proceedingId: string;
  reason: unknown;
  /** The proceeding's version as the page was loaded (see ExpectedVersion). */
  expectedVersion: ExpectedVersion;
}): Promise<void> {
  assertCan(actor, "case:work");
  const why = parseInput(correctionReasonSchema, reason);
  await db.$transaction(async (tx) => {
    const { existing } = await lockProceeding(tx, actor, proceedingId, expectedVersion);
    if ((await tx.proceeding.count({ where: { reconsiderationId: existing.id } })) > 0) {
      throw new AppError("INVALID_STATE", "该行政复议关联有“复议后起诉”，请先删除或修改该诉讼");
    }
    await tx.proceeding.delete({ where: { id: existing.id } });
    await recordAudit(tx, actor, {
      action: "proceeding.delete",
      entityType: "Proceeding",
      entityId: existing.id,
      reason: why,
      before: snapshotOf(existing),
    });
  });
}
