// Writing the case log. Every function authorizes the actor, scopes to the actor's organization,
// validates with zod, replays the case's events through the pure projection (which refuses an event
// that does not fit, in Chinese), and writes the event, the derived columns and the audit trail in one
// transaction. `today` is the caller's date in Asia/Shanghai.
//
// Concurrency (docs/decisions/0010): a write that changes an existing case first locks its row
// (SELECT … FOR UPDATE), then reads the case and checks everything — the form's version
// (`expectedVersion`), whether the case is voided, the state of the step being corrected — so that two
// writes of the same case run one after the other and the second sees the first.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Application, Prisma } from "@prisma/client";
import { z } from "zod";
import { db, type Transaction } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan, can } from "../auth/permissions";
import { auditableRow, recordAudit, recordAuditEntries, type AuditActor } from "../audit/record";
import { parseInput } from "../validation";
import { loadWorkCalendar } from "../calendar/queries";
import { dbDateFromIso, isoDateFromDb } from "../calendar/dates";
import type { IsoDate, WorkCalendar } from "../calendar/workdays";
import { assertVersion, lockApplicationRow, type ExpectedVersion } from "../concurrency/versions";
import { formatCaseNumber } from "./case-number";
import type { CaseEvent } from "./case-events";
import { ACTIVE_EVENTS_ORDER, projectionColumns, registrationOf, toDomainEvent, type RegistrationFields } from "./persistence";
import { projectCase, type CaseProjection, type ProjectionResult } from "./projection";
import { describePublishedReports, findPublishedReportsCounting, type PublishedReportRef } from "./published-reports";
import {
  assignHandlerSchema,
  caseEventInputSchema,
  correctionReasonSchema,
  editRegistrationSchema,
  registerApplicationSchema,
  voidReasonSchema,
  type EditRegistrationInput,
} from "./schemas";

async function assertActiveHandler(tx: Transaction, actor: Actor, handlerId: string): Promise<void> {
  const handler = await tx.user.findFirst({ where: { id: handlerId, organizationId: actor.organizationId, active: true }, select: { id: true } });
  if (!handler) throw new AppError("VALIDATION", "经办人不存在或已停用", { handlerId: ["请选择本单位启用中的用户"] });
}

function projectOrRefuse(input: Parameters<typeof projectCase>[0], focusIndex: number | null): CaseProjection {
  const result = projectCase(input);
  if (result.ok) return result.projection;
  // A refusal of an earlier event (after a correction) names the step it concerns.
  const prefix = focusIndex !== null && result.eventIndex !== focusIndex ? "更正后，后续步骤不再成立：" : "";
  throw new AppError("INVALID_STATE", `${prefix}${result.message}`);
}

/** What a step entered in the app must have beyond its schema (recorded history may lack it). */
function assertEnteredEvent(event: CaseEvent): void {
  if (event.type === "CORRECTION_REQUESTED" && !event.details.deadlineOn) {
    throw new AppError("VALIDATION", "请填写补正期限", { deadlineOn: ["请填写告知申请人的补正期限"] });
  }
  // Only an imported ledger may leave a fee notice's method or amount unrecorded.
  if (event.type === "FEE_NOTICE" && (event.details.unrecorded?.length ?? 0) > 0) {
    throw new AppError("VALIDATION", "请填写计收方式和收费金额", { amount: ["请填写收费金额"] });
  }
  if (event.type === "FEE_PAID" && event.details.amount === undefined) {
    throw new AppError("VALIDATION", "请填写缴费金额", { amount: ["请填写缴费金额"] });
  }
}

/**
 * An extension is approved in the system (docs/decisions/0075): a clerk requests it (lib/extensions) and a
 * manager's approval records the step with the manager as approver. A manager or administrator may
 * still record it directly (approving it at once); a ledger import records history as it happened.
 */
function assertMayRecordExtension(actor: Actor, event: CaseEvent): void {
  if (event.type === "EXTENSION" && !can(actor, "extension:approve")) {
    throw new AppError("FORBIDDEN", "延期须经负责人批准：请在案件页点“申请延期”，负责人批准后自动登记延期步骤");
  }
}

/**
 * Replays recorded history with a change (a corrected step, another receipt date): recorded history may
 * already break a rule (an imported ledger), so the change is refused only for what it breaks itself,
 * i.e. a refusal that the history without it did not have. `changed` are the events the change brought
 * in (refused with their own message; others with "更正后，后续步骤不再成立").
 */
