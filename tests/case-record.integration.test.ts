// Mending the record (issue 8) against the real database: correcting a registration (the clock replayed,
// the audit complete, a published report left frozen with the difference shown), voiding and restoring
// a case (it leaves every list, count, alert, export and the report, and comes back), lawsuits recorded
// instance by instance, and the data-quality flags of the clock rules.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { isoDateFromDb } from "@/lib/calendar/dates";
import { addProceeding, updateProceeding } from "@/lib/appeals/mutations";
import { getApplication } from "@/lib/cases/case-detail";
import { DEFAULT_CASE_LIST_QUERY } from "@/lib/cases/list-schemas";
import { correctCaseEvent, recordCaseEvent, registerApplication, restoreApplication, updateRegistration, voidApplication } from "@/lib/cases/mutations";
import { findApplications, findApplicationsForExport } from "@/lib/cases/queries";
import { getManagerDashboard, getWorkbench } from "@/lib/dashboard/queries";
import { parseDashboardPeriod } from "@/lib/dashboard/period";
import { generateNotifications } from "@/lib/notifications/generate";
import { getDataQuality } from "@/lib/reports/data-quality";
import { getReportWorkspace, publishReport } from "@/lib/reports/publication";
import { computeReport, findReportCellCases } from "@/lib/reports/queries";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-11-21";

async function team(name: string) {
  const organization = await createTestOrganization(name);
  const user = async (role: "CLERK" | "MANAGER" | "ADMIN", displayName: string) =>
    actorFor(await createTestUser({ organizationId: organization.id, role, displayName }));
  return { clerk: await user("CLERK", "王登记"), manager: await user("MANAGER", "李负责") };
}

const application = (applicantName: string, receivedOn: string, applicantType = "NATURAL_PERSON") => ({
  applicantType,
  applicantName,
  channel: "ONLINE",
  receivedOn,
  requestContent: `${applicantName}申请公开年度行政执法统计`,
  applicantContact: "13800000000",
});

const close = (actor: Actor, applicationId: string, occurredOn: string, disposition = "GRANTED") =>
  recordCaseEvent({
    actor,
    applicationId,
    input: { type: "DECISION_SERVED", occurredOn, details: { serviceMethod: "邮寄", items: [{ description: "全部", disposition }] } },
    expectedVersion: null,
    today: TODAY,
  });

