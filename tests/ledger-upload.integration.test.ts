// The ledger in the app: the check lists every problem and writes nothing, the upload imports all and
// remembers which cases for its result page; the XLSX export is typed (dates, numbers, six reading
// columns) and still imports back without loss.
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { ledgerToCsv, ledgerToXlsx, LEDGER_EXTRA_COLUMNS } from "@/lib/cases/export";
import { LEDGER_COLUMNS } from "@/lib/cases/ledger";
import { findLedgerExportExtras } from "@/lib/cases/ledger-extras";
import { checkLedgerForActor, importLedger } from "@/lib/cases/ledger-import-store";
import { getLedgerUpload, uploadLedger } from "@/lib/cases/ledger-upload";
import { DEFAULT_CASE_LIST_QUERY } from "@/lib/cases/list-schemas";
import { findApplicationsForExport } from "@/lib/cases/queries";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-06-30";
const SAMPLE = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, "fixtures", "ledger-sample.csv")));
const BY_NUMBER = { ...DEFAULT_CASE_LIST_QUERY, sort: { id: "caseNumber", desc: false } } as const;

async function managerOfNewOrganization(name: string): Promise<Actor> {
  const organization = await createTestOrganization(name);
  return actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER" }));
}

describe("uploading a ledger", () => {
  let manager: Actor;

  beforeAll(async () => {
    manager = await managerOfNewOrganization("上传司法局");
  });

  it("checks a malformed file, lists every problem by row and column, and writes nothing", async () => {
    const lines = new TextDecoder().decode(SAMPLE).trimEnd().split("\n");
    lines[2] = lines[2]!.replace("2023-01-03", "2023-02-30");
    lines[4] = lines[4]!.replace("属于三类内部事务信息", "保密");
    const malformed = { name: "台账.csv", bytes: new TextEncoder().encode(`${lines.join("\n")}\n`) };
    const checked = await checkLedgerForActor({ actor: manager, file: malformed, today: TODAY });
    expect(checked.errors.map((issue) => [issue.row, issue.column])).toEqual([
      [3, "收到申请日期"],
      [5, "办理结果"],
    ]);
    const failed = await uploadLedger({ actor: manager, file: malformed, today: TODAY });
    expect(failed.ok).toBe(false);
    expect(await db.application.count({ where: { organizationId: manager.organizationId } })).toBe(0);
    expect(await db.ledgerUpload.count({ where: { organizationId: manager.organizationId } })).toBe(0);
  });

  it("imports the corrected file whole and lists its cases on the result page", async () => {
    const file = { name: "ledger-sample.csv", bytes: SAMPLE };
    const checked = await checkLedgerForActor({ actor: manager, file, today: TODAY });
    expect(checked.errors).toEqual([]);
    expect(checked.caseNumbers).toHaveLength(80);
    const uploaded = await uploadLedger({ actor: manager, file, today: TODAY });
    if (!uploaded.ok) throw new Error("导入失败");
    expect(uploaded.importedCount).toBe(80);
    const result = await getLedgerUpload({ actor: manager, uploadId: uploaded.uploadId, page: 1 });
    expect(result.importedCount).toBe(80);
    expect(result.cases).toHaveLength(80);
    expect(result.cases[0]).toMatchObject({ caseNumber: "GK-2023-000001" });
    expect(result.warnings).toHaveLength(checked.warnings.length);
    // Another organization cannot open it; a clerk cannot upload.
    const outsider = await managerOfNewOrganization("别局");
    await expect(getLedgerUpload({ actor: outsider, uploadId: uploaded.uploadId, page: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const clerk = actorFor(await createTestUser({ organizationId: manager.organizationId, role: "CLERK" }));
    await expect(checkLedgerForActor({ actor: clerk, file, today: TODAY })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the XLSX ledger", () => {
  it("writes dates as dates and amounts as numbers, adds the reading columns, and imports back without loss", async () => {
    const first = await managerOfNewOrganization("表格甲局");
    expect((await importLedger({ organizationCode: first.organizationCode, file: { name: "ledger-sample.csv", bytes: SAMPLE }, today: TODAY })).ok).toBe(true);
    const rows = await findApplicationsForExport({ actor: first, query: BY_NUMBER });
    const xlsx = await ledgerToXlsx(rows, await findLedgerExportExtras({ actor: first, caseNumbers: rows.map((row) => row.申请编号) }));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.buffer);
    const sheet = workbook.worksheets[0]!;
    const header = LEDGER_COLUMNS.map((_, index) => sheet.getRow(1).getCell(index + 1).value);
    expect(header).toEqual([...LEDGER_COLUMNS]);
    const extraHeader = LEDGER_EXTRA_COLUMNS.map((_, index) => sheet.getRow(1).getCell(LEDGER_COLUMNS.length + index + 1).value);
    expect(extraHeader).toEqual([...LEDGER_EXTRA_COLUMNS]);
    const column = (name: string) => LEDGER_COLUMNS.indexOf(name as (typeof LEDGER_COLUMNS)[number]) + 1;
    const paid = rows.findIndex((row) => row.申请编号 === "GK-2023-000037") + 2;
    expect(sheet.getRow(paid).getCell(column("收到申请日期")).value).toBeInstanceOf(Date);
    expect(sheet.getRow(paid).getCell(column("收费金额")).value).toBe(450.5);
    // The reading columns: 状态 and 缴费金额 (a number) of the paid case.
    expect(sheet.getRow(paid).getCell(LEDGER_COLUMNS.length + 2).value).toBe("已办结");
    expect(sheet.getRow(paid).getCell(LEDGER_COLUMNS.length + 5).value).toBe(450.5);
    // Excel's SUM of the amounts is their total, not 0.
    const amounts = rows.map((_, index) => sheet.getRow(index + 2).getCell(column("收费金额")).value).filter((value) => value !== null && value !== undefined);
    expect(amounts.every((value) => typeof value === "number")).toBe(true);

    const second = await managerOfNewOrganization("表格乙局");
    const reimported = await importLedger({ organizationCode: second.organizationCode, file: { name: "export.xlsx", bytes: xlsx }, today: TODAY });
    expect(reimported.ok).toBe(true);
    const again = await findApplicationsForExport({ actor: second, query: BY_NUMBER });
    expect(Buffer.from(ledgerToCsv(again)).equals(Buffer.from(ledgerToCsv(rows)))).toBe(true);
  });

  it("reads the reading columns of every case as its record holds them: handler, agent, current service, amount paid", async () => {
    const manager = await managerOfNewOrganization("表格丙局");
    expect((await importLedger({ organizationCode: manager.organizationCode, file: { name: "ledger-sample.csv", bytes: SAMPLE }, today: TODAY })).ok).toBe(true);
    const rows = await findApplicationsForExport({ actor: manager, query: BY_NUMBER });
    const [first, second] = await db.application.findMany({ where: { organizationId: manager.organizationId, status: "CLOSED" }, orderBy: { caseNumber: "asc" }, take: 2 });
    await db.application.update({ where: { id: first!.id }, data: { handlerId: manager.userId, agentName: "代理人甲" } });
    // A superseded 答复办结 with another method, recorded later: the current one counts.
    const served = await db.caseEvent.findFirst({ where: { applicationId: second!.id, type: "DECISION_SERVED", supersededAt: null } });
    const base = { organizationId: manager.organizationId, applicationId: second!.id, type: "DECISION_SERVED" as const, occurredOn: second!.closedOn! };
    if (served) await db.caseEvent.update({ where: { id: served.id }, data: { details: { ...(served.details as object), serviceMethod: "邮寄" } } });
    else await db.caseEvent.create({ data: { ...base, details: { serviceMethod: "邮寄" } } });
    await db.caseEvent.create({ data: { ...base, details: { serviceMethod: "当面" }, supersededAt: new Date() } });

    const extras = await findLedgerExportExtras({ actor: manager, caseNumbers: rows.map((row) => row.申请编号) });
    expect(extras.size).toBe(rows.length);
    expect(extras.get(first!.caseNumber)).toMatchObject({ 经办人: manager.displayName, 代理人: "代理人甲", 状态: "已办结", 截止日期: null });
    expect(extras.get(second!.caseNumber)?.送达方式).toBe("邮寄");
    // Every case against its record read through Prisma.
    const records = await db.application.findMany({
      where: { organizationId: manager.organizationId },
      select: { caseNumber: true, dueOn: true, clockPhase: true, feePaidAmount: true },
    });
    for (const record of records) {
      expect(extras.get(record.caseNumber)).toMatchObject({
        截止日期: record.dueOn && record.clockPhase !== "CLOSED" ? record.dueOn.toISOString().slice(0, 10) : null,
        缴费金额: record.feePaidAmount?.toFixed(2) ?? null,
      });
    }
    expect([...extras.values()].some((row) => row.缴费金额 !== null && row.截止日期 === null)).toBe(true);
    expect([...extras.values()].some((row) => row.截止日期 !== null)).toBe(true);
    // Another organization's numbers find nothing.
    const other = await managerOfNewOrganization("表格丁局");
    expect((await findLedgerExportExtras({ actor: other, caseNumbers: rows.map((row) => row.申请编号) })).size).toBe(0);
  });
});