function replayChange({
  before,
  after,
  changed,
  refusalPrefix,
}: {
  before: { input: Parameters<typeof projectCase>[0] };
  after: { input: Parameters<typeof projectCase>[0] };
  changed: ReadonlySet<CaseEvent>;
  refusalPrefix: string;
}): CaseProjection {
  const everything = Number.POSITIVE_INFINITY;
  const previous: ProjectionResult = projectCase({ ...before.input, historicEventCount: everything });
  const next: ProjectionResult = projectCase({ ...after.input, historicEventCount: everything });
  if (!previous.ok) throw new AppError("INVALID_STATE", previous.message);
  if (!next.ok) throw new AppError("INVALID_STATE", next.message);
  const refusedBefore = new Set(previous.projection.historicRefusals.map((refusal) => before.input.events[refusal.index]));
  const introduced = next.projection.historicRefusals.find(
    (refusal) => changed.has(after.input.events[refusal.index]!) || !refusedBefore.has(after.input.events[refusal.index]),
  );
  if (introduced) {
    const prefix = changed.has(after.input.events[introduced.index]!) ? "" : refusalPrefix;
    throw new AppError("INVALID_STATE", `${prefix}${introduced.message}`);
  }
  return next.projection;
}

export async function registerApplication({
  actor,
  input,
  today,
  transaction,
}: {
  actor: Actor;
  input: unknown;
  today: IsoDate;
  /** The caller's transaction, when the registration is one part of a larger change (当场答复). */
  transaction?: Transaction;
}): Promise<{ id: string; caseNumber: string }> {
  assertCan(actor, "case:work");
  const data = parseInput(registerApplicationSchema, input);
  if (data.receivedOn > today) throw new AppError("VALIDATION", "收到申请日期不能晚于今天", { receivedOn: ["收到申请日期不能晚于今天"] });
  const calendar = await loadWorkCalendar();

  const write = async (tx: Transaction) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId } });
    const handlerId = data.handlerId ?? actor.userId;
    if (handlerId !== actor.userId && !can(actor, "case:assign")) {
      throw new AppError("FORBIDDEN", "登记员只能将案件登记在自己名下；如需分配给他人，请由负责人分配", { handlerId: ["请选择自己"] });
    }
    await assertActiveHandler(tx, actor, handlerId);
    const projection = projectOrRefuse({ receivedOn: data.receivedOn, events: [], calendar, settings: organization, today }, null);

    const caseYear = Number(data.receivedOn.slice(0, 4));
    const { caseNumber, sequence } = await allocateCaseNumber(tx, organization, caseYear);

    const application = await tx.application.create({
      data: {
        organizationId: actor.organizationId,
        caseNumber,
        caseYear,
        caseSequence: sequence,
        receivedOn: dbDateFromIso(data.receivedOn),
        channel: data.channel,
        applicantType: data.applicantType,
        applicantName: data.applicantName,
        applicantIdNumber: data.applicantIdNumber,
        applicantContact: data.applicantContact,
        applicantAddress: data.applicantAddress,
        agentName: data.agentName,
        agentContact: data.agentContact,
        requestContent: data.requestContent,
        deliveryForm: data.deliveryForm,
        deliveryMethod: data.deliveryMethod,
        handlerId,
        registeredById: actor.userId,
        ...projectionColumns(projection),
      },
    });
    await recordAudit(tx, actor, {
      action: "application.register",
      entityType: "Application",
      entityId: application.id,
      after: { caseNumber, ...data, handlerId },
    });
    return { id: application.id, caseNumber };
  };
  return transaction ? write(transaction) : db.$transaction(write);
}

/**
 * 当场答复: a request answered at the counter the day it is received. Registers the case and records its
 * closing step (答复办结) in one transaction, through the same checks as the two separate actions: either
 * both are saved (and audited, each with its own entry) or neither. The field errors of both forms are
 * reported at once.
 */
