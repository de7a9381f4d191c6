// The side reads of the case page, the case list and the 工作台 go straight to the pool instead of
// through Prisma (readRows, ADR 0099): the case's letters, attachments, extension requests and audit
// log, the letterhead settings, the handler choices, the user's saved filters and a manager's pending
// extension requests. Against the real database,
// each gives exactly what the Prisma query it replaced gave (kept here as the reference), for rows with
// and without their optional parts (no issuing user, a superseded attachment, a decided and a pending
// request, a system entry without actor or organization, JSON before/after), in the same order, and
// nothing of another organization or user.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { registerApplication } from "@/lib/cases/mutations";
import { findCaseHandlerOptions } from "@/lib/cases/queries";
import { findCaseLetters, getLetterSettings } from "@/lib/letters/queries";
import { findCaseAttachments } from "@/lib/attachments/queries";
import { findCaseExtensionRequests, findPendingExtensionRequests, viewOf } from "@/lib/extensions/queries";
import { findCaseAuditLog } from "@/lib/audit/queries";
import { findSavedCaseFilters } from "@/lib/saved-filters/queries";
import { saveCaseFilter } from "@/lib/saved-filters/mutations";
import { isoDateFromDb } from "@/lib/calendar/dates";
import { AUDIT_ENTITY_LABELS, auditActionLabel, auditActorLabel, describeAuditChanges } from "@/lib/audit/labels";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-11-21";

let clerk: Actor;
let manager: Actor;
let outsider: Actor;
let caseId: string;
let otherCaseId: string;

async function register(actor: Actor, name: string) {
  const { id } = await registerApplication({
    actor,
    input: { applicantType: "NATURAL_PERSON", applicantName: name, channel: "ONLINE", receivedOn: "2025-01-06", requestContent: `申请公开${name}的文件`, applicantContact: "13800000000" },
    today: TODAY,
  });
  return id;
}

function letterRow(organizationId: string, applicationId: string, sequence: number, issuedById: string | null, createdAt: Date) {
  return {
    organizationId,
    applicationId,
    kind: "RECEIPT" as const,
    variant: "default",
    templateVersion: 2,
    year: 2025,
    sequence,
    number: `回执〔2025〕${sequence}号`,
    issuedOn: new Date("2025-01-07T00:00:00Z"),
    title: `回执 ${sequence}`,
    recipient: "读取甲",
    body: "正文",
    fileName: `receipt-${sequence}.docx`,
    content: Buffer.from("docx"),
    sha256: `sha-${sequence}`,
    issuedById,
    createdAt,
  };
}

function attachmentRow(organizationId: string, applicationId: string, name: string, uploadedById: string | null, createdAt: Date) {
  return {
    organizationId,
    applicationId,
    category: "申请材料",
    description: name === "a" ? null : `说明 ${name}`,
    fileName: `${name}.pdf`,
    contentType: "application/pdf",
    size: 1234,
    sha256: `sha-${name}`,
    storage: "local",
    storageKey: `key-${name}`,
    uploadedById,
    createdAt,
  };
}

