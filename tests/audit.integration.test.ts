// The audit against the real database: PostgreSQL itself refuses to change or remove an entry (for
// the app's role, and through the trigger for the owner and the superuser too);
// imports and recomputations leave one entry per case, with who and why; a case's 操作记录 holds every
// change with its before and after in Chinese; the administrators' audit filters, pages and exports.
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { addProceeding, deleteProceeding } from "@/lib/appeals/mutations";
import { currentOperator, recordAudit } from "@/lib/audit/record";
import { auditLogToCsv, auditLogToXlsx } from "@/lib/audit/export";
import { findAuditFilterOptions, findAuditLog, findAuditLogForExport, findCaseAuditLog, findLatestAuditEntry } from "@/lib/audit/queries";
import { parseAuditLogQuery } from "@/lib/audit/list-schemas";
import { setCalendarDay } from "@/lib/calendar/mutations";
import { isoDateFromDb } from "@/lib/calendar/dates";
import { addCalendarDays } from "@/lib/calendar/workdays";
import { importLedger, importLedgerForActor } from "@/lib/cases/ledger-import-store";
import { assignHandler, correctCaseEvent, recordCaseEvent, registerApplication } from "@/lib/cases/mutations";
import { changeUserRole } from "@/lib/users/mutations";
import { todayInShanghai } from "@/lib/today";
import { actorFor, createTestOperator, createTestOrganization, createTestUser, operatorActorFor } from "./factories";

const TODAY = "2026-11-21";
const SAMPLE_NAME = "ledger-sample.csv";
const SAMPLE = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, "fixtures", SAMPLE_NAME)));
const REFUSED = /操作记录只能追加，不能修改或删除/;

async function office(name: string) {
  const organization = await createTestOrganization(name);
  const user = (role: "CLERK" | "MANAGER" | "ADMIN", displayName: string) => createTestUser({ organizationId: organization.id, role, displayName }).then(actorFor);
  return {
    organization,
    clerk: await user("CLERK", "王登记"),
    manager: await user("MANAGER", "李负责"),
    admin: await user("ADMIN", "张管理"),
  };
}

const application = (receivedOn: string) => ({
  applicantType: "NATURAL_PERSON",
  applicantName: "张三",
  channel: "IN_PERSON",
  receivedOn,
  requestContent: "申请公开2025年度行政处罚决定书目录",
});

describe("the audit table is append-only in PostgreSQL", () => {
  let entryId: string;
  let organizationId: string;
  beforeAll(async () => {
    const { admin, organization } = await office("审计只增局");
    organizationId = organization.id;
    entryId = await db.$transaction((tx) => recordAudit(tx, admin, { action: "user.create", entityType: "User", entityId: admin.userId, after: { username: "x" } }));
  });

  it("refuses UPDATE, DELETE and TRUNCATE for the role the app connects as", async () => {
    // The app's role lacks the privileges (tests/database-roles); whatever refuses first, nothing changes.
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "reason" = '改过' WHERE "id" = ${entryId}`).rejects.toThrow(/42501|permission denied|操作记录只能追加/);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${entryId}`).rejects.toThrow(/42501|permission denied|操作记录只能追加/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(/42501|permission denied|操作记录只能追加/);
    await expect(db.auditEvent.deleteMany({ where: { id: entryId } })).rejects.toThrow();
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({ reason: null, after: { username: "x" } });
  });

  it("refuses them for the owner and the superuser too, whose privileges would allow them: the trigger", async () => {
    for (const url of [inject("ownerDatabaseUrl"), inject("adminDatabaseUrl")]) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await expect(client.query(`UPDATE "AuditEvent" SET "reason" = '改过' WHERE "id" = $1`, [entryId])).rejects.toThrow(REFUSED);
        await expect(client.query(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [entryId])).rejects.toThrow(REFUSED);
        // Statement-level: even a statement that would touch no row.
        await expect(client.query(`DELETE FROM "AuditEvent" WHERE false`)).rejects.toThrow(REFUSED);
        await expect(client.query(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(REFUSED);
        // Appending still works (in this test's organization: the column's default instant reads back
        // 8 hours late through Prisma's adapter, ADR 0070, and must not reach the other tests' date filters).
        await expect(
          client.query(`INSERT INTO "AuditEvent" ("id", "organizationId", "action", "entityType", "entityId") VALUES ($1, $2, 'probe', 'User', 'x')`, [
            `probe-${Date.now()}-${Math.random()}`,
            organizationId,
          ]),
        ).resolves.toMatchObject({ rowCount: 1 });
      } finally {
        await client.end();
      }
    }
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({ reason: null, after: { username: "x" } });
  });

  it("refuses to change or remove a published report version", async () => {
    const { organization } = await office("冻结版本局");
    await db.reportSnapshot.create({ data: { organizationId: organization.id, year: 2025, version: 1, format: "2021", report: {}, sections: {}, activeDisclosure: {} } });
    await expect(db.reportSnapshot.updateMany({ where: { organizationId: organization.id }, data: { reason: "改" } })).rejects.toThrow(/已发布的报告版本只能追加/);
    await expect(db.reportSnapshot.deleteMany({ where: { organizationId: organization.id } })).rejects.toThrow(/已发布的报告版本只能追加/);
  });
});