export async function registerWithSameDayReply({
  actor,
  input,
  closing,
  today,
}: {
  actor: Actor;
  input: unknown;
  /** The closing step as the step form builds it: { type: "DECISION_SERVED", occurredOn, details }. */
  closing: unknown;
  today: IsoDate;
}): Promise<{ id: string; caseNumber: string }> {
  assertCan(actor, "case:work");
  const registration = registerApplicationSchema.safeParse(input);
  const step = caseEventInputSchema.safeParse(closing);
  if (!registration.success || !step.success || step.data.type !== "DECISION_SERVED") {
    // Both forms' messages together (each parseInput below would stop at its own first form).
    const errors: Record<string, string[]> = {};
    let message = "";
    for (const [schema, value] of [
      [registerApplicationSchema, input],
      [caseEventInputSchema, closing],
    ] as const) {
      try {
        parseInput(schema, value);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        message ||= error.message;
        for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
          // A closing detail is reported under its own name (serviceMethod), as the step form shows it.
          const key = field.startsWith("details.") ? field.slice("details.".length) : field;
          (errors[key] ??= []).push(...messages);
        }
      }
    }
    if (step.success && step.data.type !== "DECISION_SERVED") throw new AppError("VALIDATION", "当场答复只能登记答复办结");
    throw new AppError("VALIDATION", message || "输入有误", errors);
  }
  if (step.data.occurredOn < registration.data.receivedOn) {
    throw new AppError("VALIDATION", "答复日期不能早于收到申请日期", { occurredOn: ["答复日期不能早于收到申请日期"] });
  }
  return db.$transaction(async (tx) => {
    const registered = await registerApplication({ actor, input, today, transaction: tx });
    await recordCaseEvent({ actor, applicationId: registered.id, input: closing, expectedVersion: null, today, transaction: tx });
    return registered;
  });
}

/**
 * The next free case number of the organization and year. The counter row is bumped atomically
 * (INSERT … ON CONFLICT), so concurrent registrations get different numbers; numbers already taken
 * (by an imported ledger, say) are skipped.
 */
async function allocateCaseNumber(
  tx: Transaction,
  organization: { id: string; caseNumberPattern: string; caseNumberPrefix: string },
  year: number,
): Promise<{ caseNumber: string; sequence: number }> {
  for (let attempt = 0; attempt < 10_000; attempt += 1) {
    const [row] = await tx.$queryRaw<{ lastSequence: number }[]>`
      INSERT INTO "CaseNumberCounter" ("organizationId", "year", "lastSequence") VALUES (${organization.id}, ${year}, 1)
      ON CONFLICT ("organizationId", "year") DO UPDATE SET "lastSequence" = "CaseNumberCounter"."lastSequence" + 1
      RETURNING "lastSequence"`;
    const sequence = row!.lastSequence;
    const caseNumber = formatCaseNumber(organization.caseNumberPattern, { prefix: organization.caseNumberPrefix, year, sequence });
    const taken = await tx.application.findUnique({
      where: { organizationId_caseNumber: { organizationId: organization.id, caseNumber } },
      select: { id: true },
    });
    if (!taken) return { caseNumber, sequence };
  }
  throw new AppError("CONFLICT", "无法生成未被占用的案件编号，请检查机构设置中的编号规则");
}

/**
 * Locks the case row for the transaction, then reads it and checks the form's version and that the case
 * is not voided (unless `allowVoided`: voiding and restoring).
 */
async function lockCase(
  tx: Transaction,
  actor: Actor,
  applicationId: string,
  expectedVersion: ExpectedVersion,
  options: { allowVoided?: boolean } = {},
): Promise<Application & { organization: { feeStopsClock: boolean } }> {
  if (!(await lockApplicationRow(tx, actor.organizationId, applicationId))) throw new AppError("NOT_FOUND", "未找到该案件");
  const application = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    include: { organization: { select: { feeStopsClock: true } } },
  });
  await assertVersion(tx, { type: "Application", id: applicationId, version: application.version }, expectedVersion);
  if (application.voidedAt && !options.allowVoided) {
    throw new AppError("INVALID_STATE", "该案件已作废，不能再办理或修改；如需继续办理，请由负责人先恢复该案件");
  }
  return application;
}

/** Locks the case (lockCase) and loads what the projection needs (also for lib/extensions). */
export async function loadCaseForUpdate(tx: Transaction, actor: Actor, applicationId: string, expectedVersion: ExpectedVersion) {
  const application = await lockCase(tx, actor, applicationId, expectedVersion);
  const rows = await tx.caseEvent.findMany({ where: { applicationId, supersededAt: null }, orderBy: ACTIVE_EVENTS_ORDER });
  return { application, rows, events: rows.map(toDomainEvent), receivedOn: isoDateFromDb(application.receivedOn) };
}

