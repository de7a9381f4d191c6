// Extension requests (docs/decisions/0075): the handler asks for an extension of the reply period; every
// manager of the organization is notified; a manager other than the requester approves it — recording
// the case's EXTENSION step with the manager as approver, in the same transaction as the request's new
// status — or rejects it with a reason (the requester is notified either way). Every change is audited
// and runs in one transaction.
//
// Locks: the case row first (as every case write does), then the request row, so that a request being
// made and one being decided on the same case never wait on each other in the opposite order.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db, type Transaction } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/actor";
import { assertCan, PERMISSIONS } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { loadWorkCalendar } from "../calendar/queries";
import type { IsoDate } from "../calendar/workdays";
import { lockApplicationRow, type ExpectedVersion } from "../concurrency/versions";
import { formatDateTime } from "../format";
import { loadCaseForUpdate, recordCaseEvent } from "../cases/mutations";
import { extensionRejectionSchema, extensionRequestSchema } from "./schemas";
import { extensionRequestRefusal, selfDecisionRefusal } from "./rules";

const STATUS_WORDS = { PENDING: "待批准", APPROVED: "批准", REJECTED: "驳回", WITHDRAWN: "撤回" } as const;

/** The handler's request: checked against the clock now (the approval checks it again). */
export async function requestExtension({
  actor,
  applicationId,
  input,
  expectedVersion,
  today,
}: {
  actor: Actor;
  applicationId: string;
  input: unknown;
  /** The case's version as the page was loaded. */
  expectedVersion: ExpectedVersion;
  today: IsoDate;
}): Promise<{ requestId: string }> {
  assertCan(actor, "case:work");
  // Read as the extension step's fields, so that a message names 延期理由 as the step form does (fieldLabel).
  const data = parseInput(extensionRequestSchema, { ...(typeof input === "object" && input !== null ? input : {}), type: "EXTENSION" });
  const calendar = await loadWorkCalendar();
  return db.$transaction(async (tx) => {
    const current = await loadCaseForUpdate(tx, actor, applicationId, expectedVersion);
    const refusal = extensionRequestRefusal({
      receivedOn: current.receivedOn,
      events: current.events,
      calendar,
      settings: current.application.organization,
      today,
      workdays: data.workdays,
    });
    if (refusal) throw new AppError("INVALID_STATE", refusal);
    const pending = await tx.extensionRequest.findFirst({ where: { applicationId, status: "PENDING" }, select: { id: true } });
    if (pending) throw new AppError("CONFLICT", "本案已有待批准的延期申请，请等待负责人处理或先撤回");
    const request = await tx.extensionRequest.create({
      data: { organizationId: actor.organizationId, applicationId, requestedById: actor.userId, reason: data.reason, workdays: data.workdays },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "extension_request.create",
      entityType: "ExtensionRequest",
      entityId: request.id,
      applicationId,
      after: { requestId: request.id, caseNumber: current.application.caseNumber, workdays: data.workdays, reason: data.reason, status: "PENDING" },
    });
    const requester = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { displayName: true } });
    const deciders = await tx.user.findMany({
      where: { organizationId: actor.organizationId, active: true, role: { in: [...PERMISSIONS["extension:approve"]] }, id: { not: actor.userId } },
      select: { id: true },
    });
    await tx.notification.createMany({
      data: deciders.map((decider) => ({
        organizationId: actor.organizationId,
        userId: decider.id,
        kind: "EXTENSION_REQUESTED" as const,
        applicationId,
        message: `${current.application.caseNumber}（${current.application.applicantName}）：${requester.displayName}申请延长答复期限 ${data.workdays} 个工作日，待您批准`,
        dedupeKey: `EXTENSION_REQUESTED:${request.id}`,
      })),
      skipDuplicates: true,
    });
    return { requestId: request.id };
  });
}

/** Locks the case, then the request; refuses a request already decided (STALE) or changed since the page was loaded. */
async function lockPendingRequest(tx: Transaction, actor: Actor, requestId: string, expectedVersion: ExpectedVersion) {
  const owner = await tx.extensionRequest.findFirst({ where: { id: requestId, organizationId: actor.organizationId }, select: { applicationId: true } });
  if (!owner) throw new AppError("NOT_FOUND", "未找到该延期申请");
  await lockApplicationRow(tx, actor.organizationId, owner.applicationId);
  await tx.$queryRaw`SELECT "id" FROM "ExtensionRequest" WHERE "id" = ${requestId} FOR UPDATE`;
  const request = await tx.extensionRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: { decidedBy: { select: { displayName: true } }, application: { select: { caseNumber: true, applicantName: true } } },
  });
  if (request.status !== "PENDING") {
    const by = request.decidedBy ? `已由 ${request.decidedBy.displayName} 于 ${request.decidedAt ? formatDateTime(request.decidedAt) : ""} ` : "已";
    throw new AppError("STALE", `该延期申请${by}${STATUS_WORDS[request.status]}，请刷新后查看`);
  }
  if (expectedVersion !== null && request.version !== expectedVersion) {
    throw new AppError("STALE", "该延期申请在您打开页面后已被修改，请刷新后重试");
  }
  return request;
}

type LockedRequest = Awaited<ReturnType<typeof lockPendingRequest>>;

