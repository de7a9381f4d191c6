// 当场答复 and extension approval against the real database (issue 13): a same-day reply registers and
// closes a case in one transaction or not at all; an extension is requested by the handler, waits for a
// manager (the clock unchanged), and is approved (the EXTENSION step recorded with the manager as
// approver, the due date moved) or rejected; self-approval, a request after the due date, a second
// pending request and a second decision are refused; the managers and the requester are notified.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { isoDateFromDb } from "@/lib/calendar/dates";
import { addWorkdays } from "@/lib/calendar/workdays";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { recordCaseEvent, registerApplication, registerWithSameDayReply } from "@/lib/cases/mutations";
import { approveExtensionRequest, rejectExtensionRequest, requestExtension, withdrawExtensionRequest } from "@/lib/extensions/mutations";
import { findCaseExtensionRequests, findPendingExtensionRequests } from "@/lib/extensions/queries";
import { issueLetter, saveLetterSettings } from "@/lib/letters/mutations";
import { draftLetter } from "@/lib/letters/queries";
import { chineseDate } from "@/lib/calendar/dates";
import { findReportCellCases } from "@/lib/reports/queries";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-06-15";

let clerk: Actor;
let manager: Actor;
let secondManager: Actor;
let otherOrganizationManager: Actor;

const registration = (overrides: Record<string, string> = {}) => ({
  applicantType: "NATURAL_PERSON",
  applicantName: "当场答复人",
  channel: "IN_PERSON",
  receivedOn: TODAY,
  requestContent: "申请公开本局2025年度部门预算",
  ...overrides,
});

const closing = (overrides: Record<string, unknown> = {}) => ({
  type: "DECISION_SERVED",
  occurredOn: TODAY,
  details: { items: [{ description: "2025年度部门预算", disposition: "GRANTED" }], serviceMethod: "直接送达", ...overrides },
});

beforeAll(async () => {
  const organization = await createTestOrganization("流程验收局");
  const other = await createTestOrganization("另一流程局");
  clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK", displayName: "王经办" }));
  manager = actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER", displayName: "李科长" }));
  secondManager = actorFor(await createTestUser({ organizationId: organization.id, role: "ADMIN", displayName: "赵主任" }));
  otherOrganizationManager = actorFor(await createTestUser({ organizationId: other.id, role: "MANAGER" }));
});

async function caseCount(actor: Actor) {
  return db.application.count({ where: { organizationId: actor.organizationId } });
}

