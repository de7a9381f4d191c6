// Importing the ledger (interfaces.md §1) against the real database: the sample imports whole, with its
// events, derived columns and proceedings; an export imports into another organization and exports
// again byte for byte; a file with any problem writes nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { isoDateFromDb } from "@/lib/calendar/dates";
import { getApplication } from "@/lib/cases/case-detail";
import { ledgerToCsv } from "@/lib/cases/export";
import { LEDGER_COLUMNS } from "@/lib/cases/ledger";
import { formatLedgerIssue, parseLedgerFile } from "@/lib/cases/ledger-import";
import { importLedger, importLedgerForActor, type LedgerImportResult } from "@/lib/cases/ledger-import-store";
import { DEFAULT_CASE_LIST_QUERY } from "@/lib/cases/list-schemas";
import { registerApplication } from "@/lib/cases/mutations";
import { findApplicationsForExport } from "@/lib/cases/queries";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-06-30";
const SAMPLE_NAME = "ledger-sample.csv";
const SAMPLE = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, "fixtures", SAMPLE_NAME)));

async function newOrganization(name: string) {
  const organization = await createTestOrganization(name);
  const manager = actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER" }));
  return { organization, manager };
}

function expectImported(result: LedgerImportResult): Extract<LedgerImportResult, { ok: true }> {
  if (!result.ok) throw new Error(`导入失败：\n${result.errors.map(formatLedgerIssue).join("\n")}`);
  return result;
}

async function exportCsv(actor: Actor): Promise<Uint8Array> {
  const rows = await findApplicationsForExport({ actor, query: { ...DEFAULT_CASE_LIST_QUERY, sort: { id: "caseNumber", desc: false } } });
  return ledgerToCsv(rows);
}

async function countsOf(organizationId: string) {
  const [applications, events, proceedings, counters, audits] = await Promise.all([
    db.application.count({ where: { organizationId } }),
    db.caseEvent.count({ where: { organizationId } }),
    db.proceeding.count({ where: { organizationId } }),
    db.caseNumberCounter.count({ where: { organizationId } }),
    db.auditEvent.count({ where: { organizationId, action: "ledger.import" } }),
  ]);
  return { applications, events, proceedings, counters, audits };
}

async function caseByNumber(organizationId: string, caseNumber: string) {
  return db.application.findUniqueOrThrow({
    where: { organizationId_caseNumber: { organizationId, caseNumber } },
    include: { events: { orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }, { id: "asc" }] }, proceedings: { orderBy: { filedOn: "asc" } } },
  });
}

const iso = (date: Date | null) => (date ? isoDateFromDb(date) : null);

