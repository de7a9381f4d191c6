// Writing the case log. Every function authorizes the actor, scopes to the actor's organization,
// validates with zod, replays the case's events through the pure projection (which refuses an event
// that does not fit, in Chinese), and writes the event, the derived columns and the audit trail in one
// transaction. `today` is the caller's date in Asia/Shanghai.
import type { Prisma } from "@prisma/client";
import { db, type Transaction } from "../db";
import { AppError } from "../errors";
import { assertRole, type Actor } from "../auth/actor";
import { ROLES } from "../auth/roles";
import { auditableRow, recordAudit, recordAuditEntries } from "../audit/record";
import { parseInput } from "../validation";
import { dbDateFromIso, loadWorkCalendar } from "../calendar/queries";
import type { IsoDate, WorkCalendar } from "../calendar/workdays";
import { formatCaseNumber } from "./case-number";
import type { CaseEvent } from "./case-events";
import { ACTIVE_EVENTS_ORDER, projectionColumns, toDomainEvent } from "./persistence";
import { projectCase, type CaseProjection } from "./projection";
import { assignHandlerSchema, caseEventInputSchema, correctionReasonSchema, registerApplicationSchema } from "./schemas";
import { isoDateFromDb } from "../calendar/queries";


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

export async function registerApplication({ actor, input, today }: { actor: Actor; input: unknown; today: IsoDate }) {
  assertRole(actor, ...ROLES);
  const data = parseInput(registerApplicationSchema, input);
  if (data.receivedOn > today) throw new AppError("VALIDATION", "收到申请日期不能晚于今天", { receivedOn: ["收到申请日期不能晚于今天"] });
  const calendar = await loadWorkCalendar();

  return db.$transaction(async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId } });
    const handlerId = data.handlerId ?? actor.userId;
    if (handlerId !== actor.userId && actor.role === "CLERK") {
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

/** Locks the case row for the transaction and loads what the projection needs. */
async function loadCaseForUpdate(tx: Transaction, actor: Actor, applicationId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Application" WHERE id = ${applicationId} AND "organizationId" = ${actor.organizationId} FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", "未找到该案件");
  const application = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    include: { organization: { select: { feeStopsClock: true } } },
  });
  const rows = await tx.caseEvent.findMany({ where: { applicationId, supersededAt: null }, orderBy: ACTIVE_EVENTS_ORDER });
  return { application, rows, events: rows.map(toDomainEvent), receivedOn: isoDateFromDb(application.receivedOn) };
}