describe("imports and recomputations leave one entry per case", () => {
  it("records every imported case with the importing user, or the operator at the command line", async () => {
    const { organization, manager } = await office("导入审计局");
    const result = await importLedgerForActor({ actor: manager, file: { name: SAMPLE_NAME, bytes: SAMPLE }, today: "2026-06-30" });
    expect(result.ok).toBe(true);
    const cases = await db.application.findMany({ where: { organizationId: organization.id }, select: { id: true, caseNumber: true, applicantType: true } });
    const entries = await db.auditEvent.findMany({ where: { organizationId: organization.id, action: "application.import" } });
    expect(entries).toHaveLength(cases.length);
    expect(new Set(entries.map((entry) => entry.applicationId))).toEqual(new Set(cases.map((row) => row.id)));
    const first = cases.find((row) => row.caseNumber === "GK-2023-000014")!;
    const entry = entries.find((candidate) => candidate.entityId === first.id)!;
    expect(entry).toMatchObject({ actorId: manager.userId, operator: null, entityType: "Application", applicationId: first.id, before: null });
    expect(entry.after).toMatchObject({ caseNumber: "GK-2023-000014", applicantType: first.applicantType, status: "CLOSED", reconsideration: { result: "OTHER", decidedOn: "2023-12-03" } });
    expect(entry.reason).toMatch(/^导入台账（文件 ledger-sample\.csv，第 \d+ 行）$/);

    const other = await office("命令行导入局");
    await importLedger({ organizationCode: other.organization.code, file: { name: SAMPLE_NAME, bytes: SAMPLE }, today: "2026-06-30" });
    const operatorEntries = await db.auditEvent.findMany({ where: { organizationId: other.organization.id, action: "application.import" } });
    expect(operatorEntries).toHaveLength(cases.length);
    expect(operatorEntries.every((candidate) => candidate.actorId === null && candidate.operator === currentOperator())).toBe(true);
    expect(operatorEntries[0]!.reason).toMatch(/^由运维人员通过命令行导入（文件 ledger-sample\.csv，第 \d+ 行）$/);
    const log = await findCaseAuditLog({ actor: other.clerk, applicationId: operatorEntries[0]!.entityId });
    expect(log[0]).toMatchObject({ actionLabel: "随台账导入", actorLabel: `运维人员 ${currentOperator()}（命令行）` });
  });

  it("records every due date a calendar change moves, with the change as the cause", async () => {
    const { clerk } = await office("日历审计局");
    // Only the installation's operators edit the national calendar.
    const admin = operatorActorFor(await createTestOperator({ displayName: "张管理" }));
    const { id } = await registerApplication({ actor: clerk, input: application("2026-11-02"), today: TODAY });
    const untouched = await registerApplication({ actor: clerk, input: application("2026-10-09"), today: TODAY });
    try {
      const change = await setCalendarDay({ actor: admin, input: { date: "2026-11-18", kind: "HOLIDAY", note: "审计测试放假" }, today: TODAY });
      expect(change.recomputedCases).toBeGreaterThan(0);
      const cause = await findLatestAuditEntry({ entityType: "CalendarDay", entityId: "2026-11-18" });
      expect(cause).toMatchObject({ action: "calendar.set_day", actorName: "张管理", before: { kind: "DEFAULT", note: null }, after: { kind: "HOLIDAY", note: "审计测试放假" } });
      const entries = await db.auditEvent.findMany({ where: { applicationId: id, action: "application.recompute" } });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actorId: admin.userId,
        organizationId: clerk.organizationId,
        reason: "工作日历：2026-11-18（星期三）设为法定节假日（放假）（审计测试放假）",
        before: { dueOn: "2026-11-30", clockPhase: "RUNNING" },
        after: { dueOn: "2026-12-01", clockPhase: "RUNNING", cause: { action: "calendar.set_day", causeAuditId: cause!.id } },
      });
      // Due on 2026-11-06, before the new holiday: not moved, not recorded.
      expect(await db.auditEvent.count({ where: { applicationId: untouched.id, action: "application.recompute" } })).toBe(0);
      const log = await findCaseAuditLog({ actor: clerk, applicationId: id });
      expect(log.at(-1)?.changes.find((row) => row.path === "dueOn")).toEqual({ path: "dueOn", label: "答复截止日期", before: "2026-11-30", after: "2026-12-01", changed: true });
    } finally {
      await setCalendarDay({ actor: admin, input: { date: "2026-11-18", kind: "DEFAULT", note: "" }, today: TODAY });
    }
    expect(isoDateFromDb((await db.application.findUniqueOrThrow({ where: { id } })).dueOn!)).toBe("2026-11-30");
    expect(await db.auditEvent.count({ where: { applicationId: id, action: "application.recompute" } })).toBe(2);
  });
});

