// The case write path against the real database: events are checked against the case's state, the
// derived columns follow every event and correction, other organizations' cases are out of reach, and
// a calendar change recomputes open cases.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor, OperatorActor } from "@/lib/auth/actor";
import { isoDateFromDb } from "@/lib/calendar/dates";
import { setCalendarDay } from "@/lib/calendar/mutations";
import { addProceeding, deleteProceeding } from "@/lib/appeals/mutations";
import { assignHandler, correctCaseEvent, recordCaseEvent, registerApplication } from "@/lib/cases/mutations";
import { getApplication } from "@/lib/cases/case-detail";
import { actorFor, createTestOperator, createTestOrganization, createTestUser, operatorActorFor } from "./factories";

const TODAY = "2026-11-21";
let clerk: Actor;
let manager: Actor;
/** The national calendar is the installation operators' to change. */
let operator: OperatorActor;
let otherClerk: Actor;

const application = (receivedOn: string, applicantName = "张三") => ({
  applicantType: "NATURAL_PERSON",
  applicantName,
  channel: "IN_PERSON",
  receivedOn,
  requestContent: "申请公开2025年度行政处罚决定书目录",
});

async function reload(id: string) {
  return db.application.findUniqueOrThrow({ where: { id } });
}

beforeAll(async () => {
  const organization = await createTestOrganization("丙区司法局");
  const other = await createTestOrganization("丁区司法局");
  clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
  manager = actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER" }));
  operator = operatorActorFor(await createTestOperator());
  otherClerk = actorFor(await createTestUser({ organizationId: other.id, role: "CLERK" }));
});