describe("importLedger: the sample ledger", () => {
  let organizationId: string;
  let manager: Actor;
  let result: Extract<LedgerImportResult, { ok: true }>;

  beforeAll(async () => {
    const created = await newOrganization("台账导入司法局");
    organizationId = created.organization.id;
    manager = created.manager;
    result = expectImported(await importLedger({ organizationCode: created.organization.code, file: { name: SAMPLE_NAME, bytes: SAMPLE }, today: TODAY }));
  });

  it("imports all 80 cases with their events and proceedings, and reports the histories the clock does not admit", async () => {
    expect(result.importedCount).toBe(80);
    expect(result.warnings.map((warning) => [warning.row, warning.column])).toEqual([
      [7, "收费通知日期"],
      [13, "延期告知日期"],
      [19, "办理结果"],
      [31, "办理结果"],
      [77, "办理结果"],
    ]);
    // Every filled clock date and closing is one event; every 复议 and 起诉 date one proceeding.
    const parsed = await parseLedgerFile(SAMPLE_NAME, SAMPLE);
    const filledCount = (columns: readonly string[]) =>
      parsed.rows.reduce((sum, row) => sum + columns.filter((column) => row.cells[column as keyof typeof row.cells]).length, 0);
    const expectedEvents = filledCount(["补正告知日期", "补正收到日期", "征求意见日期", "征求意见答复日期", "延期告知日期", "收费通知日期", "缴费日期", "办结日期"]);
    const counts = await countsOf(organizationId);
    expect(counts).toEqual({
      applications: 80,
      events: expectedEvents,
      proceedings: filledCount(["复议申请日期", "起诉日期"]),
      counters: 2,
      audits: 1,
    });
    expect(await db.application.count({ where: { organizationId, status: "OPEN" } })).toBe(parsed.rows.filter((row) => !row.cells.办结日期).length);
  });

  it("derives the columns of a case from its replayed events", async () => {
    const consulted = await caseByNumber(organizationId, "GK-2023-000048");
    expect(consulted).toMatchObject({
      caseYear: 2023,
      caseSequence: 48,
      channel: "OTHER",
      applicantType: "LEGAL_SERVICE_ORG",
      status: "CLOSED",
      clockPhase: "CLOSED",
      outcome: "GRANTED",
      registeredById: null,
      handlerId: null,
    });
    expect(iso(consulted.closedOn)).toBe("2023-07-19");
    expect(iso(consulted.correctionReceivedOn)).toBe("2023-07-03");
    expect(iso(consulted.consultationAnsweredOn)).toBe("2023-07-19");
    expect(consulted.events.map((event) => event.type)).toEqual([
      "CORRECTION_REQUESTED",
      "CORRECTION_RECEIVED",
      "CONSULTATION_SENT",
      "CONSULTATION_ANSWERED",
      "DECISION_SERVED",
    ]);
    expect(consulted.events.every((event) => event.recordedById === null && event.supersededAt === null)).toBe(true);
    expect(consulted.proceedings).toMatchObject([{ kind: "RECONSIDERATION", result: "UPHELD" }]);
    // The case page reads the stored events back through the case log's schema and replays them.
    const detail = await getApplication({ actor: manager, applicationId: consulted.id, today: TODAY });
    expect(detail.projection).toMatchObject({ status: "CLOSED", closedOn: "2023-07-19", outcome: "GRANTED" });
    expect(detail.events.map((event) => event.details)).toContainEqual({ windowExpired: false });

    // Open, 补正 answered, extended by 15 working days: 2023-02-20 + 35 working days (清明 5 April off).
    const extended = await caseByNumber(organizationId, "GK-2023-000052");
    expect(extended).toMatchObject({ status: "OPEN", clockPhase: "RUNNING", extensionWorkdays: 15 });
    expect(iso(extended.dueOn)).toBe("2023-04-11");

    const paid = await caseByNumber(organizationId, "GK-2023-000037");
    expect(paid.feeMethod).toBe("PER_APPLICATION");
    expect(paid.feeAmount?.toFixed(2)).toBe("450.50");
    expect(paid.feePaidAmount?.toFixed(2)).toBe("450.50");
    expect(iso(paid.feePaidOn)).toBe("2024-01-23");
  });

  it("keeps what the ledger records of a history the clock does not admit", async () => {
    // Row 13: an extension while waiting for 补正; the case stays open, waiting for the supplement.
    const waiting = await caseByNumber(organizationId, "GK-2024-000012");
    expect(waiting).toMatchObject({ status: "OPEN", clockPhase: "AWAITING_CORRECTION", extensionWorkdays: 10, dueOn: null });
    expect(iso(waiting.extensionNotifiedOn)).toBe("2025-01-01");
    expect(waiting.events.map((event) => event.type)).toEqual(["CORRECTION_REQUESTED", "EXTENSION"]);

    // Row 77: closed as 逾期未缴费 before the payment period ended.
    const unpaid = await caseByNumber(organizationId, "GK-2023-000076");
    expect(unpaid).toMatchObject({ status: "CLOSED", clockPhase: "CLOSED", outcome: "OTHER_FEE_UNPAID", feeMethod: "PER_VOLUME" });
    expect(iso(unpaid.closedOn)).toBe("2023-02-01");
  });

  it("links a lawsuit after reconsideration to the case's reconsideration", async () => {
    const appealed = await caseByNumber(organizationId, "GK-2023-000014");
    const [reconsideration, litigation] = appealed.proceedings;
    expect(reconsideration).toMatchObject({ kind: "RECONSIDERATION", result: "OTHER", route: null });
    expect(iso(reconsideration!.decidedOn)).toBe("2023-12-03");
    expect(litigation).toMatchObject({ kind: "LITIGATION", route: "AFTER_RECONSIDERATION", reconsiderationId: reconsideration!.id, result: null });

    const direct = await caseByNumber(organizationId, "GK-2024-000035");
    expect(direct.proceedings).toMatchObject([{ kind: "LITIGATION", route: "DIRECT", reconsiderationId: null }]);
    expect(iso(direct.proceedings[0]!.filedOn)).toBe("2025-05-01");
  });

  it("moves the case number counters past the imported numbers and records one audit event", async () => {
    const counters = await db.caseNumberCounter.findMany({ where: { organizationId }, orderBy: { year: "asc" } });
    expect(counters.map((counter) => [counter.year, counter.lastSequence])).toEqual([
      [2023, 80],
      [2024, 79],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId, action: "ledger.import" } });
    expect(audit).toMatchObject({ actorId: null, entityType: "Organization", entityId: organizationId, reason: "由运维人员通过命令行导入" });
    expect(audit.after).toEqual({ fileName: SAMPLE_NAME, rowCount: 80, warningCount: 5 });

    const registered = await registerApplication({
      actor: manager,
      input: { applicantType: "NATURAL_PERSON", applicantName: "新申请人", channel: "ONLINE", receivedOn: "2024-12-30", requestContent: "请公开导入后的第一件申请" },
      today: TODAY,
    });
    expect(registered.caseNumber).toBe("GK-2024-000080");
  });

  it("refuses the same file again: every number already exists, and nothing is written", async () => {
    const before = await countsOf(organizationId);
    const again = await importLedger({ organizationCode: manager.organizationCode, file: { name: SAMPLE_NAME, bytes: SAMPLE }, today: TODAY });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.errors).toHaveLength(80);
    expect(formatLedgerIssue(again.errors[0]!)).toBe("第 2 行［申请编号］申请编号“GK-2023-000001”在本机构已存在");
    expect(await countsOf(organizationId)).toEqual(before);
  });
});

