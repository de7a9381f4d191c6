// The case list's batch actions against the real database: all or nothing (a stale version, a voided
// case, another organization's case, a case the clock refuses: nothing applied, every refused case
// named), one audit entry for the batch listing its cases, and each case's own entry naming it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { batchClose, batchReassign } from "@/lib/batch/mutations";
import { BATCH_MAX_CASES } from "@/lib/batch/schemas";
import { recordCaseEvent, registerApplication, voidApplication } from "@/lib/cases/mutations";
import { findCaseAuditLog } from "@/lib/audit/queries";
import { computeReport } from "@/lib/reports/queries";
import { rowCounts } from "@/lib/reports/definitions";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-11-21";
let clerk: Actor;
let colleague: Actor;
let manager: Actor;
let otherManager: Actor;

async function register(actor: Actor, count: number, receivedOn = "2026-11-02"): Promise<{ id: string; version: number; caseNumber: string }[]> {
  const cases = [];
  for (let index = 0; index < count; index += 1) {
    const { id } = await registerApplication({
      actor,
      input: { applicantType: "NATURAL_PERSON", applicantName: `申请人${index}`, channel: "IN_PERSON", receivedOn, requestContent: "申请公开某项目的审批文件" },
      today: TODAY,
    });
    cases.push(await db.application.findUniqueOrThrow({ where: { id }, select: { id: true, version: true, caseNumber: true } }));
  }
  return cases;
}

const selected = (cases: readonly { id: string; version: number }[]) => cases.map(({ id, version }) => ({ id, version }));

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function batchEntries(organizationId: string, action: string) {
  return db.auditEvent.findMany({ where: { organizationId, action }, orderBy: { createdAt: "asc" } });
}

let organizationId: string;

beforeAll(async () => {
  const organization = await createTestOrganization("戊区司法局");
  const other = await createTestOrganization("己区司法局");
  organizationId = organization.id;
  clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
  colleague = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK", displayName: "李经办" }));
  manager = actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER" }));
  otherManager = actorFor(await createTestUser({ organizationId: other.id, role: "MANAGER" }));
});

describe("batch reassignment", () => {
  it("gives every selected case to the handler as one audited action that lists them all", async () => {
    const cases = await register(clerk, 10);
    const before = (await batchEntries(organizationId, "application.batch_assign")).length;

    const result = await batchReassign({ actor: manager, input: { cases: selected(cases), handlerId: colleague.userId } });
    expect(result).toMatchObject({ count: cases.length, changed: cases.length });

    const handlers = await db.application.findMany({ where: { id: { in: cases.map((row) => row.id) } }, select: { handlerId: true } });
    expect(handlers.every((row) => row.handlerId === colleague.userId)).toBe(true);

    const entries = await batchEntries(organizationId, "application.batch_assign");
    expect(entries).toHaveLength(before + 1);
    const batch = entries.at(-1)!;
    expect(batch).toMatchObject({ id: result.auditEventId, entityType: "Batch", applicationId: null, actorId: manager.userId });
    const after = batch.after as { caseNumbers: string[]; caseCount: number; handlerId: string };
    expect(after.caseCount).toBe(cases.length);
    expect([...after.caseNumbers].sort()).toEqual(cases.map((row) => row.caseNumber).sort());
    expect(after.handlerId).toBe(colleague.userId);

    // Each case's 操作记录 shows its reassignment, naming the batch entry as its cause.
    for (const row of cases) {
      const log = await findCaseAuditLog({ actor: clerk, applicationId: row.id });
      const assign = log.find((entry) => entry.action === "application.assign");
      expect(assign?.reason).toContain(`共 ${cases.length} 件`);
      const perCase = await db.auditEvent.findFirstOrThrow({ where: { applicationId: row.id, action: "application.assign" } });
      expect((perCase.after as { cause: { causeAuditId: string } }).cause.causeAuditId).toBe(result.auditEventId);
    }
  });

  it("refuses the whole batch when one case changed since the list was loaded, naming it", async () => {
    const cases = await register(clerk, 3);
    const changed = cases[1]!;
    // Someone records a step after the list was loaded: the list's version of that case is stale.
    await recordCaseEvent({
      actor: clerk,
      applicationId: changed.id,
      input: { type: "CONSULTATION_SENT", occurredOn: "2026-11-03", details: { party: "THIRD_PARTY", partyName: "某公司" } },
      expectedVersion: changed.version,
      today: TODAY,
    });
    const before = (await batchEntries(organizationId, "application.batch_assign")).length;

    const error = await refusal(batchReassign({ actor: manager, input: { cases: selected(cases), handlerId: colleague.userId } }));
    expect(error.code).toBe("STALE");
    expect(error.message).toContain(changed.caseNumber);
    for (const row of cases.filter((row) => row !== changed)) expect(error.message).not.toContain(`${row.caseNumber}：`);

    const rows = await db.application.findMany({ where: { id: { in: cases.map((row) => row.id) } }, select: { handlerId: true } });
    expect(rows.some((row) => row.handlerId === colleague.userId)).toBe(false);
    expect(await batchEntries(organizationId, "application.batch_assign")).toHaveLength(before);
    expect(await db.auditEvent.count({ where: { applicationId: { in: cases.map((row) => row.id) }, action: "application.assign" } })).toBe(0);
  });

  it("refuses the whole batch when a case is voided, and when a case is another organization's", async () => {
    const cases = await register(clerk, 3);
    const voided = cases[2]!;
    await voidApplication({ actor: manager, applicationId: voided.id, reason: "重复登记", expectedVersion: voided.version });
    const afterVoid = await db.application.findUniqueOrThrow({ where: { id: voided.id }, select: { version: true } });
    const current = cases.map((row) => (row === voided ? { ...row, version: afterVoid.version } : row));

    const error = await refusal(batchReassign({ actor: manager, input: { cases: selected(current), handlerId: colleague.userId } }));
    expect(error.code).toBe("INVALID_STATE");
    expect(error.message).toContain(`${voided.caseNumber}：该案件已作废`);

    const [foreign] = await register(otherManager, 1);
    const crossing = await refusal(
      batchReassign({ actor: manager, input: { cases: [...selected(cases.slice(0, 2)), ...selected([foreign!])], handlerId: colleague.userId } }),
    );
    expect(crossing.code).toBe("NOT_FOUND");

    const rows = await db.application.findMany({ where: { id: { in: [...cases, foreign!].map((row) => row.id) } }, select: { handlerId: true } });
    expect(rows.some((row) => row.handlerId === colleague.userId)).toBe(false);
  });

  it("is for managers, refuses an inactive handler and limits the batch size", async () => {
    const cases = await register(clerk, 2);
    expect((await refusal(batchReassign({ actor: clerk, input: { cases: selected(cases), handlerId: clerk.userId } }))).code).toBe("FORBIDDEN");
    expect((await refusal(batchReassign({ actor: manager, input: { cases: selected(cases), handlerId: otherManager.userId } }))).fieldErrors).toHaveProperty(
      "handlerId",
    );
    const tooMany = Array.from({ length: BATCH_MAX_CASES + 1 }, (_, index) => ({ id: `case-${index}`, version: 1 }));
    const limit = await refusal(batchReassign({ actor: manager, input: { cases: tooMany, handlerId: colleague.userId } }));
    expect(limit.code).toBe("VALIDATION");
    expect(limit.message).toContain(String(BATCH_MAX_CASES));
  });
});