/** The decision closes the managers' alerts about the request and tells the requester. */
async function notifyDecision(tx: Transaction, actor: Actor, request: LockedRequest, message: string, now: Date) {
  await tx.notification.updateMany({ where: { dedupeKey: `EXTENSION_REQUESTED:${request.id}`, readAt: null }, data: { readAt: now } });
  if (request.requestedById === actor.userId) return;
  await tx.notification.createMany({
    data: [
      {
        organizationId: actor.organizationId,
        userId: request.requestedById,
        kind: "EXTENSION_DECIDED",
        applicationId: request.applicationId,
        message,
        dedupeKey: `EXTENSION_DECIDED:${request.id}`,
      },
    ],
    skipDuplicates: true,
  });
}

function decisionAudit(request: LockedRequest, after: Prisma.InputJsonObject) {
  return {
    entityType: "ExtensionRequest",
    entityId: request.id,
    applicationId: request.applicationId,
    before: { requestId: request.id, status: request.status, version: request.version },
    after: { requestId: request.id, caseNumber: request.application.caseNumber, ...after },
  };
}

/**
 * A manager (not the requester) approves: the EXTENSION step is recorded (notified to the applicant and
 * approved today, approver = the manager's name from the account) through the case's own checks — a due
 * date already passed refuses it — and the request is marked approved, in one transaction.
 */
export async function approveExtensionRequest({
  actor,
  requestId,
  expectedVersion,
  today,
  now = new Date(),
}: {
  actor: Actor;
  requestId: string;
  /** The request's version as the page was loaded. */
  expectedVersion: ExpectedVersion;
  today: IsoDate;
  now?: Date;
}): Promise<{ eventId: string; dueOn: IsoDate | null }> {
  assertCan(actor, "extension:approve");
  return db.$transaction(async (tx) => {
    const request = await lockPendingRequest(tx, actor, requestId, expectedVersion);
    const self = selfDecisionRefusal(request.requestedById, actor.userId);
    if (self) throw new AppError("FORBIDDEN", self);
    const approver = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { displayName: true } });
    const step = {
      type: "EXTENSION",
      occurredOn: today,
      details: { workdays: request.workdays, approvedBy: approver.displayName, approvedOn: today, reason: request.reason },
    };
    const recorded = await recordCaseEvent({ actor, applicationId: request.applicationId, input: step, expectedVersion: null, today, transaction: tx });
    await tx.extensionRequest.update({
      where: { id: request.id },
      data: { status: "APPROVED", decidedById: actor.userId, decidedAt: now, eventId: recorded.eventId, version: { increment: 1 } },
    });
    await recordAudit(tx, actor, {
      action: "extension_request.approve",
      ...decisionAudit(request, { status: "APPROVED", eventId: recorded.eventId, approvedBy: approver.displayName, dueOn: recorded.projection.dueOn }),
    });
    await notifyDecision(
      tx,
      actor,
      request,
      `${request.application.caseNumber}：${approver.displayName}已批准延长答复期限 ${request.workdays} 个工作日，答复期限延至 ${recorded.projection.dueOn ?? "—"}；请告知申请人（可出具延期答复告知书）`,
      now,
    );
    return { eventId: recorded.eventId, dueOn: recorded.projection.dueOn };
  });
}

/** A manager (not the requester) rejects, with a reason; the clock is unchanged. */
export async function rejectExtensionRequest({
  actor,
  requestId,
  input,
  expectedVersion,
  now = new Date(),
}: {
  actor: Actor;
  requestId: string;
  input: unknown;
  expectedVersion: ExpectedVersion;
  now?: Date;
}): Promise<void> {
  assertCan(actor, "extension:approve");
  const { note } = parseInput(extensionRejectionSchema, input);
  await db.$transaction(async (tx) => {
    const request = await lockPendingRequest(tx, actor, requestId, expectedVersion);
    const self = selfDecisionRefusal(request.requestedById, actor.userId);
    if (self) throw new AppError("FORBIDDEN", self);
    const decider = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { displayName: true } });
    await tx.extensionRequest.update({
      where: { id: request.id },
      data: { status: "REJECTED", decidedById: actor.userId, decidedAt: now, decisionNote: note, version: { increment: 1 } },
    });
    await recordAudit(tx, actor, { action: "extension_request.reject", reason: note, ...decisionAudit(request, { status: "REJECTED", decisionNote: note }) });
    await notifyDecision(tx, actor, request, `${request.application.caseNumber}：${decider.displayName}驳回了延期申请，理由：${note}`, now);
  });
}

/** The requester takes the request back while it waits. */
export async function withdrawExtensionRequest({
  actor,
  requestId,
  expectedVersion,
  now = new Date(),
}: {
  actor: Actor;
  requestId: string;
  expectedVersion: ExpectedVersion;
  now?: Date;
}): Promise<void> {
  assertCan(actor, "case:work");
  await db.$transaction(async (tx) => {
    const request = await lockPendingRequest(tx, actor, requestId, expectedVersion);
    if (request.requestedById !== actor.userId) throw new AppError("FORBIDDEN", "只有提出申请的人可以撤回延期申请");
    await tx.extensionRequest.update({
      where: { id: request.id },
      data: { status: "WITHDRAWN", decidedById: actor.userId, decidedAt: now, version: { increment: 1 } },
    });
    await recordAudit(tx, actor, { action: "extension_request.withdraw", ...decisionAudit(request, { status: "WITHDRAWN" }) });
    await tx.notification.updateMany({ where: { dedupeKey: `EXTENSION_REQUESTED:${request.id}`, readAt: null }, data: { readAt: now } });
  });
}