/** The derived state an audit entry records beside the change. */
function clockSummary(columns: { status: string; clockPhase: string; dueOn: Date | null }) {
  return { status: columns.status, clockPhase: columns.clockPhase, dueOn: columns.dueOn ? isoDateFromDb(columns.dueOn) : null };
}

export async function recordCaseEvent({
  actor,
  applicationId,
  input,
  expectedVersion,
  today,
  transaction,
  batchCause,
}: {
  actor: Actor;
  applicationId: string;
  input: unknown;
  /** The case's version as the form was loaded (see ExpectedVersion). */
  expectedVersion: ExpectedVersion;
  today: IsoDate;
  /** The caller's transaction, when the step is one part of a larger change (a letter that records it). */
  transaction?: Transaction;
  /** When the step is one case of a batch (lib/batch): the batch's audit entry, named by this case's entry. */
  batchCause?: BatchCause;
}): Promise<{ eventId: string; projection: CaseProjection; version: number }> {
  assertCan(actor, "case:work");
  const parsed = parseInput(caseEventInputSchema, input) as CaseEvent;
  assertEnteredEvent(parsed);
  assertMayRecordExtension(actor, parsed);
  // A consultation gets the key its answer will name (several may be under way at once).
  const event: CaseEvent =
    parsed.type === "CONSULTATION_SENT" && !parsed.details.key ? { ...parsed, details: { ...parsed.details, key: randomUUID() } } : parsed;
  const calendar = await loadWorkCalendar();
  const write = async (tx: Transaction) => {
    const current = await loadCaseForUpdate(tx, actor, applicationId, expectedVersion);
    const events = [...current.events, event];
    const projection = projectOrRefuse(
      { receivedOn: current.receivedOn, events, calendar, settings: current.application.organization, today, historicEventCount: current.events.length },
      events.length - 1,
    );
    const row = await tx.caseEvent.create({
      data: {
        organizationId: actor.organizationId,
        applicationId,
        type: event.type,
        occurredOn: dbDateFromIso(event.occurredOn),
        details: event.details as Prisma.InputJsonValue,
        recordedById: actor.userId,
      },
    });
    const columns = projectionColumns(projection);
    const updated = await tx.application.update({ where: { id: applicationId }, data: columns, select: { version: true } });
    await recordAudit(tx, actor, {
      action: `case_event.record.${event.type.toLowerCase()}`,
      entityType: "Application",
      entityId: applicationId,
      before: clockSummary(current.application),
      after: {
        eventId: row.id,
        type: event.type,
        occurredOn: event.occurredOn,
        details: event.details as Prisma.InputJsonValue,
        ...clockSummary(columns),
        ...batchCauseFields(batchCause),
      },
      ...(batchCause ? { reason: batchCause.description } : {}),
    });
    return { eventId: row.id, projection, version: updated.version };
  };
  return transaction ? write(transaction) : db.$transaction(write);
}

/**
 * Corrects a wrongly entered event: the old one is kept, marked superseded with the reason, and the
 * replacement takes its place in the order of events. With `replacement` null the event is withdrawn.
 * The whole case is replayed, so a correction that would invalidate a later step is refused.
 */