beforeAll(async () => {
  const organization = await createTestOrganization("旁读司法局");
  const other = await createTestOrganization("旁读另一司法局");
  clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK", displayName: "旁读登记员" }));
  manager = actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER", displayName: "旁读负责人" }));
  // An inactive user is not offered as a handler; two with the same name are ordered by id.
  await createTestUser({ organizationId: organization.id, role: "CLERK", displayName: "旁读登记员" });
  const inactive = await createTestUser({ organizationId: organization.id, role: "CLERK", displayName: "已停用" });
  await db.user.update({ where: { id: inactive.id }, data: { active: false } });
  outsider = actorFor(await createTestUser({ organizationId: other.id, role: "CLERK", displayName: "外单位登记员" }));
  caseId = await register(clerk, "读取甲");
  otherCaseId = await register(outsider, "外单位乙");

  // Two letters created in the same millisecond (the order falls back to the id), one without an issuing user.
  const at = new Date("2025-01-07T02:00:00Z");
  await db.letter.create({ data: letterRow(organization.id, caseId, 1, clerk.userId, at) });
  await db.letter.create({ data: letterRow(organization.id, caseId, 2, null, at) });
  await db.letter.create({ data: letterRow(organization.id, caseId, 3, manager.userId, new Date("2025-01-08T02:00:00Z")) });
  await db.letter.create({ data: letterRow(other.id, otherCaseId, 1, outsider.userId, at) });

  const first = await db.attachment.create({ data: attachmentRow(organization.id, caseId, "a", clerk.userId, at) });
  const second = await db.attachment.create({ data: attachmentRow(organization.id, caseId, "b", null, new Date("2025-01-09T02:00:00Z")) });
  await db.attachment.update({ where: { id: first.id }, data: { supersededAt: new Date("2025-01-09T02:00:01Z"), supersededById: second.id, supersedeReason: "换成清晰版" } });
  await db.attachment.create({ data: attachmentRow(other.id, otherCaseId, "c", outsider.userId, at) });

  await db.extensionRequest.create({
    data: {
      organizationId: organization.id,
      applicationId: caseId,
      requestedById: clerk.userId,
      reason: "需要征求意见",
      workdays: 20,
      status: "APPROVED",
      decidedById: manager.userId,
      decidedAt: new Date("2025-01-10T03:00:00Z"),
      decisionNote: "同意",
      version: 1,
      createdAt: new Date("2025-01-09T03:00:00Z"),
    },
  });
  await db.extensionRequest.create({
    data: { organizationId: organization.id, applicationId: caseId, requestedById: clerk.userId, reason: "再次延长", workdays: 5, createdAt: new Date("2025-01-11T03:00:00Z") },
  });

  // A system entry (no actor, no organization) with JSON before and after, beside registration's own.
  await db.auditEvent.create({
    data: { action: "case.clock", entityType: "Application", entityId: caseId, applicationId: caseId, before: { dueOn: "2025-02-03", n: [1, 2] }, after: { dueOn: null } },
  });
  // A reassignment by the manager: the log names both handlers (users read by id).
  await db.auditEvent.create({
    data: {
      organizationId: organization.id,
      actorId: manager.userId,
      action: "case.reassign",
      entityType: "Application",
      entityId: caseId,
      applicationId: caseId,
      before: { handlerId: clerk.userId },
      after: { handlerId: manager.userId },
      reason: "调整分工",
    },
  });
  await db.letterSettings.create({
    data: { organizationId: organization.id, fullName: "旁读司法局", address: "某路 1 号", telephone: "010-1", reviewOrgan: "某市人民政府", court: "某区人民法院", numberPatterns: { RECEIPT: "回执{序号}" } },
  });
  await saveCaseFilter({ actor: clerk, input: { name: "乙", query: "?due=overdue" } });
  await saveCaseFilter({ actor: clerk, input: { name: "甲", query: "" } });
  await saveCaseFilter({ actor: manager, input: { name: "负责人的", query: "?status=OPEN" } });
});