describe("batch close", () => {
  const closeInput = (cases: readonly { id: string; version: number }[]) => ({
    cases: selected(cases),
    outcome: "UNAVAILABLE_NOT_HELD",
    occurredOn: "2026-11-10",
    serviceMethod: "邮寄",
  });

  it("applies nothing when one case is refused by the clock's rules, naming each refused case and why", async () => {
    const cases = await register(clerk, 3);
    const awaiting = cases[0]!;
    const early = (await register(clerk, 1, "2026-11-12"))[0]!;
    const { version } = await recordCaseEvent({
      actor: clerk,
      applicationId: awaiting.id,
      input: { type: "CORRECTION_REQUESTED", occurredOn: "2026-11-03", details: { deadlineOn: "2026-11-17", matters: "请明确项目名称" } },
      expectedVersion: awaiting.version,
      today: TODAY,
    });
    const current = [{ ...awaiting, version }, ...cases.slice(1), early];
    const before = (await batchEntries(organizationId, "application.batch_close")).length;

    const error = await refusal(batchClose({ actor: clerk, input: closeInput(current), today: TODAY }));
    expect(error.code).toBe("INVALID_STATE");
    expect(error.message).toContain(`${awaiting.caseNumber}：案件正在等待补正`);
    expect(error.message).toContain(`${early.caseNumber}：`);
    expect(error.message).toContain("早于收到申请日期");

    const rows = await db.application.findMany({ where: { id: { in: current.map((row) => row.id) } }, select: { status: true } });
    expect(rows.every((row) => row.status === "OPEN")).toBe(true);
    expect(await db.caseEvent.count({ where: { applicationId: { in: current.map((row) => row.id) }, type: "DECISION_SERVED" } })).toBe(0);
    expect(await batchEntries(organizationId, "application.batch_close")).toHaveLength(before);
  });

  it("closes every case with its 答复办结 step, counted in the report, as one audited action", async () => {
    const reportBefore = await computeReport({ actor: clerk, year: 2026 });
    const notHeldBefore = rowCounts(reportBefore.applications, "unavailable_not_held").at(-1)!;
    const cases = await register(clerk, 4);

    const result = await batchClose({ actor: clerk, input: closeInput(cases), today: TODAY });
    expect(result.count).toBe(cases.length);

    for (const row of cases) {
      const closed = await db.application.findUniqueOrThrow({ where: { id: row.id }, include: { events: true } });
      expect(closed).toMatchObject({ status: "CLOSED", outcome: "UNAVAILABLE_NOT_HELD" });
      expect(closed.events.filter((event) => event.type === "DECISION_SERVED")).toHaveLength(1);
      const perCase = await db.auditEvent.findFirstOrThrow({ where: { applicationId: row.id, action: "case_event.record.decision_served" } });
      expect((perCase.after as { cause: { causeAuditId: string } }).cause.causeAuditId).toBe(result.auditEventId);
    }
    const batch = await db.auditEvent.findUniqueOrThrow({ where: { id: result.auditEventId } });
    expect((batch.after as { caseNumbers: string[] }).caseNumbers).toHaveLength(cases.length);

    const reportAfter = await computeReport({ actor: clerk, year: 2026 });
    expect(rowCounts(reportAfter.applications, "unavailable_not_held").at(-1)).toBe(notHeldBefore + cases.length);
  });

  it("refuses an outcome that needs per-case text", async () => {
    const cases = await register(clerk, 1);
    const error = await refusal(batchClose({ actor: clerk, input: { ...closeInput(cases), outcome: "PARTIALLY_GRANTED" }, today: TODAY }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toHaveProperty("outcome");
  });
});