export async function correctCaseEvent({
  actor,
  eventId,
  replacement,
  reason,
  expectedVersion,
  today,
}: {
  actor: Actor;
  eventId: string;
  replacement: unknown | null;
  reason: unknown;
  /** The case's version as the form was loaded (see ExpectedVersion). */
  expectedVersion: ExpectedVersion;
  today: IsoDate;
}): Promise<{ projection: CaseProjection; version: number; replacementId: string | null }> {
  assertCan(actor, "case:work");
  const correctionReason = parseInput(correctionReasonSchema, reason);
  const parsedReplacement = replacement === null ? null : (parseInput(caseEventInputSchema, replacement) as CaseEvent);
  if (parsedReplacement) assertEnteredEvent(parsedReplacement);
  if (parsedReplacement) assertMayRecordExtension(actor, parsedReplacement);
  const calendar = await loadWorkCalendar();
  return db.$transaction(async (tx) => {
    // Only the case the step belongs to is read before the lock (it never changes); the step itself is
    // read and checked after the case is locked.
    const owner = await tx.caseEvent.findFirst({ where: { id: eventId, organizationId: actor.organizationId }, select: { applicationId: true } });
    if (!owner) throw new AppError("NOT_FOUND", "未找到该办理步骤");
    const current = await loadCaseForUpdate(tx, actor, owner.applicationId, expectedVersion);
    const target = await tx.caseEvent.findUniqueOrThrow({ where: { id: eventId } });
    if (target.supersededAt) {
      throw new AppError("INVALID_STATE", target.supersededById ? "该步骤已被更正过，请更正最新的记录" : "该步骤已被撤销，不能再更正或撤销");
    }
    if (parsedReplacement && parsedReplacement.type !== target.type) {
      throw new AppError("VALIDATION", "更正不能改变步骤类型；如登记错了步骤，请撤销该步骤后重新登记");
    }
    const newEvent = parsedReplacement ? keepIdentity(parsedReplacement, toDomainEvent(target)) : null;
    const index = current.rows.findIndex((row) => row.id === eventId);
    const events: CaseEvent[] = current.events.filter((_, position) => position !== index);
    if (newEvent) events.splice(index, 0, newEvent);
    // Keep replay order by date: the replacement may have moved.
    const ordered = events
      .map((event, position) => ({ event, position }))
      .sort((a, b) => (a.event.occurredOn === b.event.occurredOn ? a.position - b.position : a.event.occurredOn < b.event.occurredOn ? -1 : 1))
      .map(({ event }) => event);
    const settings = current.application.organization;
    const projection = replayChange({
      before: { input: { receivedOn: current.receivedOn, events: current.events, calendar, settings, today } },
      after: { input: { receivedOn: current.receivedOn, events: ordered, calendar, settings, today } },
      changed: new Set(newEvent ? [newEvent] : []),
      refusalPrefix: "更正后，后续步骤不再成立：",
    });

    let replacementId: string | null = null;
    if (newEvent) {
      const created = await tx.caseEvent.create({
        data: {
          organizationId: actor.organizationId,
          applicationId: target.applicationId,
          type: newEvent.type,
          occurredOn: dbDateFromIso(newEvent.occurredOn),
          details: newEvent.details as Prisma.InputJsonValue,
          recordedById: actor.userId,
          createdAt: target.createdAt,
        },
      });
      replacementId = created.id;
    }
    await tx.caseEvent.update({
      where: { id: eventId },
      data: { supersededAt: new Date(), supersededById: replacementId, correctionReason },
    });
    const columns = projectionColumns(projection);
    const updated = await tx.application.update({ where: { id: target.applicationId }, data: columns, select: { version: true } });
    await recordAudit(tx, actor, {
      action: newEvent ? "case_event.correct" : "case_event.withdraw",
      entityType: "Application",
      entityId: target.applicationId,
      reason: correctionReason,
      before: {
        eventId,
        type: target.type,
        occurredOn: isoDateFromDb(target.occurredOn),
        details: target.details as Prisma.InputJsonValue,
        ...clockSummary(current.application),
      },
      after: newEvent
        ? { eventId: replacementId, type: newEvent.type, occurredOn: newEvent.occurredOn, details: newEvent.details as Prisma.InputJsonValue, ...clockSummary(columns) }
        : { eventId: null, withdrawnEventId: eventId, ...clockSummary(columns) },
    });
    return { projection, version: updated.version, replacementId };
  });
}

/** A corrected consultation keeps the key its answer refers to; a corrected answer keeps the consultation it answers. */
function keepIdentity(replacement: CaseEvent, original: CaseEvent): CaseEvent {
  if (replacement.type === "CONSULTATION_SENT" && original.type === "CONSULTATION_SENT" && original.details.key) {
    return { ...replacement, details: { ...replacement.details, key: original.details.key } };
  }
  if (replacement.type === "CONSULTATION_ANSWERED" && original.type === "CONSULTATION_ANSWERED" && original.details.consultationKey) {
    return { ...replacement, details: { ...replacement.details, consultationKey: original.details.consultationKey } };
  }
  return replacement;
}