const versionOf = async (id: string) => (await db.application.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

describe("correcting a registration", () => {
  let clerk: Actor;
  let manager: Actor;
  beforeAll(async () => ({ clerk, manager } = await team("登记更正司法局")));

  it("replays the clock for a new receipt date, keeps the case number and audits the full before and after", async () => {
    const registered = await registerApplication({ actor: clerk, input: application("更正甲", "2026-03-02"), today: TODAY });
    const before = await db.application.findUniqueOrThrow({ where: { id: registered.id } });
    expect(isoDateFromDb(before.dueOn!)).toBe("2026-03-30");
    const result = await updateRegistration({
      actor: clerk,
      applicationId: registered.id,
      input: { ...application("更正甲", "2026-03-09"), applicantType: "COMMERCIAL_ENTERPRISE", agentName: "代理人乙" },
      reason: "收件日期和申请人类型登记错误",
      expectedVersion: before.version,
      today: TODAY,
    });
    expect(result.changedFields.sort()).toEqual(["agentName", "applicantType", "receivedOn"]);
    const after = await db.application.findUniqueOrThrow({ where: { id: registered.id } });
    // 2026-03-09 + 20 working days, 清明 (4/6) skipped.
    expect(isoDateFromDb(after.dueOn!)).toBe("2026-04-07");
    expect(after).toMatchObject({ caseNumber: registered.caseNumber, applicantType: "COMMERCIAL_ENTERPRISE", agentName: "代理人乙", version: result.version });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: registered.id, action: "application.update_registration" } });
    expect(audit.reason).toBe("收件日期和申请人类型登记错误");
    expect(audit.before).toMatchObject({
      caseNumber: registered.caseNumber,
      applicantType: "NATURAL_PERSON",
      applicantName: "更正甲",
      applicantContact: "13800000000",
      agentName: null,
      channel: "ONLINE",
      receivedOn: "2026-03-02",
      dueOn: "2026-03-30",
    });
    expect(audit.after).toMatchObject({ applicantType: "COMMERCIAL_ENTERPRISE", agentName: "代理人乙", receivedOn: "2026-03-09", dueOn: "2026-04-07" });
  });

  it("refuses a receipt date that makes a recorded step impossible, and changes nothing", async () => {
    const { id } = await registerApplication({ actor: clerk, input: application("更正乙", "2026-06-01"), today: TODAY });
    await recordCaseEvent({
      actor: clerk,
      applicationId: id,
      input: { type: "CONSULTATION_SENT", occurredOn: "2026-06-03", details: { party: "THIRD_PARTY", partyName: "某公司" } },
      expectedVersion: null,
      today: TODAY,
    });
    const stored = await db.application.findUniqueOrThrow({ where: { id } });
    await expect(
      updateRegistration({ actor: clerk, applicationId: id, input: application("更正乙", "2026-06-05"), reason: "日期错误", expectedVersion: stored.version, today: TODAY }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("收到申请日期改为 2026-06-05 后，已登记的办理步骤不再成立") });
    await expect(
      updateRegistration({ actor: clerk, applicationId: id, input: application("更正乙", "2026-12-01"), reason: "日期错误", expectedVersion: stored.version, today: TODAY }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      updateRegistration({ actor: clerk, applicationId: id, input: application("更正乙", "2026-06-01"), reason: "没有改", expectedVersion: stored.version, today: TODAY }),
    ).rejects.toMatchObject({ message: "登记信息没有变化" });
    await expect(
      updateRegistration({ actor: clerk, applicationId: id, input: { ...application("更正乙", "2026-06-01"), applicantName: "改" }, reason: "", expectedVersion: stored.version, today: TODAY }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: [expect.any(String)] } });
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toEqual(stored);
  });

  it("leaves a published report frozen, shows the difference and names the version before saving", async () => {
    const { id } = await registerApplication({ actor: clerk, input: application("发布后更正", "2025-03-03"), today: TODAY });
    await close(clerk, id, "2025-03-20");
    await publishReport({ actor: manager, input: { year: 2025, format: "2021" } });
    const snapshot = await db.reportSnapshot.findFirstOrThrow({ where: { organizationId: manager.organizationId, year: 2025 } });
    expect((await getApplication({ actor: clerk, applicationId: id, today: TODAY })).countedInReports).toEqual([{ year: 2025, version: 1 }]);

    const input = { ...application("发布后更正", "2025-03-03"), applicantType: "LEGAL_SERVICE_ORG" };
    const version = await versionOf(id);
    await expect(
      updateRegistration({ actor: clerk, applicationId: id, input, reason: "申请人是律师事务所", expectedVersion: version, today: TODAY, confirmPublishedChange: false }),
    ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("2025 年度报告（第 1 版）") });
    const saved = await updateRegistration({ actor: clerk, applicationId: id, input, reason: "申请人是律师事务所", expectedVersion: version, today: TODAY, confirmPublishedChange: true });
    expect(saved.publishedReports).toEqual([{ year: 2025, version: 1 }]);

    expect(await db.reportSnapshot.findUniqueOrThrow({ where: { id: snapshot.id } })).toEqual(snapshot);
    const workspace = await getReportWorkspace({ actor: manager, year: 2025, format: "2021" });
    const moved = Object.fromEntries((workspace.differences ?? []).map((difference) => [difference.cell, difference]));
    expect(moved["applications.granted.natural_person"]).toMatchObject({ published: 1, current: 0, removedCaseIds: [id] });
    expect(moved["applications.granted.legal_service_org"]).toMatchObject({ published: 0, current: 1, addedCaseIds: [id] });
    expect(moved["applications.granted.total"]).toBeUndefined();
  });
});