describe("export → import → export", () => {
  it("gives byte-identical CSV from a second organization, holding every cell of the sample", async () => {
    const first = await newOrganization("往返甲局");
    expectImported(await importLedger({ organizationCode: first.organization.code, file: { name: SAMPLE_NAME, bytes: SAMPLE }, today: TODAY }));
    const exported = await exportCsv(first.manager);

    const second = await newOrganization("往返乙局");
    const reimported = expectImported(await importLedger({ organizationCode: second.organization.code, file: { name: "export.csv", bytes: exported }, today: TODAY }));
    expect(reimported.importedCount).toBe(80);
    const exportedAgain = await exportCsv(second.manager);
    expect(Buffer.from(exportedAgain).equals(Buffer.from(exported))).toBe(true);

    // The export holds exactly the sample's cells (it differs only in BOM, line ends and row order).
    const cellsByNumber = async (bytes: Uint8Array, name: string) =>
      new Map((await parseLedgerFile(name, bytes)).rows.map((row) => [row.cells.申请编号, row.cells]));
    const sampleCells = await cellsByNumber(SAMPLE, SAMPLE_NAME);
    const exportedCells = await cellsByNumber(exported, "export.csv");
    expect(exportedCells.size).toBe(80);
    for (const [caseNumber, cells] of sampleCells) expect(exportedCells.get(caseNumber)).toEqual(cells);
    expect(Object.keys(exportedCells.values().next().value ?? {})).toEqual([...LEDGER_COLUMNS]);
  });
});

describe("a file with problems", () => {
  it("writes nothing and names every bad row and column", async () => {
    const { organization, manager } = await newOrganization("出错局");
    const sampleText = new TextDecoder().decode(SAMPLE);
    const lines = sampleText.trimEnd().split("\n");
    // Row 3: a bad date; row 5: an unknown outcome; row 6: row 2's number again.
    lines[2] = lines[2]!.replace("2023-01-03", "2023-13-03");
    lines[4] = lines[4]!.replace("属于三类内部事务信息", "保密");
    lines[5] = lines[5]!.replace("GK-2024-000005", "GK-2023-000001");
    const malformed = new TextEncoder().encode(`${lines.join("\n")}\n`);
    const before = await countsOf(organization.id);

    const result = await importLedgerForActor({ actor: manager, file: { name: "台账.csv", bytes: malformed }, today: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatLedgerIssue)).toEqual([
      "第 3 行［收到申请日期］“2023-13-03”不是有效日期，应为 YYYY-MM-DD（如 2024-03-18）",
      "第 5 行［办理结果］“保密”不是 2021 年报表三的办理结果；请填写表中的文字（如“予以公开”“本机关不掌握相关政府信息”）或其代码（如 granted）",
      "第 6 行［申请编号］申请编号“GK-2023-000001”与第 2 行重复",
    ]);
    expect(await countsOf(organization.id)).toEqual(before);

    const withoutColumn = new TextEncoder().encode(sampleText.replace("申请人类型,", "类型,"));
    const missing = await importLedgerForActor({ actor: manager, file: { name: "台账.csv", bytes: withoutColumn }, today: TODAY });
    expect(missing.ok ? [] : missing.errors.map(formatLedgerIssue)).toEqual(["第 1 行［申请人类型］缺少必填列“申请人类型”"]);
    expect(await countsOf(organization.id)).toEqual(before);
  });
});