describe("the case page's and the case list's side reads", () => {
  it("give the case's letters as Prisma did, newest first, ties by id, with who issued each", async () => {
    const expected = await db.letter.findMany({
      where: { organizationId: clerk.organizationId, applicationId: caseId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, kind: true, number: true, title: true, recipient: true, issuedOn: true, sha256: true, caseEventId: true, templateVersion: true, createdAt: true, issuedBy: { select: { displayName: true } } },
    });
    const letters = await findCaseLetters({ actor: clerk, applicationId: caseId });
    expect(letters).toEqual(expected.map((letter) => ({ ...letter, issuedOn: isoDateFromDb(letter.issuedOn), issuedBy: letter.issuedBy?.displayName ?? null })));
    expect(letters.map((letter) => letter.issuedBy)).toContain(null);
    expect(letters).toHaveLength(3);
    expect(await findCaseLetters({ actor: outsider, applicationId: caseId })).toEqual([]);
  });

  it("give the case's attachments as Prisma did, superseded ones marked", async () => {
    const expected = await db.attachment.findMany({
      where: { organizationId: clerk.organizationId, applicationId: caseId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        category: true,
        description: true,
        fileName: true,
        contentType: true,
        size: true,
        sha256: true,
        createdAt: true,
        supersededAt: true,
        supersededById: true,
        supersedeReason: true,
        uploadedBy: { select: { displayName: true } },
      },
    });
    const attachments = await findCaseAttachments({ actor: clerk, applicationId: caseId });
    expect(attachments).toEqual(expected.map((row) => ({ ...row, uploadedBy: row.uploadedBy?.displayName ?? null })));
    expect(attachments.map((row) => row.supersedeReason)).toEqual([null, "换成清晰版"]);
    expect(await findCaseAttachments({ actor: outsider, applicationId: caseId })).toEqual([]);
  });

  it("give the case's extension requests as Prisma's include did", async () => {
    const rows = await db.extensionRequest.findMany({
      where: { organizationId: clerk.organizationId, applicationId: caseId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
      include: { application: { select: { caseNumber: true, applicantName: true, dueOn: true } }, requestedBy: { select: { displayName: true } }, decidedBy: { select: { displayName: true } } },
    });
    const requests = await findCaseExtensionRequests({ actor: clerk, applicationId: caseId });
    expect(requests).toEqual(rows.map(viewOf));
    expect(requests.map((request) => [request.status, request.decidedByName])).toEqual([
      ["PENDING", null],
      ["APPROVED", "旁读负责人"],
    ]);
    expect(await findCaseExtensionRequests({ actor: outsider, applicationId: caseId })).toEqual([]);
  });

  it("give a manager's pending requests as Prisma's include did, without those of a voided case", async () => {
    const voidedCaseId = await register(clerk, "读取丙");
    await db.extensionRequest.create({
      data: { organizationId: clerk.organizationId, applicationId: voidedCaseId, requestedById: clerk.userId, reason: "已作废的案件", workdays: 5 },
    });
    await db.application.update({ where: { id: voidedCaseId }, data: { voidedAt: new Date(), voidReason: "重复登记" } });
    const rows = await db.extensionRequest.findMany({
      where: { organizationId: manager.organizationId, status: "PENDING", application: { voidedAt: null, status: "OPEN" } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { application: { select: { caseNumber: true, applicantName: true, dueOn: true } }, requestedBy: { select: { displayName: true } }, decidedBy: { select: { displayName: true } } },
    });
    const pending = await findPendingExtensionRequests({ actor: manager });
    expect(pending).toEqual(rows.map(viewOf));
    expect(pending?.map((request) => [request.applicationId, request.reason])).toEqual([[caseId, "再次延长"]]);
    expect(await findPendingExtensionRequests({ actor: clerk })).toBeNull();
  });

  it("give the case's audit log as before, system entries included, and refuse another organization's case", async () => {
    const log = await findCaseAuditLog({ actor: clerk, applicationId: caseId });
    const rows = await db.auditEvent.findMany({
      where: { applicationId: caseId, OR: [{ organizationId: clerk.organizationId }, { organizationId: null }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { actor: { select: { displayName: true } } },
    });
    const { caseNumber } = await db.application.findUniqueOrThrow({ where: { id: caseId }, select: { caseNumber: true } });
    const names = { users: new Map([clerk, manager].map((user) => [user.userId, user.displayName])) };
    expect(log).toEqual(
      rows.map((row) => ({
        id: row.id,
        createdAt: row.createdAt,
        action: row.action,
        actionLabel: auditActionLabel(row.action),
        actorLabel: auditActorLabel({ actorName: row.actor?.displayName ?? null, operator: row.operator }),
        entityLabel: `${AUDIT_ENTITY_LABELS.Application} ${caseNumber}`,
        applicationId: caseId,
        caseNumber,
        reason: row.reason,
        changes: describeAuditChanges(row.before ?? undefined, row.after ?? undefined, names),
      })),
    );
    expect(log.map((entry) => entry.actorLabel)).toEqual(expect.arrayContaining(["系统", "旁读负责人", "旁读登记员"]));
    expect(JSON.stringify(log.find((entry) => entry.action === "case.reassign")?.changes)).toContain("旁读负责人");
    await expect(findCaseAuditLog({ actor: outsider, applicationId: caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("give the letterhead settings with every column as Prisma's findUnique did", async () => {
    const row = await db.letterSettings.findUniqueOrThrow({ where: { organizationId: clerk.organizationId } });
    const settings = await getLetterSettings({ actor: clerk });
    expect(settings).toMatchObject({ ...row, numberPatterns: expect.objectContaining({ RECEIPT: "回执{序号}" }) });
    expect(settings?.updatedAt).toEqual(row.updatedAt);
    expect(await getLetterSettings({ actor: outsider })).toBeNull();
  });

  it("give the handler choices and the saved filters as Prisma did, in the same order", async () => {
    const handlers = await findCaseHandlerOptions({ actor: clerk });
    expect(handlers).toEqual(
      await db.user.findMany({
        where: { organizationId: clerk.organizationId, active: true },
        select: { id: true, displayName: true, role: true },
        orderBy: [{ displayName: "asc" }, { id: "asc" }],
      }),
    );
    expect(handlers.map((handler) => handler.displayName)).not.toContain("已停用");
    expect(handlers.map((handler) => handler.displayName)).not.toContain("外单位登记员");

    const saved = await findSavedCaseFilters({ actor: clerk });
    const rows = await db.savedCaseFilter.findMany({ where: { userId: clerk.userId }, orderBy: [{ name: "asc" }, { id: "asc" }] });
    expect(saved.map((filter) => [filter.id, filter.name])).toEqual(rows.map((row) => [row.id, row.name]));
    expect(saved.map((filter) => filter.href)).toEqual(rows.map((row) => (row.query ? `/cases?${row.query}` : "/cases")));
    expect(saved).toHaveLength(2);
  });
});