export async function recordCaseEvent({
  actor,
  applicationId,
  input,
  today,
}: {
  actor: Actor;
  applicationId: string;
  input: unknown;
  today: IsoDate;
}) {
  assertRole(actor, ...ROLES);
  const event = parseInput(caseEventInputSchema, input) as CaseEvent;
  const calendar = await loadWorkCalendar();
  return db.$transaction(async (tx) => {
    const current = await loadCaseForUpdate(tx, actor, applicationId);
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
    await tx.application.update({ where: { id: applicationId }, data: projectionColumns(projection) });
    await recordAudit(tx, actor, {
      action: `case_event.record.${event.type.toLowerCase()}`,
      entityType: "Application",
      entityId: applicationId,
      after: { eventId: row.id, type: event.type, occurredOn: event.occurredOn, details: event.details as Prisma.InputJsonValue },
    });
    return { eventId: row.id, projection };
  });
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
  today,
}: {
  actor: Actor;
  eventId: string;
  replacement: unknown | null;
  reason: unknown;
  today: IsoDate;
}) {
  assertRole(actor, ...ROLES);
  const correctionReason = parseInput(correctionReasonSchema, reason);
  const newEvent = replacement === null ? null : (parseInput(caseEventInputSchema, replacement) as CaseEvent);
  const calendar = await loadWorkCalendar();
  return db.$transaction(async (tx) => {
    const target = await tx.caseEvent.findFirst({ where: { id: eventId, organizationId: actor.organizationId } });
    if (!target) throw new AppError("NOT_FOUND", "未找到该办理步骤");
    if (target.supersededAt) throw new AppError("INVALID_STATE", "该步骤已被更正过，请更正最新的记录");
    if (newEvent && newEvent.type !== target.type) throw new AppError("VALIDATION", "更正不能改变步骤类型；如登记错了步骤，请撤销该步骤后重新登记");
    const current = await loadCaseForUpdate(tx, actor, target.applicationId);
    const index = current.rows.findIndex((row) => row.id === eventId);
    const events: CaseEvent[] = current.events.filter((_, position) => position !== index);
    if (newEvent) events.splice(index, 0, newEvent);
    // Keep replay order by date: the replacement may have moved.
    const ordered = events
      .map((event, position) => ({ event, position }))
      .sort((a, b) => (a.event.occurredOn === b.event.occurredOn ? a.position - b.position : a.event.occurredOn < b.event.occurredOn ? -1 : 1))
      .map(({ event }) => event);
    // Recorded history may already break a rule (an imported ledger): a correction is refused only for
    // what it breaks itself, i.e. a refusal that the history without it did not have.
    const settings = current.application.organization;
    const everything = Number.POSITIVE_INFINITY;
    const before = projectCase({ receivedOn: current.receivedOn, events: current.events, calendar, settings, today, historicEventCount: everything });
    const after = projectCase({ receivedOn: current.receivedOn, events: ordered, calendar, settings, today, historicEventCount: everything });
    if (!before.ok || !after.ok) throw new AppError("INVALID_STATE", before.ok ? (after.ok ? "" : after.message) : before.message);
    const refusedBefore = new Set(before.projection.historicRefusals.map((refusal) => current.events[refusal.index]));
    const introduced = after.projection.historicRefusals.find(
      (refusal) => ordered[refusal.index] === newEvent || !refusedBefore.has(ordered[refusal.index]),
    );
    if (introduced) {
      const prefix = ordered[introduced.index] === newEvent ? "" : "更正后，后续步骤不再成立：";
      throw new AppError("INVALID_STATE", `${prefix}${introduced.message}`);
    }
    const projection = after.projection;

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
    await tx.application.update({ where: { id: target.applicationId }, data: projectionColumns(projection) });
    await recordAudit(tx, actor, {
      action: newEvent ? "case_event.correct" : "case_event.withdraw",
      entityType: "Application",
      entityId: target.applicationId,
      reason: correctionReason,
      before: { eventId, type: target.type, occurredOn: isoDateFromDb(target.occurredOn), details: target.details as Prisma.InputJsonValue },
      after: newEvent
        ? { eventId: replacementId, type: newEvent.type, occurredOn: newEvent.occurredOn, details: newEvent.details as Prisma.InputJsonValue }
        : undefined,
    });
    return { projection };
  });
}

/** Managers and administrators reassign a case; a clerk may take an unassigned case. */
export async function assignHandler({ actor, input }: { actor: Actor; input: unknown }) {
  const { applicationId, handlerId } = parseInput(assignHandlerSchema, input);
  await db.$transaction(async (tx) => {
    const application = await tx.application.findFirst({ where: { id: applicationId, organizationId: actor.organizationId } });
    if (!application) throw new AppError("NOT_FOUND", "未找到该案件");
    const takingUnassigned = actor.role === "CLERK" && application.handlerId === null && handlerId === actor.userId;
    if (!takingUnassigned) assertRole(actor, "MANAGER", "ADMIN");
    if (handlerId) await assertActiveHandler(tx, actor, handlerId);
    if (application.handlerId === handlerId) return;
    await tx.application.update({ where: { id: applicationId }, data: { handlerId } });
    await recordAudit(tx, actor, {
      action: "application.assign",
      entityType: "Application",
      entityId: applicationId,
      before: { handlerId: application.handlerId },
      after: { handlerId },
    });
  });
}

/** Why open cases are recomputed: the change (already committed, with its own audit entry) that moves their clocks. */
export interface RecomputeCause {
  /** Who made the change (recorded as the actor of every case's entry). */
  actor: Actor | null;
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