describe("importLedgerForActor", () => {
  it("lets managers and administrators import into their own organization, and audits the actor", async () => {
    const { organization, manager } = await newOrganization("权限局");
    const clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
    await expect(importLedgerForActor({ actor: clerk, file: { name: SAMPLE_NAME, bytes: SAMPLE }, today: TODAY })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await countsOf(organization.id)).applications).toBe(0);

    expectImported(await importLedgerForActor({ actor: manager, file: { name: SAMPLE_NAME, bytes: SAMPLE }, today: TODAY }));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: organization.id, action: "ledger.import" } });
    expect(audit).toMatchObject({ actorId: manager.userId, reason: null });
  });

  it("refuses an unknown organization code", async () => {
    await expect(importLedger({ organizationCode: "no-such-org", file: { name: SAMPLE_NAME, bytes: SAMPLE }, today: TODAY })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "机构 no-such-org 不存在",
    });
  });
});

describe("importLedger: rows the contract allows that the import used to refuse", () => {
  it("stores them, reads their events back on the case page, and counts the fee notices in section 六", async () => {
    const { organization, manager } = await newOrganization("放宽局");
    const header = "申请编号,收到申请日期,申请方式,申请人类型,申请人,证件号码,联系方式,申请内容,征求意见日期,征求意见答复日期,收费方式,收费通知日期,收费金额,缴费日期,办结日期,办理结果";
    const csv = [
      header,
      "W-1,2024-03-01,网络,自然人,甲,身份证 110101199003077774,电话 0452-1234567 或 13800000000,略,2024-03-05,2024-03-20,,,,,2024-03-15,予以公开",
      "W-2,2024-03-01,网络,自然人,乙,,,申请公开统计,,,按件,2024-03-05,,2024-03-08,,",
      "W-3,2024-03-01,网络,商业企业,丙公司,,,申请公开统计,,,,2024-03-05,300.00,2024-03-07,,",
    ].join("\r\n");
    const result = expectImported(
      await importLedgerForActor({ actor: manager, file: { name: "台账.csv", bytes: new TextEncoder().encode(csv) }, today: TODAY }),
    );
    expect(result.importedCount).toBe(3);
    expect(result.warnings.map((warning) => [warning.row, warning.column])).toEqual([
      [2, "征求意见答复日期"],
      [3, "收费通知日期"],
      [4, "收费通知日期"],
    ]);

    const first = await caseByNumber(organization.id, "W-1");
    expect(first).toMatchObject({ applicantIdNumber: "身份证 110101199003077774", requestContent: "略", status: "CLOSED" });
    expect(iso(first.consultationAnsweredOn)).toBe("2024-03-20");
    for (const caseNumber of ["W-1", "W-2", "W-3"]) {
      const stored = await caseByNumber(organization.id, caseNumber);
      // The case page replays the stored events through the case log's schema.
      const detail = await getApplication({ actor: manager, applicationId: stored.id, today: TODAY });
      expect(detail.events.length).toBe(stored.events.length);
    }
    const second = await caseByNumber(organization.id, "W-2");
    expect(second).toMatchObject({ feeMethod: "PER_APPLICATION", feeAmount: null, feePaidAmount: null });

    const { computeReport } = await import("@/lib/reports/queries");
    const report = await computeReport({ actor: manager, year: 2024 });
    expect(report.fees).toEqual({ notices: 2, amount_noticed: "300.00", amount_collected: "300.00" });
  });
});