/** Managers and administrators reassign a case; a clerk may take an unassigned case. */
export async function assignHandler({
  actor,
  input,
  expectedVersion,
  transaction,
  batchCause,
}: {
  actor: Actor;
  input: unknown;
  /** The case's version as the form was loaded (see ExpectedVersion). */
  expectedVersion: ExpectedVersion;
  /** The caller's transaction, when the case is one of a batch (lib/batch). */
  transaction?: Transaction;
  /** The batch's audit entry, named by this case's entry. */
  batchCause?: BatchCause;
}): Promise<{ version: number; changed: boolean }> {
  const { applicationId, handlerId } = parseInput(assignHandlerSchema, input);
  const write = async (tx: Transaction) => {
    const application = await lockCase(tx, actor, applicationId, expectedVersion);
    const takingUnassigned = !can(actor, "case:assign") && application.handlerId === null && handlerId === actor.userId;
    if (!takingUnassigned) assertCan(actor, "case:assign");
    if (handlerId) await assertActiveHandler(tx, actor, handlerId);
    if (application.handlerId === handlerId) return { version: application.version, changed: false };
    const updated = await tx.application.update({ where: { id: applicationId }, data: { handlerId }, select: { version: true } });
    await recordAudit(tx, actor, {
      action: "application.assign",
      entityType: "Application",
      entityId: applicationId,
      before: { handlerId: application.handlerId },
      after: { handlerId, ...batchCauseFields(batchCause) },
      ...(batchCause ? { reason: batchCause.description } : {}),
    });
    return { version: updated.version, changed: true };
  };
  return transaction ? write(transaction) : db.$transaction(write);
}

/**
 * A batch change (lib/batch/mutations.ts) of which a case's change is one part: the batch's own audit
 * entry, which the case's entry names as its cause (as a recomputation names the calendar change).
 */
export interface BatchCause {
  action: string;
  causeAuditId: string;
  /** In Chinese, the case's entry's reason: e.g. "批量分配经办人（共 10 件）". */
  description: string;
}

function batchCauseFields(batchCause: BatchCause | undefined): { cause?: Prisma.InputJsonObject } {
  return batchCause ? { cause: { action: batchCause.action, causeAuditId: batchCause.causeAuditId } } : {};
}

function registrationFrom(data: EditRegistrationInput): RegistrationFields {
  return {
    applicantType: data.applicantType,
    applicantName: data.applicantName,
    applicantIdNumber: data.applicantIdNumber ?? null,
    applicantContact: data.applicantContact ?? null,
    applicantAddress: data.applicantAddress ?? null,
    agentName: data.agentName ?? null,
    agentContact: data.agentContact ?? null,
    channel: data.channel,
    receivedOn: data.receivedOn,
    requestContent: data.requestContent,
    deliveryForm: data.deliveryForm ?? null,
    deliveryMethod: data.deliveryMethod ?? null,
  };
}

/**
 * Corrects the registration (条例 Art. 29 fields, the applicant type and the receipt date included), with
 * a reason. The case number stays: it is the case's identity. A new receipt date replays the clock and
 * rewrites the due date and the derived columns in the same transaction; it is refused when a recorded
 * step no longer fits. A published report that counts the case keeps its frozen figures: the report page
 * shows the difference, and the result names those reports.
 */
export async function updateRegistration({
  actor,
  applicationId,
  input,
  reason,
  expectedVersion,
  today,
  confirmPublishedChange = true,
}: {
  actor: Actor;
  applicationId: string;
  input: unknown;
  reason: unknown;
  /** The case's version as the form was loaded (see ExpectedVersion). */
  expectedVersion: ExpectedVersion;
  today: IsoDate;
  /**
   * The user confirmed the warning that a published report counts the case (the form's checkbox). When
   * false and a published report counts the case, nothing is saved and the reports are named.
   */
  confirmPublishedChange?: boolean;
}): Promise<{ version: number; changedFields: (keyof RegistrationFields)[]; publishedReports: PublishedReportRef[] }> {
  assertCan(actor, "case:work");
  const data = parseInput(editRegistrationSchema, input);
  const { reason: why } = parseInput(z.object({ reason: correctionReasonSchema }), { reason });
  if (data.receivedOn > today) throw new AppError("VALIDATION", "收到申请日期不能晚于今天", { receivedOn: ["收到申请日期不能晚于今天"] });
  const calendar = await loadWorkCalendar();
  return db.$transaction(async (tx) => {
    const current = await loadCaseForUpdate(tx, actor, applicationId, expectedVersion);
    const publishedReports = await findPublishedReportsCounting(tx, actor.organizationId, [applicationId]);
    if (publishedReports.length > 0 && !confirmPublishedChange) {
      const message = `本案计入已发布的${describePublishedReports(publishedReports)}：请确认已知晓已发布的版本不变、差异将在报告页显示`;
      throw new AppError("VALIDATION", message, { acknowledgePublished: [message] });
    }
    const before = registrationOf(current.application);
    const after = registrationFrom(data);
    const changedFields = (Object.keys(after) as (keyof RegistrationFields)[]).filter((field) => before[field] !== after[field]);
    if (changedFields.length === 0) throw new AppError("VALIDATION", "登记信息没有变化");

    const settings = current.application.organization;
    const projection = replayChange({
      before: { input: { receivedOn: current.receivedOn, events: current.events, calendar, settings, today } },
      after: { input: { receivedOn: after.receivedOn, events: current.events, calendar, settings, today } },
      changed: new Set(),
      refusalPrefix: `收到申请日期改为 ${after.receivedOn} 后，已登记的办理步骤不再成立：`,
    });
    const columns = projectionColumns(projection);
    const updated = await tx.application.update({
      where: { id: applicationId },
      data: { ...after, receivedOn: dbDateFromIso(after.receivedOn), ...columns },
      select: { version: true },
    });
    await recordAudit(tx, actor, {
      action: "application.update_registration",
      entityType: "Application",
      entityId: applicationId,
      reason: why,
      before: { caseNumber: current.application.caseNumber, ...before, ...clockSummary(current.application) },
      after: { caseNumber: current.application.caseNumber, ...after, ...clockSummary(columns), changedFields },
    });
    return { version: updated.version, changedFields, publishedReports };
  });
}