describe("当场答复", () => {
  it("registers nothing when a closing field is refused", async () => {
    const before = await caseCount(clerk);
    const auditBefore = await db.auditEvent.count({ where: { organizationId: clerk.organizationId } });
    await expect(
      registerWithSameDayReply({ actor: clerk, input: registration(), closing: closing({ serviceMethod: "" }), today: TODAY }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { serviceMethod: ["请填写送达方式"] } });
    // Both forms' errors at once: a registration field and a closing field.
    await expect(
      registerWithSameDayReply({ actor: clerk, input: registration({ applicantName: "" }), closing: closing({ serviceMethod: "" }), today: TODAY }),
    ).rejects.toMatchObject({ fieldErrors: { applicantName: ["请填写申请人姓名或名称"], serviceMethod: ["请填写送达方式"] } });
    // A closing the clock refuses (inside the transaction, after the case was written): rolled back.
    await expect(
      registerWithSameDayReply({
        actor: clerk,
        input: registration(),
        closing: closing({ items: [{ description: "预算", disposition: "OTHER_NO_CORRECTION" }] }),
        today: TODAY,
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await caseCount(clerk)).toBe(before);
    expect(await db.auditEvent.count({ where: { organizationId: clerk.organizationId } })).toBe(auditBefore);
  });

  it("registers one case, closed with its outcome, audited as registration and closing", async () => {
    const before = await caseCount(clerk);
    const { id, caseNumber } = await registerWithSameDayReply({ actor: clerk, input: registration(), closing: closing(), today: TODAY });
    expect(await caseCount(clerk)).toBe(before + 1);
    const stored = await db.application.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(stored).toMatchObject({ caseNumber, status: "CLOSED", clockPhase: "CLOSED", outcome: "GRANTED" });
    expect(isoDateFromDb(stored.closedOn!)).toBe(TODAY);
    expect(stored.events.map((event) => event.type)).toEqual(["DECISION_SERVED"]);
    const audit = await db.auditEvent.findMany({ where: { applicationId: id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["application.register", "case_event.record.decision_served"]);
    expect(new Set(audit.map((entry) => entry.actorId))).toEqual(new Set([clerk.userId]));
    // Counted in the year's report under its outcome.
    const granted = await findReportCellCases({ actor: manager, year: Number(TODAY.slice(0, 4)), cell: "applications.granted.total" });
    expect(granted.cases).toContainEqual(expect.objectContaining({ caseNumber, closedOn: TODAY, outcome: "GRANTED" }));
  });
});

describe("extension requests", () => {
  async function openCase(receivedOn = "2026-06-01") {
    const { id } = await registerApplication({ actor: clerk, input: registration({ receivedOn, applicantName: "延期申请人" }), today: TODAY });
    const stored = await db.application.findUniqueOrThrow({ where: { id } });
    return { id, dueOn: isoDateFromDb(stored.dueOn!), version: stored.version };
  }

  it("a clerk can no longer record an extension with a free-text approver", async () => {
    const { id } = await openCase();
    await expect(
      recordCaseEvent({
        actor: clerk,
        applicationId: id,
        input: { type: "EXTENSION", occurredOn: TODAY, details: { workdays: 10, approvedBy: "李主任", approvedOn: TODAY, reason: "需调档" } },
        expectedVersion: null,
        today: TODAY,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("waits with the clock unchanged, notifies every other manager, and the approval moves the due date with the manager as approver", async () => {
    const { id, dueOn, version } = await openCase();
    const { requestId } = await requestExtension({ actor: clerk, applicationId: id, input: { workdays: 15, reason: "需调取档案" }, expectedVersion: version, today: TODAY });

    const waiting = await db.application.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(isoDateFromDb(waiting.dueOn!)).toBe(dueOn);
    expect(waiting.events).toHaveLength(0);
    const [request] = await findCaseExtensionRequests({ actor: clerk, applicationId: id });
    expect(request).toMatchObject({ id: requestId, status: "PENDING", workdays: 15, requestedByName: "王经办" });

    const alerts = await db.notification.findMany({ where: { dedupeKey: `EXTENSION_REQUESTED:${requestId}` }, select: { userId: true, kind: true } });
    expect(new Set(alerts.map((alert) => alert.userId))).toEqual(new Set([manager.userId, secondManager.userId]));
    expect(new Set(alerts.map((alert) => alert.kind))).toEqual(new Set(["EXTENSION_REQUESTED"]));
    expect((await findPendingExtensionRequests({ actor: manager }))?.map((pending) => pending.id)).toContain(requestId);
    expect(await findPendingExtensionRequests({ actor: clerk })).toBeNull();
    expect(await findPendingExtensionRequests({ actor: otherOrganizationManager })).toEqual([]);

    // Only a manager, and one pending request per case.
    await expect(approveExtensionRequest({ actor: clerk, requestId, expectedVersion: 0, today: TODAY })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveExtensionRequest({ actor: otherOrganizationManager, requestId, expectedVersion: 0, today: TODAY })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      requestExtension({ actor: clerk, applicationId: id, input: { workdays: 5, reason: "再次申请" }, expectedVersion: null, today: TODAY }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const approved = await approveExtensionRequest({ actor: manager, requestId, expectedVersion: 0, today: TODAY });
    const calendar = await loadWorkCalendar();
    expect(approved.dueOn).toBe(addWorkdays(calendar, dueOn, 15));
    const extended = await db.application.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(isoDateFromDb(extended.dueOn!)).toBe(approved.dueOn);
    expect(extended.events).toHaveLength(1);
    expect(extended.events[0]).toMatchObject({ id: approved.eventId, type: "EXTENSION", recordedById: manager.userId });
    expect(extended.events[0]!.details).toMatchObject({ workdays: 15, approvedBy: "李科长", approvedOn: TODAY, reason: "需调取档案" });
    expect(await db.extensionRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "APPROVED", decidedById: manager.userId, eventId: approved.eventId, version: 1 });

    const audit = await db.auditEvent.findMany({ where: { applicationId: id }, select: { action: true } });
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(["extension_request.create", "extension_request.approve", "case_event.record.extension"]));
    // The managers' alerts are settled; the clerk hears of the decision.
    expect(await db.notification.count({ where: { dedupeKey: `EXTENSION_REQUESTED:${requestId}`, readAt: null } })).toBe(0);
    expect(await db.notification.findMany({ where: { userId: clerk.userId, dedupeKey: `EXTENSION_DECIDED:${requestId}` }, select: { message: true } })).toEqual([
      { message: expect.stringContaining(approved.dueOn!) },
    ]);

    // A second decision of the same request is stale.
    await expect(approveExtensionRequest({ actor: secondManager, requestId, expectedVersion: 0, today: TODAY })).rejects.toMatchObject({ code: "STALE" });
    await expect(rejectExtensionRequest({ actor: secondManager, requestId, input: { note: "不同意" }, expectedVersion: 1 })).rejects.toMatchObject({ code: "STALE" });
  });

  it("a rejection leaves the clock as it was and tells the requester why", async () => {
    const { id, dueOn } = await openCase();
    const { requestId } = await requestExtension({ actor: clerk, applicationId: id, input: { workdays: 10, reason: "需调档" }, expectedVersion: null, today: TODAY });
    await expect(rejectExtensionRequest({ actor: manager, requestId, input: { note: "" }, expectedVersion: 0 })).rejects.toMatchObject({ code: "VALIDATION" });
    await rejectExtensionRequest({ actor: manager, requestId, input: { note: "材料已齐，可按期答复" }, expectedVersion: 0 });
    const stored = await db.application.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(isoDateFromDb(stored.dueOn!)).toBe(dueOn);
    expect(stored.events).toHaveLength(0);
    expect(await db.extensionRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "REJECTED", decisionNote: "材料已齐，可按期答复" });
    const [told] = await db.notification.findMany({ where: { userId: clerk.userId, dedupeKey: `EXTENSION_DECIDED:${requestId}` } });
    expect(told).toMatchObject({ kind: "EXTENSION_DECIDED", message: expect.stringContaining("材料已齐，可按期答复") });
    // After a rejection a new request may be made.
    await expect(requestExtension({ actor: clerk, applicationId: id, input: { workdays: 5, reason: "补充理由" }, expectedVersion: null, today: TODAY })).resolves.toBeTruthy();
  });

  it("the requester cannot decide their own request, even as a manager; they may withdraw it", async () => {
    const { id } = await openCase();
    const { requestId } = await requestExtension({ actor: manager, applicationId: id, input: { workdays: 10, reason: "需调档" }, expectedVersion: null, today: TODAY });
    // The requesting manager gets no alert of their own request; the other one does.
    expect((await db.notification.findMany({ where: { dedupeKey: `EXTENSION_REQUESTED:${requestId}` } })).map((alert) => alert.userId)).toEqual([secondManager.userId]);
    await expect(approveExtensionRequest({ actor: manager, requestId, expectedVersion: 0, today: TODAY })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("不能批准或驳回自己提出的延期申请"),
    });
    await expect(rejectExtensionRequest({ actor: manager, requestId, input: { note: "撤销" }, expectedVersion: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(withdrawExtensionRequest({ actor: clerk, requestId, expectedVersion: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await withdrawExtensionRequest({ actor: manager, requestId, expectedVersion: 0 });
    expect(await db.extensionRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "WITHDRAWN" });
    await expect(approveExtensionRequest({ actor: secondManager, requestId, expectedVersion: 1, today: TODAY })).rejects.toMatchObject({ code: "STALE" });
  });

  it("a request after the due date has passed is refused, and so is an approval after it", async () => {
    // Received in April: due in May, long before TODAY.
    const late = await openCase("2026-04-01");
    await expect(
      requestExtension({ actor: clerk, applicationId: late.id, input: { workdays: 10, reason: "需调档" }, expectedVersion: null, today: TODAY }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("现已逾期，不能延期") });
    expect(await db.extensionRequest.count({ where: { applicationId: late.id } })).toBe(0);

    // Requested in time, decided too late: refused, the request stays pending.
    const timely = await openCase("2026-06-01");
    const { requestId } = await requestExtension({ actor: clerk, applicationId: timely.id, input: { workdays: 10, reason: "需调档" }, expectedVersion: null, today: TODAY });
    const afterDue = addWorkdays(await loadWorkCalendar(), timely.dueOn, 1);
    await expect(approveExtensionRequest({ actor: manager, requestId, expectedVersion: 0, today: afterDue })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db.extensionRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "PENDING", version: 0 });
  });

  it("a request left pending when the case is closed leaves the 待批延期 list and can no longer be approved", async () => {
    const { id } = await openCase();
    const { requestId } = await requestExtension({ actor: clerk, applicationId: id, input: { workdays: 10, reason: "需调档" }, expectedVersion: null, today: TODAY });
    await recordCaseEvent({ actor: clerk, applicationId: id, input: closing(), expectedVersion: null, today: TODAY });
    expect((await findPendingExtensionRequests({ actor: manager }))?.map((pending) => pending.id)).not.toContain(requestId);
    await expect(approveExtensionRequest({ actor: manager, requestId, expectedVersion: 0, today: TODAY })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("办结"),
    });
  });

  it("a manager still records an extension directly", async () => {
    const { id, dueOn } = await openCase();
    await recordCaseEvent({
      actor: manager,
      applicationId: id,
      input: { type: "EXTENSION", occurredOn: TODAY, details: { workdays: 5, approvedBy: "李科长", approvedOn: TODAY, reason: "需调档" } },
      expectedVersion: null,
      today: TODAY,
    });
    const stored = await db.application.findUniqueOrThrow({ where: { id } });
    expect(isoDateFromDb(stored.dueOn!)).toBe(addWorkdays(await loadWorkCalendar(), dueOn, 5));
  });

  it("the 延期答复告知书 follows the approval: refused to a clerk before it, issued after it with the extended due date", async () => {
    await saveLetterSettings({
      actor: secondManager,
      input: {
        fullName: "示例市流程验收局",
        address: "示例市人民路1号",
        postalCode: "100000",
        telephone: "010-12345678",
        reviewOrgan: "示例市人民政府",
        court: "示例市中级人民法院",
        numberPatterns: {},
        version: 0,
      },
    });
    const { id } = await openCase();
    const inputs = { kind: "EXTENSION_NOTICE", workdays: 10, approvedBy: "李科长", approvedOn: TODAY, reason: "需调取档案" };
    const issue = async () => {
      const draft = await draftLetter({ actor: clerk, input: { applicationId: id, issuedOn: TODAY, inputs }, today: TODAY });
      return { draft, issued: await issueLetter({ actor: clerk, input: { applicationId: id, issuedOn: TODAY, inputs, body: draft.body }, today: TODAY }) };
    };
    // Before approval the letter would record the extension with a typed approver: refused to a clerk.
    await expect(issue()).rejects.toMatchObject({ code: "FORBIDDEN" });

    const { requestId } = await requestExtension({ actor: clerk, applicationId: id, input: { workdays: 10, reason: "需调取档案" }, expectedVersion: null, today: TODAY });
    const { dueOn } = await approveExtensionRequest({ actor: manager, requestId, expectedVersion: 0, today: TODAY });
    const { draft, issued } = await issue();
    expect(draft.body).toContain(`将于${chineseDate(dueOn)}前作出答复`);
    expect(issued.caseEventId).toBeNull();
    expect(await db.caseEvent.count({ where: { applicationId: id } })).toBe(1);

    // What the letter's form says once the extension is recorded does not matter: the notice states the
    // approved step (10 working days, its reason), not other figures typed into the request.
    const typed = { kind: "EXTENSION_NOTICE", workdays: 3, approvedBy: "张三", approvedOn: TODAY, reason: "另写的理由" };
    const second = await draftLetter({ actor: clerk, input: { applicationId: id, issuedOn: TODAY, inputs: typed }, today: TODAY });
    expect(second.body).toContain("因需调取档案，");
    expect(second.body).toContain("答复期限延长10个工作日");
    expect(second.body).not.toContain("另写的理由");
    expect(second.body).toContain(`将于${chineseDate(dueOn)}前作出答复`);
  });
});
