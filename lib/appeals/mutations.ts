// 行政复议 / 行政诉讼 on a case (rules.md §3). Scoped to the actor's organization and audited.
import { db, type Transaction } from "../db";
import { AppError } from "../errors";
import { assertRole, type Actor } from "../auth/actor";
import { ROLES } from "../auth/roles";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { dbDateFromIso, isoDateFromDb } from "../calendar/queries";
import { correctionReasonSchema, proceedingInputSchema, type ProceedingInput } from "../cases/schemas";


async function checkProceeding(tx: Transaction, actor: Actor, applicationId: string, data: ProceedingInput, selfId: string | null) {
  const application = await tx.application.findFirst({ where: { id: applicationId, organizationId: actor.organizationId } });
  if (!application) throw new AppError("NOT_FOUND", "未找到该案件");
  if (data.filedOn < isoDateFromDb(application.receivedOn)) {
    throw new AppError("VALIDATION", "复议或起诉日期不能早于收到申请日期", { filedOn: ["不能早于收到申请日期"] });
  }
  if (data.kind === "LITIGATION" && data.route === "AFTER_RECONSIDERATION") {
    const reconsideration = await tx.proceeding.findFirst({
      where: { id: data.reconsiderationId, applicationId, kind: "RECONSIDERATION", NOT: selfId ? { id: selfId } : undefined },
    });
    if (!reconsideration) throw new AppError("VALIDATION", "复议后起诉须关联本案的行政复议", { reconsiderationId: ["请选择本案的行政复议"] });
    if (data.filedOn < isoDateFromDb(reconsideration.filedOn)) {
      throw new AppError("VALIDATION", "起诉日期不能早于所关联的复议申请日期", { filedOn: ["不能早于复议申请日期"] });
    }
  }
}

function columns(data: ProceedingInput) {
  return {
    kind: data.kind,
    route: data.kind === "LITIGATION" ? (data.route ?? null) : null,
    reconsiderationId: data.kind === "LITIGATION" && data.route === "AFTER_RECONSIDERATION" ? (data.reconsiderationId ?? null) : null,
    onlyCoDefendantAsReviewOrgan: data.kind === "LITIGATION" ? data.onlyCoDefendantAsReviewOrgan : false,
    filedOn: dbDateFromIso(data.filedOn),
    result: data.result ?? null,
    decidedOn: data.decidedOn ? dbDateFromIso(data.decidedOn) : null,
    resultDetail: data.resultDetail ?? null,
    notes: data.notes ?? null,
  };
}

export async function addProceeding({ actor, applicationId, input }: { actor: Actor; applicationId: string; input: unknown }) {
  assertRole(actor, ...ROLES);
  const data = parseInput(proceedingInputSchema, input);
  return db.$transaction(async (tx) => {
    await checkProceeding(tx, actor, applicationId, data, null);
    const proceeding = await tx.proceeding.create({
      data: { organizationId: actor.organizationId, applicationId, recordedById: actor.userId, ...columns(data) },
    });
    await recordAudit(tx, actor, { action: "proceeding.add", entityType: "Proceeding", entityId: proceeding.id, after: { applicationId, ...data } });
    return { id: proceeding.id };
  });
}

export async function updateProceeding({ actor, proceedingId, input }: { actor: Actor; proceedingId: string; input: unknown }) {
  assertRole(actor, ...ROLES);
  const data = parseInput(proceedingInputSchema, input);
  await db.$transaction(async (tx) => {
    const existing = await tx.proceeding.findFirst({ where: { id: proceedingId, organizationId: actor.organizationId } });
    if (!existing) throw new AppError("NOT_FOUND", "未找到该复议或诉讼");
    if (existing.kind !== data.kind) throw new AppError("VALIDATION", "不能把复议改为诉讼（或反之）；请删除后重新登记");
    await checkProceeding(tx, actor, existing.applicationId, data, existing.id);
    await tx.proceeding.update({ where: { id: proceedingId }, data: columns(data) });
    await recordAudit(tx, actor, {
      action: "proceeding.update",
      entityType: "Proceeding",
      entityId: proceedingId,
      before: {
        filedOn: isoDateFromDb(existing.filedOn),
        route: existing.route,
        result: existing.result,
        decidedOn: existing.decidedOn ? isoDateFromDb(existing.decidedOn) : null,
        onlyCoDefendantAsReviewOrgan: existing.onlyCoDefendantAsReviewOrgan,
      },
      after: data,
    });
  });
}

/** Removes a proceeding entered by mistake (with the reason in the audit trail). */
export async function deleteProceeding({ actor, proceedingId, reason }: { actor: Actor; proceedingId: string; reason: unknown }) {
  assertRole(actor, ...ROLES);
  const why = parseInput(correctionReasonSchema, reason);
  await db.$transaction(async (tx) => {
    const existing = await tx.proceeding.findFirst({ where: { id: proceedingId, organizationId: actor.organizationId } });
    if (!existing) throw new AppError("NOT_FOUND", "未找到该复议或诉讼");
    if ((await tx.proceeding.count({ where: { reconsiderationId: existing.id } })) > 0) {
      throw new AppError("INVALID_STATE", "该行政复议关联有“复议后起诉”，请先删除或修改该诉讼");
    }
    await tx.proceeding.delete({ where: { id: existing.id } });
    await recordAudit(tx, actor, {
      action: "proceeding.delete",
      entityType: "Proceeding",
      entityId: existing.id,
      reason: why,
      before: {
        applicationId: existing.applicationId,
        kind: existing.kind,
        route: existing.route,
        filedOn: isoDateFromDb(existing.filedOn),
        result: existing.result,
        decidedOn: existing.decidedOn ? isoDateFromDb(existing.decidedOn) : null,
      },
    });
  });
}