/**
 * 作废: a case registered by mistake or twice leaves every list, count, alert and report, but is never
 * deleted (managers and administrators, with a reason). Its alerts are removed; restoring brings it back.
 */
export async function voidApplication({
  actor,
  applicationId,
  reason,
  expectedVersion,
  now = new Date(),
}: {
  actor: Actor;
  applicationId: string;
  reason: unknown;
  /** The case's version as the form was loaded (see ExpectedVersion). */
  expectedVersion: ExpectedVersion;
  now?: Date;
}): Promise<{ version: number; publishedReports: PublishedReportRef[] }> {
  assertCan(actor, "case:void");
  const why = parseInput(voidReasonSchema, reason);
  return db.$transaction(async (tx) => {
    const application = await lockCase(tx, actor, applicationId, expectedVersion, { allowVoided: true });
    if (application.voidedAt) throw new AppError("INVALID_STATE", "该案件已作废");
    const updated = await tx.application.update({
      where: { id: applicationId },
      data: { voidedAt: now, voidedById: actor.userId, voidReason: why },
      select: { version: true },
    });
    // Alerts are derived (regenerated hourly for cases that count): a voided case has none.
    await tx.notification.deleteMany({ where: { applicationId } });
    await recordAudit(tx, actor, {
      action: "application.void",
      entityType: "Application",
      entityId: applicationId,
      reason: why,
      before: { caseNumber: application.caseNumber, voidedAt: null, voidedById: null, voidReason: null },
      after: { caseNumber: application.caseNumber, voidedAt: now.toISOString(), voidedById: actor.userId, voidReason: why },
    });
    const proceedings = await tx.proceeding.findMany({ where: { applicationId }, select: { id: true } });
    const publishedReports = await findPublishedReportsCounting(tx, actor.organizationId, [applicationId, ...proceedings.map((row) => row.id)]);
    return { version: updated.version, publishedReports };
  });
}

/** Restores a voided case (managers and administrators, with a reason); its clock is replayed for today. */
export async function restoreApplication({
  actor,
  applicationId,
  reason,
  expectedVersion,
  today,
}: {
  actor: Actor;
  applicationId: string;
  reason: unknown;
  /** The case's version as the form was loaded (see ExpectedVersion). */
  expectedVersion: ExpectedVersion;
  today: IsoDate;
}): Promise<{ version: number }> {
  assertCan(actor, "case:void");
  const why = parseInput(voidReasonSchema, reason);
  const calendar = await loadWorkCalendar();
  return db.$transaction(async (tx) => {
    const application = await lockCase(tx, actor, applicationId, expectedVersion, { allowVoided: true });
    if (!application.voidedAt) throw new AppError("INVALID_STATE", "该案件未作废，无需恢复");
    const rows = await tx.caseEvent.findMany({ where: { applicationId, supersededAt: null }, orderBy: ACTIVE_EVENTS_ORDER });
    const result = projectCase({
      receivedOn: isoDateFromDb(application.receivedOn),
      events: rows.map(toDomainEvent),
      calendar,
      settings: application.organization,
      today,
      historicEventCount: Number.POSITIVE_INFINITY,
    });
    const columns = result.ok ? projectionColumns(result.projection) : {};
    const updated = await tx.application.update({
      where: { id: applicationId },
      data: { voidedAt: null, voidedById: null, voidReason: null, ...columns },
      select: { version: true },
    });
    await recordAudit(tx, actor, {
      action: "application.restore",
      entityType: "Application",
      entityId: applicationId,
      reason: why,
      before: {
        caseNumber: application.caseNumber,
        voidedAt: application.voidedAt.toISOString(),
        voidedById: application.voidedById,
        voidReason: application.voidReason,
      },
      after: { caseNumber: application.caseNumber, voidedAt: null, voidedById: null, voidReason: null },
    });
    return { version: updated.version };
  });
}