describe("recording events", () => {
  it("follows 补正, supplement, extension and decision with the due date at each step", async () => {
    const { id } = await registerApplication({ actor: clerk, input: application("2026-03-02"), today: TODAY });
    expect(isoDateFromDb((await reload(id)).dueOn!)).toBe("2026-03-30");

    await recordCaseEvent({
      actor: clerk,
      applicationId: id,
      input: { type: "CORRECTION_REQUESTED", occurredOn: "2026-03-04", details: { deadlineOn: "2026-03-18", matters: "请明确年份" } },
      expectedVersion: null, today: TODAY,
    });
    expect(await reload(id)).toMatchObject({ clockPhase: "AWAITING_CORRECTION", dueOn: null });

    await recordCaseEvent({ actor: clerk, applicationId: id, input: { type: "CORRECTION_RECEIVED", occurredOn: "2026-03-10" }, expectedVersion: null, today: TODAY });
    expect(isoDateFromDb((await reload(id)).dueOn!)).toBe("2026-04-08");

    await recordCaseEvent({
      actor: manager,
      applicationId: id,
      input: { type: "EXTENSION", occurredOn: "2026-04-01", details: { workdays: 20, approvedBy: "李主任", approvedOn: "2026-03-31", reason: "需调档" } },
      expectedVersion: null, today: TODAY,
    });
    // 20 more working days after 04-08: 4/9–4/30 give 16, 5/1–5/5 are 劳动节, 5/6–5/8 give 19, and the
    // 20th is Saturday 5/9, a 调休 working day.
    expect(isoDateFromDb((await reload(id)).dueOn!)).toBe("2026-05-09");

    await expect(
      recordCaseEvent({
        actor: manager,
        applicationId: id,
        input: { type: "EXTENSION", occurredOn: "2026-04-02", details: { workdays: 5, approvedBy: "李主任", approvedOn: "2026-04-02", reason: "再延" } },
        expectedVersion: null, today: TODAY,
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", message: "答复期限只能延长一次，本案已经延期" });

    await recordCaseEvent({
      actor: clerk,
      applicationId: id,
      input: {
        type: "DECISION_SERVED",
        occurredOn: "2026-04-20",
        details: { serviceMethod: "邮寄", items: [{ description: "目录", disposition: "GRANTED" }, { description: "决定书", disposition: "WITHHELD_THIRD_PARTY_RIGHTS" }] },
      },
      expectedVersion: null, today: TODAY,
    });
    const closed = await reload(id);
    expect(closed).toMatchObject({ status: "CLOSED", outcome: "PARTIALLY_GRANTED", extensionWorkdays: 20 });
    expect(isoDateFromDb(closed.closedOn!)).toBe("2026-04-20");

    const audit = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual([
      "application.register",
      "case_event.record.correction_requested",
      "case_event.record.correction_received",
      "case_event.record.extension",
      "case_event.record.decision_served",
    ]);
  });

  it("corrects a wrong date with a reason, keeping the old event, and refuses a correction that breaks a later step", async () => {
    const { id } = await registerApplication({ actor: clerk, input: application("2026-06-01"), today: TODAY });
    const sent = await recordCaseEvent({
      actor: clerk,
      applicationId: id,
      input: { type: "CONSULTATION_SENT", occurredOn: "2026-06-03", details: { party: "THIRD_PARTY", partyName: "某公司" } },
      expectedVersion: null, today: TODAY,
    });
    await recordCaseEvent({
      actor: clerk,
      applicationId: id,
      input: { type: "CONSULTATION_ANSWERED", occurredOn: "2026-06-10", details: { windowExpired: false } },
      expectedVersion: null, today: TODAY,
    });
    const dueBefore = isoDateFromDb((await reload(id)).dueOn!);

    await correctCaseEvent({
      actor: clerk,
      eventId: sent.eventId,
      replacement: { type: "CONSULTATION_SENT", occurredOn: "2026-06-08", details: { party: "THIRD_PARTY", partyName: "某公司" } },
      reason: "发函日期登记错误",
      expectedVersion: null, today: TODAY,
    });
    const dueAfter = isoDateFromDb((await reload(id)).dueOn!);
    expect(dueAfter < dueBefore).toBe(true);
    const events = await db.caseEvent.findMany({ where: { applicationId: id }, orderBy: { createdAt: "asc" } });
    expect(events.filter((event) => event.supersededAt)).toHaveLength(1);
    expect(events.find((event) => event.supersededAt)?.correctionReason).toBe("发函日期登记错误");

    const active = events.find((event) => event.type === "CONSULTATION_SENT" && !event.supersededAt)!;
    await expect(
      correctCaseEvent({
        actor: clerk,
        eventId: active.id,
        replacement: { type: "CONSULTATION_SENT", occurredOn: "2026-06-12", details: { party: "THIRD_PARTY", partyName: "某公司" } },
        reason: "改晚",
        expectedVersion: null, today: TODAY,
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(isoDateFromDb((await reload(id)).dueOn!)).toBe(dueAfter);
  });

  it("refuses events on another organization's case as not found", async () => {
    const { id } = await registerApplication({ actor: clerk, input: application("2026-06-01"), today: TODAY });
    await expect(
      recordCaseEvent({ actor: otherClerk, applicationId: id, input: { type: "WITHDRAWN", occurredOn: "2026-06-02", details: {} }, expectedVersion: null, today: TODAY }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getApplication({ actor: otherClerk, applicationId: id, today: TODAY })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      addProceeding({ actor: otherClerk, applicationId: id, input: { kind: "RECONSIDERATION", filedOn: "2026-07-01" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await reload(id)).status).toBe("OPEN");
  });

  it("lets managers reassign and clerks only take unassigned cases", async () => {
    const { id } = await registerApplication({ actor: clerk, input: application("2026-06-01"), today: TODAY });
    await expect(assignHandler({ actor: clerk, input: { applicationId: id, handlerId: manager.userId }, expectedVersion: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await assignHandler({ actor: manager, input: { applicationId: id, handlerId: "" }, expectedVersion: null });
    await assignHandler({ actor: clerk, input: { applicationId: id, handlerId: clerk.userId }, expectedVersion: null });
    expect((await reload(id)).handlerId).toBe(clerk.userId);
    await expect(assignHandler({ actor: manager, input: { applicationId: id, handlerId: otherClerk.userId }, expectedVersion: null })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("proceedings", () => {
  it("links a lawsuit after reconsideration to the case's reconsideration", async () => {
    const { id } = await registerApplication({ actor: clerk, input: application("2026-01-05"), today: TODAY });
    await expect(
      addProceeding({ actor: clerk, applicationId: id, input: { kind: "LITIGATION", route: "AFTER_RECONSIDERATION", filedOn: "2026-03-01" } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const reconsideration = await addProceeding({
      actor: clerk,
      applicationId: id,
      input: { kind: "RECONSIDERATION", filedOn: "2026-02-10", disposition: "UPHOLD", decidedOn: "2026-04-01" },
    });
    await addProceeding({
      actor: clerk,
      applicationId: id,
      input: { kind: "LITIGATION", route: "AFTER_RECONSIDERATION", reconsiderationId: reconsideration.id, filedOn: "2026-04-15" },
    });
    const stored = await db.proceeding.findMany({ where: { applicationId: id }, orderBy: { filedOn: "asc" } });
    expect(stored.map((proceeding) => [proceeding.kind, proceeding.route, proceeding.result])).toEqual([
      ["RECONSIDERATION", null, "UPHELD"],
      ["LITIGATION", "AFTER_RECONSIDERATION", null],
    ]);

    // Removing one entered by mistake: never another organization's, never a 复议 a lawsuit still follows.
    await expect(deleteProceeding({ actor: otherClerk, proceedingId: reconsideration.id, reason: "误登", expectedVersion: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteProceeding({ actor: clerk, proceedingId: reconsideration.id, reason: "误登", expectedVersion: null })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await deleteProceeding({ actor: clerk, proceedingId: stored[1]!.id, reason: "诉讼登记错误", expectedVersion: null });
    await deleteProceeding({ actor: clerk, proceedingId: reconsideration.id, reason: "复议登记错误", expectedVersion: null });
    expect(await db.proceeding.count({ where: { applicationId: id } })).toBe(0);
    const audit = await db.auditEvent.findFirst({ where: { action: "proceeding.delete", entityId: reconsideration.id } });
    expect(audit?.reason).toBe("复议登记错误");
  });
});

describe("calendar changes", () => {
  it("recompute the due date of open cases", async () => {
    const { id } = await registerApplication({ actor: clerk, input: application("2026-11-02", "王五"), today: TODAY });
    expect(isoDateFromDb((await reload(id)).dueOn!)).toBe("2026-11-30");
    const change = await setCalendarDay({ actor: operator, input: { date: "2026-11-16", kind: "HOLIDAY", note: "测试放假" }, today: TODAY });
    expect(change.recomputedCases).toBeGreaterThan(0);
    expect(isoDateFromDb((await reload(id)).dueOn!)).toBe("2026-12-01");
    await setCalendarDay({ actor: operator, input: { date: "2026-11-16", kind: "DEFAULT", note: "" }, today: TODAY });
    expect(isoDateFromDb((await reload(id)).dueOn!)).toBe("2026-11-30");
  });
});