describe("voiding a case", () => {
  let clerk: Actor;
  let manager: Actor;
  let duplicate: { id: string; caseNumber: string };
  let original: { id: string; caseNumber: string };
  let closedWithAppeal: { id: string; caseNumber: string };

  beforeAll(async () => {
    ({ clerk, manager } = await team("作废司法局"));
    original = await registerApplication({ actor: clerk, input: application("重复甲", "2026-10-08"), today: TODAY });
    duplicate = await registerApplication({ actor: clerk, input: application("重复甲", "2026-10-08"), today: TODAY });
    closedWithAppeal = await registerApplication({ actor: clerk, input: application("误登乙", "2025-05-06"), today: TODAY });
    await recordCaseEvent({
      actor: clerk,
      applicationId: closedWithAppeal.id,
      input: { type: "FEE_NOTICE", occurredOn: "2025-05-08", details: { method: "PER_VOLUME", amount: "300.00", calculatedAmount: "300.00", applicantReceivedOn: "2025-05-09" } },
      expectedVersion: null,
      today: TODAY,
    });
    await recordCaseEvent({ actor: clerk, applicationId: closedWithAppeal.id, input: { type: "FEE_PAID", occurredOn: "2025-05-12", details: { amount: "300.00" } }, expectedVersion: null, today: TODAY });
    await close(clerk, closedWithAppeal.id, "2025-05-20", "WITHHELD_STATE_SECRET");
    await addProceeding({ actor: clerk, applicationId: closedWithAppeal.id, input: { kind: "RECONSIDERATION", filedOn: "2025-06-10", disposition: "UPHOLD", decidedOn: "2025-07-10" } });
    // The duplicate is overdue for its handler: it has an alert until it is voided.
    await generateNotifications({ today: TODAY, calendar: await loadWorkCalendar() });
  });

  it("is for managers and administrators, with a reason", async () => {
    await expect(voidApplication({ actor: clerk, applicationId: duplicate.id, reason: "重复登记", expectedVersion: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(voidApplication({ actor: manager, applicationId: duplicate.id, reason: "", expectedVersion: null })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("leaves the list, the counts, the alerts, the export and the report, but is kept and found under 已作废", async () => {
    const calendar = await loadWorkCalendar();
    const list = async (query = {}) => (await findApplications({ actor: manager, query: { ...DEFAULT_CASE_LIST_QUERY, ...query }, today: TODAY, calendar })).rows.map((row) => row.caseNumber);
    const reportBefore = await computeReport({ actor: manager, year: 2025, format: "2021" });
    const dashboardBefore = await getManagerDashboard({ actor: manager, period: parseDashboardPeriod("year", TODAY), today: TODAY, calendar });
    expect(await db.notification.count({ where: { applicationId: duplicate.id } })).toBeGreaterThan(0);

    await voidApplication({ actor: manager, applicationId: duplicate.id, reason: `与 ${original.caseNumber} 重复登记`, expectedVersion: await versionOf(duplicate.id) });
    await voidApplication({ actor: manager, applicationId: closedWithAppeal.id, reason: "误登记", expectedVersion: await versionOf(closedWithAppeal.id) });

    expect(await list()).toEqual([original.caseNumber]);
    expect((await list({ voided: true })).sort()).toEqual([closedWithAppeal.caseNumber, duplicate.caseNumber].sort());
    expect((await findApplicationsForExport({ actor: manager, query: { ...DEFAULT_CASE_LIST_QUERY, voided: true } })).map((row) => row.申请编号)).toEqual([original.caseNumber]);

    const dashboard = await getManagerDashboard({ actor: manager, period: parseDashboardPeriod("year", TODAY), today: TODAY, calendar });
    expect(dashboard.openNow.count).toBe(dashboardBefore.openNow.count - 1);
    expect(dashboard.received.count).toBe(dashboardBefore.received.count - 1);
    expect((await getWorkbench({ actor: clerk, today: TODAY, calendar })).overdue.lines.map((line) => line.caseNumber)).not.toContain(duplicate.caseNumber);
    expect(await db.notification.count({ where: { applicationId: duplicate.id } })).toBe(0);
    await generateNotifications({ today: TODAY, calendar });
    expect(await db.notification.count({ where: { applicationId: duplicate.id } })).toBe(0);

    // Tables 三, 四 and 六 of 2025 and their drill-downs.
    const report = await computeReport({ actor: manager, year: 2025, format: "2021" });
    expect(report.applications.rows.new_received![6]).toBe(reportBefore.applications.rows.new_received![6]! - 1);
    expect(report.applications.rows.withheld_state_secret![6]).toBe(0);
    expect(reportBefore.appeals.reconsideration.upheld).toBe(1);
    expect(report.appeals.reconsideration).toMatchObject({ upheld: 0, total: 0 });
    expect(report.fees).toEqual({ notices: 0, amount_noticed: "0.00", amount_collected: "0.00" });
    expect(report.checks.every((check) => check.ok)).toBe(true);
    expect((await findReportCellCases({ actor: manager, year: 2025, cell: "applications.new_received.total" })).cases).toEqual([]);
    expect((await findReportCellCases({ actor: manager, year: 2025, cell: "appeals.reconsideration.total" })).cases).toEqual([]);

    // Kept, audited, and closed to every change.
    const stored = await db.application.findUniqueOrThrow({ where: { id: duplicate.id } });
    expect(stored).toMatchObject({ voidedById: manager.userId, voidReason: `与 ${original.caseNumber} 重复登记` });
    // The case page names who registered, handles and voided it.
    const { application: shown } = await getApplication({ actor: manager, applicationId: duplicate.id, today: TODAY });
    expect([shown.registeredBy?.displayName, shown.handler?.displayName, shown.voidedBy?.displayName]).toEqual([
      clerk.displayName,
      (await db.user.findUnique({ where: { id: stored.handlerId ?? "" } }))?.displayName,
      manager.displayName,
    ]);
    await expect(
      recordCaseEvent({ actor: clerk, applicationId: duplicate.id, input: { type: "WITHDRAWN", occurredOn: "2026-10-09", details: {} }, expectedVersion: null, today: TODAY }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("已作废") });
    await expect(addProceeding({ actor: clerk, applicationId: duplicate.id, input: { kind: "RECONSIDERATION", filedOn: "2026-10-20" } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(voidApplication({ actor: manager, applicationId: duplicate.id, reason: "再作废", expectedVersion: null })).rejects.toMatchObject({ message: "该案件已作废" });
  });

  it("is restored with a reason and counts again", async () => {
    await restoreApplication({ actor: manager, applicationId: closedWithAppeal.id, reason: "并非误登记", expectedVersion: await versionOf(closedWithAppeal.id), today: TODAY });
    const report = await computeReport({ actor: manager, year: 2025, format: "2021" });
    expect(report.applications.rows.withheld_state_secret![6]).toBe(1);
    expect(report.appeals.reconsideration.upheld).toBe(1);
    expect(report.fees.notices).toBe(1);
    const audit = await db.auditEvent.findMany({ where: { entityId: closedWithAppeal.id, action: { in: ["application.void", "application.restore"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.reason])).toEqual([
      ["application.void", "误登记"],
      ["application.restore", "并非误登记"],
    ]);
    expect(audit[0]!.after).toMatchObject({ voidedById: manager.userId, voidReason: "误登记" });
    expect(audit[1]!.before).toMatchObject({ voidReason: "误登记" });
  });
});

describe("lawsuits instance by instance, results by name", () => {
  let clerk: Actor;
  beforeAll(async () => ({ clerk } = await team("诉讼审级司法局")));

  it("an appealed judgment is not effective: pending at 31 Dec while the appeal is undecided", async () => {
    const { id } = await registerApplication({ actor: clerk, input: application("诉讼甲", "2025-01-06"), today: TODAY });
    await close(clerk, id, "2025-01-20", "WITHHELD_THIRD_PARTY_RIGHTS");
    const lawsuit = await addProceeding({
      actor: clerk,
      applicationId: id,
      input: {
        kind: "LITIGATION",
        route: "DIRECT",
        filedOn: "2025-03-03",
        instances: [
          { level: "FIRST", filedOn: "2025-03-03", disposition: "REVOKE", decidedOn: "2025-09-01" },
          { level: "SECOND", filedOn: "2025-09-10" },
        ],
      },
    });
    expect(await db.proceeding.findUniqueOrThrow({ where: { id: lawsuit.id } })).toMatchObject({ result: null, decidedOn: null });
    expect((await computeReport({ actor: clerk, year: 2025 })).appeals.litigation_direct).toMatchObject({ corrected: 0, pending: 1 });

    // The appeal is dismissed in 2026: the first judgment stands from then (2025 still pending).
    const updated = await updateProceeding({
      actor: clerk,
      proceedingId: lawsuit.id,
      input: {
        kind: "LITIGATION",
        route: "DIRECT",
        filedOn: "2025-03-03",
        instances: [
          { level: "FIRST", filedOn: "2025-03-03", disposition: "REVOKE", decidedOn: "2025-09-01", note: "（2025）某01行初12号" },
          { level: "SECOND", filedOn: "2025-09-10", disposition: "AFFIRM_ON_APPEAL", decidedOn: "2026-02-15" },
        ],
      },
      expectedVersion: lawsuit.version,
    });
    const stored = await db.proceeding.findUniqueOrThrow({ where: { id: lawsuit.id }, include: { instances: { orderBy: { position: "asc" } } } });
    expect(stored).toMatchObject({ result: "CORRECTED", version: updated.version });
    expect(isoDateFromDb(stored.decidedOn!)).toBe("2026-02-15");
    expect(stored.instances.map((instance) => [instance.level, instance.disposition, instance.note])).toEqual([
      ["FIRST", "REVOKE", "（2025）某01行初12号"],
      ["SECOND", "AFFIRM_ON_APPEAL", null],
    ]);
    expect((await computeReport({ actor: clerk, year: 2025 })).appeals.litigation_direct).toMatchObject({ corrected: 0, pending: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: lawsuit.id, action: "proceeding.update" } });
    expect(audit.before).toMatchObject({ result: null, instances: [{ level: "FIRST", disposition: "REVOKE" }, { level: "SECOND", disposition: null }] });
    expect(audit.after).toMatchObject({ result: "CORRECTED", decidedOn: "2026-02-15", instances: [{ note: "（2025）某01行初12号" }, { disposition: "AFFIRM_ON_APPEAL" }] });

    // A form loaded before that edit is stale.
    await expect(
      updateProceeding({ actor: clerk, proceedingId: lawsuit.id, input: { kind: "LITIGATION", route: "DIRECT", filedOn: "2025-03-03" }, expectedVersion: lawsuit.version }),
    ).rejects.toMatchObject({ code: "STALE", message: expect.stringContaining("修改复议或诉讼") });
  });

  it("refuses instances that cannot follow each other, naming the instance", async () => {
    const { id } = await registerApplication({ actor: clerk, input: application("诉讼乙", "2025-01-06"), today: TODAY });
    await expect(
      addProceeding({ actor: clerk, applicationId: id, input: { kind: "LITIGATION", route: "DIRECT", filedOn: "2025-03-03", instances: [{ level: "SECOND", filedOn: "2025-03-03" }] } }),
    ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("第 1 项（二审）") });
  });

  it("a reconsideration's decision by name gives its column; a result recorded without a name is kept only when asked", async () => {
    const { id } = await registerApplication({ actor: clerk, input: application("复议丙", "2025-01-06"), today: TODAY });
    const named = await addProceeding({
      actor: clerk,
      applicationId: id,
      input: { kind: "RECONSIDERATION", filedOn: "2025-02-03", disposition: "REJECT_RECONSIDERATION_APPLICATION", decidedOn: "2025-03-03" },
    });
    expect(await db.proceeding.findUniqueOrThrow({ where: { id: named.id } })).toMatchObject({ disposition: "REJECT_RECONSIDERATION_APPLICATION", result: "OTHER" });

    // As a ledger import records it: a column, no decision.
    const imported = await db.proceeding.create({
      data: { organizationId: clerk.organizationId, applicationId: id, kind: "RECONSIDERATION", filedOn: new Date("2025-04-01T00:00:00Z"), result: "UPHELD", decidedOn: new Date("2025-05-06T00:00:00Z") },
    });
    const kept = await updateProceeding({
      actor: clerk,
      proceedingId: imported.id,
      input: { kind: "RECONSIDERATION", filedOn: "2025-04-02", keepRecordedResult: true },
      expectedVersion: imported.version,
    });
    expect(await db.proceeding.findUniqueOrThrow({ where: { id: imported.id } })).toMatchObject({ result: "UPHELD", disposition: null });
    await updateProceeding({ actor: clerk, proceedingId: imported.id, input: { kind: "RECONSIDERATION", filedOn: "2025-04-02" }, expectedVersion: kept.version });
    expect(await db.proceeding.findUniqueOrThrow({ where: { id: imported.id } })).toMatchObject({ result: null, decidedOn: null });
  });
});

describe("clock rules in the data-quality list", () => {
  it("flags a late 补正 notice (recorded with its reason) and a correction that keeps the consultation's key", async () => {
    const { clerk, manager } = await team("逾期补正司法局");
    const { id } = await registerApplication({ actor: clerk, input: application("逾期补正", "2026-03-02"), today: TODAY });
    const late = { type: "CORRECTION_REQUESTED", occurredOn: "2026-03-12", details: { deadlineOn: "2026-03-26", matters: "请补充身份证明" } };
    await expect(recordCaseEvent({ actor: clerk, applicationId: id, input: late, expectedVersion: null, today: TODAY })).rejects.toMatchObject({
      message: expect.stringContaining("须写明逾期告知的理由"),
    });
    await recordCaseEvent({ actor: clerk, applicationId: id, input: { ...late, details: { ...late.details, lateReason: "收件登记遗漏" } }, expectedVersion: null, today: TODAY });
    await recordCaseEvent({ actor: clerk, applicationId: id, input: { type: "CORRECTION_RECEIVED", occurredOn: "2026-03-19", details: {} }, expectedVersion: null, today: TODAY });
    const stored = await db.application.findUniqueOrThrow({ where: { id } });
    expect(stored.correctionNoticeLate).toBe(true);
    expect(isoDateFromDb(stored.dueOn!)).toBe("2026-04-07");
    const issues = await getDataQuality({ actor: manager, year: 2026, today: TODAY });
    expect(issues.find((issue) => issue.key === "late-correction-notice")).toMatchObject({ count: 1, cases: [{ id }] });
    // The panel belongs to its year: the 2024 report lists none of this organization's 2026 cases.
    const issuesOf2024 = await getDataQuality({ actor: manager, year: 2024, today: TODAY });
    expect(issuesOf2024.flatMap((issue) => issue.cases)).toEqual([]);
    expect(issuesOf2024.filter((issue) => issue.count > 0).map((issue) => issue.key)).toEqual([]);

    // Two consultations at once; a corrected consultation keeps the key its answer names.
    const other = await registerApplication({ actor: clerk, input: application("同时征求", "2026-06-01"), today: TODAY });
    const first = await recordCaseEvent({
      actor: clerk,
      applicationId: other.id,
      input: { type: "CONSULTATION_SENT", occurredOn: "2026-06-03", details: { party: "THIRD_PARTY", partyName: "第三方甲" } },
      expectedVersion: null,
      today: TODAY,
    });
    await recordCaseEvent({
      actor: clerk,
      applicationId: other.id,
      input: { type: "CONSULTATION_SENT", occurredOn: "2026-06-08", details: { party: "AGENCY", partyName: "市场监管局" } },
      expectedVersion: null,
      today: TODAY,
    });
    const key = (await getApplication({ actor: clerk, applicationId: other.id, today: TODAY })).projection.consultations[0]!.key;
    await correctCaseEvent({
      actor: clerk,
      eventId: first.eventId,
      replacement: { type: "CONSULTATION_SENT", occurredOn: "2026-06-03", details: { party: "THIRD_PARTY", partyName: "第三方甲", partyReceivedOn: "2026-06-05" } },
      reason: "补录对方收到日期",
      expectedVersion: null,
      today: TODAY,
    });
    const detail = await getApplication({ actor: clerk, applicationId: other.id, today: TODAY });
    expect(detail.projection.consultations.map((consultation) => [consultation.key === key, consultation.partyReceivedOn, consultation.replyDueOn])).toEqual([
      [true, "2026-06-05", "2026-06-29"],
      [false, null, "2026-06-30"],
    ]);
    await recordCaseEvent({ actor: clerk, applicationId: other.id, input: { type: "CONSULTATION_ANSWERED", occurredOn: "2026-06-12", details: { consultationKey: key } }, expectedVersion: null, today: TODAY });
    expect((await db.application.findUniqueOrThrow({ where: { id: other.id } })).clockPhase).toBe("CONSULTING");
  });
});