/** Why open cases are recomputed: the change (already committed, with its own audit entry) that moves their clocks. */
export interface RecomputeCause {
  /** Who made the change (recorded as the actor of every case's entry): a user, an operator, or nobody (the CLI). */
  actor: AuditActor | null;
  /** The action of the change, e.g. "calendar.set_day" or "organization.update_settings". */
  action: string;
  /** The change's own audit entry, named by every case's entry. */
  auditEventId: string | null;
  /** In Chinese, for the case's 操作记录: e.g. "工作日历：2026-10-08 设为法定节假日（国庆节）". */
  description: string;
}

/**
 * After a calendar change: replays every open case of every organization against the new calendar
 * and rewrites its derived columns (due date, provisional flag…). Each rewritten case gets an audit
 * entry with its columns before and after and the cause, in the same transaction as its rewrite (one
 * transaction per batch). Returns how many cases changed.
 */
export async function recomputeOpenCases({
  calendar,
  today,
  organizationId,
  cause,
}: {
  calendar: WorkCalendar;
  today: IsoDate;
  /** Only this organization's cases (after its settings changed); all organizations when absent. */
  organizationId?: string;
  cause: RecomputeCause;
}): Promise<number> {
  const batchSize = 500;
  let changed = 0;
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.application.findMany({
      where: { status: "OPEN", ...(organizationId ? { organizationId } : {}) },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      include: {
        organization: { select: { feeStopsClock: true } },
        events: { where: { supersededAt: null }, orderBy: ACTIVE_EVENTS_ORDER },
      },
    });
    if (batch.length === 0) break;
    cursor = batch[batch.length - 1]!.id;
    const rewrites: { application: (typeof batch)[number]; columns: ReturnType<typeof projectionColumns>; before: Prisma.InputJsonObject; after: Prisma.InputJsonObject }[] = [];
    for (const application of batch) {
      const result = projectCase({
        receivedOn: isoDateFromDb(application.receivedOn),
        events: application.events.map(toDomainEvent),
        calendar,
        settings: application.organization,
        today,
        historicEventCount: Number.POSITIVE_INFINITY,
      });
      // A history that breaks a rule (an imported ledger, say) keeps the columns it was stored with.
      if (!result.ok || result.projection.historicRefusals.length > 0) continue;
      const columns = projectionColumns(result.projection);
      const after = auditableRow(columns);
      const before = auditableRow(Object.fromEntries(Object.keys(columns).map((key) => [key, application[key as keyof typeof columns]])));
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      rewrites.push({ application, columns, before, after });
    }
    if (rewrites.length === 0) continue;
    changed += await db.$transaction(async (tx) => {
      const written: typeof rewrites = [];
      for (const rewrite of rewrites) {
        // Only if nobody recorded a step since it was read (a step rewrites the columns itself).
        const updated = await tx.application.updateMany({ where: { id: rewrite.application.id, updatedAt: rewrite.application.updatedAt }, data: rewrite.columns });
        if (updated.count > 0) written.push(rewrite);
      }
      await recordAuditEntries(
        tx,
        cause.actor,
        written.map(({ application, before, after }) => ({
          organizationId: application.organizationId,
          applicationId: application.id,
          action: "application.recompute",
          entityType: "Application",
          entityId: application.id,
          before,
          after: { ...after, cause: { action: cause.action, causeAuditId: cause.auditEventId } },
          reason: cause.description,
        })),
      );
      return written.length;
    });
  }
  return changed;
}