describe("a case's 操作记录", () => {
  it("holds every change of the case, its steps and its proceedings, with before and after in Chinese", async () => {
    const { clerk, manager } = await office("操作记录局");
    const { id } = await registerApplication({ actor: clerk, input: application("2026-09-01"), today: TODAY });
    const { eventId } = await recordCaseEvent({ expectedVersion: null,
      actor: clerk,
      applicationId: id,
      input: { type: "CORRECTION_REQUESTED", occurredOn: "2026-09-03", details: { deadlineOn: "2026-09-17", matters: "请明确年份" } },
      today: TODAY,
    });
    await correctCaseEvent({ expectedVersion: null,
      actor: clerk,
      eventId,
      replacement: { type: "CORRECTION_REQUESTED", occurredOn: "2026-09-04", details: { deadlineOn: "2026-09-18", matters: "请明确年份" } },
      reason: "告知日期登记错了",
      today: TODAY,
    });
    await recordCaseEvent({ expectedVersion: null, actor: clerk, applicationId: id, input: { type: "WITHDRAWN", occurredOn: "2026-09-10", details: {} }, today: TODAY });
    const reconsideration = await addProceeding({ actor: clerk, applicationId: id, input: { kind: "RECONSIDERATION", filedOn: "2026-10-08" } });
    await deleteProceeding({ expectedVersion: null, actor: clerk, proceedingId: reconsideration.id, reason: "重复登记" });
    await assignHandler({ expectedVersion: null, actor: manager, input: { applicationId: id, handlerId: manager.userId } });

    const log = await findCaseAuditLog({ actor: clerk, applicationId: id });
    expect(log.map((entry) => entry.actionLabel)).toEqual([
      "登记申请",
      "记录办理步骤：补正告知",
      "更正办理步骤",
      "记录办理步骤：申请人撤回（办结）",
      "登记复议或诉讼",
      "删除复议或诉讼",
      "分配经办人",
    ]);
    expect(log.every((entry) => entry.caseNumber !== null)).toBe(true);
    const [registered, , corrected, , , removed, assigned] = log;
    expect(registered!.changes).toContainEqual({ path: "applicantType", label: "申请人类型", before: null, after: "自然人", changed: true });
    expect(registered!.changes).toContainEqual({ path: "channel", label: "申请方式", before: null, after: "当面", changed: true });
    expect(corrected).toMatchObject({ actorLabel: "王登记", reason: "告知日期登记错了" });
    expect(corrected!.changes).toContainEqual({ path: "occurredOn", label: "日期", before: "2026-09-03", after: "2026-09-04", changed: true });
    expect(corrected!.changes).toContainEqual({ path: "details.deadlineOn", label: "补正期限", before: "2026-09-17", after: "2026-09-18", changed: true });
    expect(corrected!.changes).toContainEqual({ path: "details.matters", label: "需补正的事项", before: "请明确年份", after: "请明确年份", changed: false });
    expect(removed).toMatchObject({ reason: "重复登记", entityLabel: expect.stringContaining("复议或诉讼") });
    expect(removed!.changes).toContainEqual({ path: "kind", label: "类别", before: "行政复议", after: null, changed: true });
    expect(assigned!.changes).toContainEqual({ path: "handlerId", label: "经办人", before: "王登记", after: "李负责", changed: true });

    const stranger = await office("别的局");
    await expect(findCaseAuditLog({ actor: stranger.clerk, applicationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the administrators' audit page", () => {
  let scene: Awaited<ReturnType<typeof office>>;
  let otherOffice: Awaited<ReturnType<typeof office>>;
  beforeAll(async () => {
    scene = await office("审计页面局");
    otherOffice = await office("审计页面别局");
    for (let index = 0; index < 3; index += 1) await registerApplication({ actor: scene.clerk, input: application("2026-11-02"), today: TODAY });
    await registerApplication({ actor: otherOffice.clerk, input: application("2026-11-02"), today: TODAY });
    await changeUserRole({ actor: scene.admin, input: { userId: scene.clerk.userId, role: "MANAGER" } });
  });

  const query = (search: string) => parseAuditLogQuery(new URLSearchParams(search));

  it("filters by user, action and dates, within the organization, for administrators only", async () => {
    const today = todayInShanghai();
    const byClerk = await findAuditLog({ actor: scene.admin, query: query(`user=${scene.clerk.userId}`) });
    expect(byClerk.total).toBe(3);
    expect(byClerk.entries.every((entry) => entry.actorLabel === "王登记" && entry.actionLabel === "登记申请")).toBe(true);

    const roles = await findAuditLog({ actor: scene.admin, query: query("action=user.*") });
    expect(roles.entries.map((entry) => entry.actionLabel)).toContain("更改角色");
    expect(roles.entries.find((entry) => entry.action === "user.change_role")!.changes).toContainEqual({ path: "role", label: "角色", before: "登记员", after: "负责人", changed: true });

    const inRange = await findAuditLog({ actor: scene.admin, query: query(`action=application.register&from=${today}&to=${today}`) });
    expect(inRange.total).toBe(3);
    const tomorrow = addCalendarDays(today, 1);
    expect((await findAuditLog({ actor: scene.admin, query: query(`from=${tomorrow}&to=2099-12-31`) })).total).toBe(0);

    const everything = await findAuditLog({ actor: scene.admin, query: query("") });
    expect(everything.entries.some((entry) => entry.actorLabel === "王登记" && entry.caseNumber)).toBe(true);
    const otherCaseNumbers = (await db.application.findMany({ where: { organizationId: otherOffice.organization.id }, select: { id: true } })).map((row) => row.id);
    expect(everything.entries.some((entry) => entry.applicationId && otherCaseNumbers.includes(entry.applicationId))).toBe(false);

    await expect(findAuditLog({ actor: scene.manager, query: query("") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const options = await findAuditFilterOptions({ actor: scene.admin });
    expect(options.actions.map((option) => option.value)).toEqual(expect.arrayContaining(["application.*", "application.register", "user.*", "user.change_role"]));
    expect(options.users.map((option) => option.label)).toEqual(expect.arrayContaining(["王登记（" + (await db.user.findUniqueOrThrow({ where: { id: scene.clerk.userId } })).username + "）"]));
  });

  it("exports what the filters select to CSV and XLSX", async () => {
    const entries = await findAuditLogForExport({ actor: scene.admin, query: query("action=user.change_role") });
    expect(entries).toHaveLength(1);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(auditLogToCsv(entries));
    expect(csv.startsWith("\uFEFF时间,操作人,操作,对象,案件编号,修改内容,理由\r\n")).toBe(true);
    expect(csv).toContain("张管理,更改角色,用户 ");
    expect(csv).toContain("角色：登记员 → 负责人");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await auditLogToXlsx(entries)).buffer);
    const sheet = workbook.getWorksheet("操作记录")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "时间", "操作人", "操作", "对象", "案件编号", "修改内容", "理由"]);
    expect(sheet.getRow(2).getCell(3).value).toBe("更改角色");
    expect(String(sheet.getRow(2).getCell(6).value)).toContain("角色：登记员 → 负责人");
  });
});

describe("latest entry of an entity, for other code", () => {
  it("names who made the last change", async () => {
    const { clerk, admin } = await office("最近操作局");
    await changeUserRole({ actor: admin, input: { userId: clerk.userId, role: "MANAGER" } });
    await changeUserRole({ actor: admin, input: { userId: clerk.userId, role: "CLERK" } });
    const latest = await findLatestAuditEntry({ entityType: "User", entityId: clerk.userId, actions: ["user.change_role"] });
    expect(latest).toMatchObject({ actorName: "张管理", before: { role: "MANAGER" }, after: { role: "CLERK" } });
    expect(await findLatestAuditEntry({ entityType: "User", entityId: "nobody" })).toBeNull();
  });
});

