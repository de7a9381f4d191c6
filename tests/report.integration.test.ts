// The report's SQL (lib/reports/queries.ts) against its TypeScript model (lib/reports/model.ts) on
// random case logs: every figure of tables 三 and 四 and the fees, for several years, both formats and
// both appealsBasis settings, with every check of rules.md §6 passing; the drill-down and the cell lists
// read through Node hold exactly the model's ids for each cell, and so do the lists PostgreSQL builds
// into a publication's snapshot and compares for the report page's differences; the published-report
// check; organization scoping.
import { Prisma, type AppealsBasis, type ApplicantType, type LitigationRoute, type Outcome, type ProceedingKind, type ProceedingResult } from "@prisma/client";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { addCalendarDays, type IsoDate } from "@/lib/calendar/workdays";
import { OUTCOMES } from "@/lib/cases/labels";
import { runReportChecks } from "@/lib/reports/checks";
import { REPORT_FORMATS, reportCellIds, rowCounts, type ReportCells, type ReportFormat, type ReportJson } from "@/lib/reports/definitions";
import { fenToYuan } from "@/lib/reports/definitions";
import { computeReportModel, type ReportCaseRecord, type ReportProceedingRecord } from "@/lib/reports/model";
import { balanceContradictions, differencesBetween, getReportWorkspace, publishReport, readPublishedVersion, readingContradictions } from "@/lib/reports/publication";
import {
  computeReport,
  computeReportForOrganization,
  findReportCellCases,
  readConsistently,
  readReport,
  reportCellListsObject,
  reportCellListsWith,
  reportToJson,
} from "@/lib/reports/queries";
import { GET as getReportRoute } from "@/app/api/v1/orgs/[code]/reports/[year]/route";
import { actorFor, createTestOrganization, createTestUser, uniqueSuffix } from "./factories";

/** The signed-in actor the API route sees (the session cookie is not under test here). */
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const APPLICANT_TYPES: ApplicantType[] = ["NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", "RESEARCH_INSTITUTION", "SOCIAL_WELFARE_ORG", "LEGAL_SERVICE_ORG", "OTHER_ORG"];
const APPEALS_BASES: AppealsBasis[] = ["FILED_IN_YEAR", "ACTIVE_IN_YEAR"];
const REPORT_YEARS = [2022, 2023, 2024, 2025, 2026];
const date = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);

// ---------------------------------------------------------------------------------------------
// Random case logs

/**
 * A date after another one: some days later, or one of the next year-end boundaries (30/31 Dec,
 * 1/2 Jan), where an off-by-one in the SQL would show.
 */
type LaterDate = { days: number } | { boundary: number };

const YEAR_BOUNDARIES: IsoDate[] = [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028].flatMap((year) => [
  `${year}-12-30`,
  `${year}-12-31`,
  `${year + 1}-01-01`,
  `${year + 1}-01-02`,
]);

function resolveLaterDate(base: IsoDate, later: LaterDate): IsoDate {
  if ("days" in later) return addCalendarDays(base, later.days);
  const upcoming = YEAR_BOUNDARIES.filter((boundary) => boundary >= base);
  return upcoming[Math.min(later.boundary, upcoming.length - 1)] ?? base;
}

function laterDateArbitrary(maxDays: number): fc.Arbitrary<LaterDate> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ days: fc.integer({ min: 0, max: maxDays }) }) },
    { weight: 1, arbitrary: fc.record({ days: fc.integer({ min: 0, max: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ boundary: fc.integer({ min: 0, max: 7 }) }) },
  );
}

interface GeneratedProceeding {
  kind: ProceedingKind;
  route: LitigationRoute;
  onlyCoDefendantAsReviewOrgan: boolean;
  filed: LaterDate;
  decision: { result: ProceedingResult | null; decided: LaterDate | null } | null;
}

interface GeneratedCase {
  applicantType: ApplicantType;
  received: LaterDate;
  /** null: still open. */
  closed: LaterDate | null;
  outcome: Outcome;
  fee: { notice: LaterDate; amountFen: number; paid: LaterDate | null } | null;
  proceedings: GeneratedProceeding[];
}

/** Receipt dates run from 2022-01-01 over four years (boundaries included). */
const RECEIPT_DAYS = 1460;

const proceedingArbitrary: fc.Arbitrary<GeneratedProceeding> = fc.record({
  kind: fc.constantFrom<ProceedingKind>("RECONSIDERATION", "LITIGATION"),
  route: fc.constantFrom<LitigationRoute>("DIRECT", "AFTER_RECONSIDERATION"),
  onlyCoDefendantAsReviewOrgan: fc.boolean().chain((flag) => (flag ? fc.boolean() : fc.constant(false))),
  filed: laterDateArbitrary(600),
  decision: fc.option(
    fc.record({
      // Mostly complete decisions; sometimes a result without its date or a date without a result.
      result: fc.option(fc.constantFrom<ProceedingResult>("UPHELD", "CORRECTED", "OTHER"), { nil: null, freq: 8 }),
      decided: fc.option(laterDateArbitrary(500), { nil: null, freq: 8 }),
    }),
    { nil: null, freq: 3 },
  ),
});

const caseArbitrary: fc.Arbitrary<GeneratedCase> = fc.record({
  applicantType: fc.constantFrom(...APPLICANT_TYPES),
  received: laterDateArbitrary(RECEIPT_DAYS - 1).filter((later) => !("boundary" in later) || later.boundary < 5),
  closed: fc.option(fc.oneof(laterDateArbitrary(60), laterDateArbitrary(800)), { nil: null, freq: 4 }),
  outcome: fc.constantFrom(...OUTCOMES),
  fee: fc.option(
    fc.record({
      notice: laterDateArbitrary(40),
      amountFen: fc.integer({ min: 0, max: 500_000 }),
      paid: fc.option(laterDateArbitrary(40), { nil: null }),
    }),
    { nil: null, freq: 4 },
  ),
  proceedings: fc.oneof(
    { weight: 4, arbitrary: fc.constant<GeneratedProceeding[]>([]) },
    { weight: 1, arbitrary: fc.array(proceedingArbitrary, { minLength: 1, maxLength: 3 }) },
  ),
});

const caseLogArbitrary = fc.array(caseArbitrary, { minLength: 40, maxLength: 80 });

interface InsertedLog {
  organizationId: string;
  organizationCode: string;
  actor: Actor;
  cases: ReportCaseRecord[];
  proceedings: ReportProceedingRecord[];
}

/** A fresh organization holding the generated cases, written directly with their derived columns. */
async function insertCaseLog(generated: readonly GeneratedCase[]): Promise<InsertedLog> {
  const organization = await createTestOrganization("报表测试司法局");
  const actor = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
  const prefix = `rpt-${uniqueSuffix()}`;
  const cases: ReportCaseRecord[] = [];
  const proceedings: ReportProceedingRecord[] = [];
  generated.forEach((entry, index) => {
    const id = `${prefix}-case-${index}`;
    const receivedOn = resolveLaterDate("2022-01-01", entry.received);
    const closedOn = entry.closed === null ? null : resolveLaterDate(receivedOn, entry.closed);
    const feeNoticeOn = entry.fee ? resolveLaterDate(receivedOn, entry.fee.notice) : null;
    const feeAmount = entry.fee ? fenToYuan(BigInt(entry.fee.amountFen)) : null;
    const feePaidOn = entry.fee && feeNoticeOn && entry.fee.paid !== null ? resolveLaterDate(feeNoticeOn, entry.fee.paid) : null;
    cases.push({
      id,
      applicantType: entry.applicantType,
      receivedOn,
      closedOn,
      outcome: closedOn ? entry.outcome : null,
      feeNoticeOn,
      feeAmount,
      feePaidOn,
      feePaidAmount: feePaidOn ? feeAmount : null,
    });
    entry.proceedings.forEach((generatedProceeding, proceedingIndex) => {
      const filedOn = resolveLaterDate(closedOn ?? receivedOn, generatedProceeding.filed);
      const decision = generatedProceeding.decision;
      proceedings.push({
        id: `${id}-proceeding-${proceedingIndex}`,
        applicationId: id,
        kind: generatedProceeding.kind,
        route: generatedProceeding.kind === "LITIGATION" ? generatedProceeding.route : null,
        onlyCoDefendantAsReviewOrgan: generatedProceeding.kind === "LITIGATION" && generatedProceeding.onlyCoDefendantAsReviewOrgan,
        filedOn,
        result: decision?.result ?? null,
        decidedOn: decision?.decided ? resolveLaterDate(filedOn, decision.decided) : null,
      });
    });
  });

  await db.application.createMany({
    data: cases.map((record, index) => ({
      id: record.id,
      organizationId: organization.id,
      caseNumber: `GK-${record.receivedOn.slice(0, 4)}-${String(index + 1).padStart(6, "0")}`,
      caseYear: Number(record.receivedOn.slice(0, 4)),
      caseSequence: index + 1,
      receivedOn: date(record.receivedOn),
      channel: "ONLINE",
      applicantType: record.applicantType,
      applicantName: "测试申请人",
      requestContent: "申请公开测试信息",
      status: record.closedOn ? "CLOSED" : "OPEN",
      clockPhase: record.closedOn ? "CLOSED" : "RUNNING",
      closedOn: record.closedOn ? date(record.closedOn) : null,
      outcome: record.outcome,
      feeNoticeOn: record.feeNoticeOn ? date(record.feeNoticeOn) : null,
      feeAmount: record.feeAmount,
      feePaidOn: record.feePaidOn ? date(record.feePaidOn) : null,
      feePaidAmount: record.feePaidAmount,
    })),
  });
  await db.proceeding.createMany({
    data: proceedings.map((record) => ({
      id: record.id,
      organizationId: organization.id,
      applicationId: record.applicationId,
      kind: record.kind,
      route: record.route,
      onlyCoDefendantAsReviewOrgan: record.onlyCoDefendantAsReviewOrgan,
      filedOn: date(record.filedOn),
      result: record.result,
      decidedOn: record.decidedOn ? date(record.decidedOn) : null,
    })),
  });
  return { organizationId: organization.id, organizationCode: organization.code, actor, cases, proceedings };
}

/** What the report must be according to the model: figures of Y, checks against the model's Y−1. */
function expectedReport(log: InsertedLog, year: number, format: ReportFormat, appealsBasis: AppealsBasis): ReportJson {
  const input = { cases: log.cases, proceedings: log.proceedings, format, appealsBasis };
  const { figures } = computeReportModel({ ...input, year });
  const previous = computeReportModel({ ...input, year: year - 1 });
  const checks = runReportChecks({ figures, previousYearCarriedOut: rowCounts(previous.figures.applications, "carried_out") });
  return reportToJson({ org: log.organizationCode, ...figures, checks });
}

// ---------------------------------------------------------------------------------------------

describe("report SQL against the model", () => {
  it("agrees on random case logs for every year, format and appeals basis, with every check passing", async () => {
    await fc.assert(
      fc.asyncProperty(
        caseLogArbitrary,
        fc.constantFrom(2022, 2023, 2024, 2025),
        fc.constantFrom(...REPORT_FORMATS),
        async (generated, drillYear, drillFormat) => {
          const log = await insertCaseLog(generated);
          for (const appealsBasis of APPEALS_BASES) {
            await db.organization.update({ where: { id: log.organizationId }, data: { appealsBasis } });
            for (const year of REPORT_YEARS) {
              for (const format of REPORT_FORMATS) {
                const actual = await computeReportForOrganization({ organizationId: log.organizationId, year, format });
                expect(actual).toEqual(expectedReport(log, year, format, appealsBasis));
                expect(actual.checks.filter((check) => !check.ok)).toEqual([]);
                // Same key order as the contract (JSON text identical).
                expect(JSON.stringify(actual)).toBe(JSON.stringify(expectedReport(log, year, format, appealsBasis)));
              }
            }

            // Drill-down: every non-zero cell of one year lists exactly the model's ids; a few empty cells list none.
            const model = computeReportModel({ cases: log.cases, proceedings: log.proceedings, year: drillYear, format: drillFormat, appealsBasis });
            // The cell lists a publication freezes come from the same statements as the figures: the model's ids, cell by cell.
            const reading = await readConsistently((tx) =>
              readReport(tx, { organization: { id: log.organizationId, code: log.organizationCode, appealsBasis }, year: drillYear, format: drillFormat, withCells: true }),
            );
            expect(reading.cells).toEqual(model.cells);
            expect(reading.report).toEqual(expectedReport(log, drillYear, drillFormat, appealsBasis));
            const emptyCells = reportCellIds(drillFormat).filter((cell) => !model.cells[cell]).slice(0, 5);
            for (const cell of [...Object.keys(model.cells), ...emptyCells]) {
              const drilled = await findReportCellCases({ actor: log.actor, year: drillYear, format: drillFormat, cell });
              const expectedIds = model.cells[cell as keyof typeof model.cells] ?? [];
              expect({ cell, ids: drilled.cases.map((entry) => entry.countedId).sort() }).toEqual({ cell, ids: expectedIds });
            }
          }
        },
      ),
      // Each run writes a fresh organization and reads every year three ways: few runs, and shrinking a
      // failure stops after two and a half minutes (a busy machine needs that long for the 15 runs).
      { numRuns: 15, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: true },
    );
  }, 240_000);
});

describe("the cell lists PostgreSQL builds for a publication", () => {
  it("equal, cell by cell and list by list, the lists read through Node and the model's, and publishing stores exactly them", async () => {
    await fc.assert(
      fc.asyncProperty(caseLogArbitrary, fc.constantFrom(2023, 2024, 2025), async (generated, publishedYear) => {
        const log = await insertCaseLog(generated);
        const manager = actorFor(await createTestUser({ organizationId: log.organizationId, role: "MANAGER" }));
        let version = 0;
        for (const appealsBasis of APPEALS_BASES) {
          await db.organization.update({ where: { id: log.organizationId }, data: { appealsBasis } });
          const organization = { id: log.organizationId, code: log.organizationCode, appealsBasis };
          for (const year of REPORT_YEARS) {
            for (const format of REPORT_FORMATS) {
              const [built] = await db.$queryRaw<{ cells: ReportCells }[]>(Prisma.sql`
                ${reportCellListsWith({ organizationId: log.organizationId, year, format, appealsBasis })}
                SELECT ${reportCellListsObject} AS "cells"`);
              const throughNode = await readConsistently((tx) => readReport(tx, { organization, year, format, withCells: true }));
              const model = computeReportModel({ cases: log.cases, proceedings: log.proceedings, year, format, appealsBasis });
              // toStrictEqual on the lists: same cells, same ids in the same (sorted) order.
              expect(built?.cells).toStrictEqual(throughNode.cells);
              expect(built?.cells).toStrictEqual(model.cells);
            }
          }
          for (const format of REPORT_FORMATS) {
            const before = new Date();
            const published = await publishReport({ actor: manager, input: { year: publishedYear, format, reason: version > 0 ? "再次发布" : undefined } });
            version += 1;
            expect(published.version).toBe(version);
            const stored = await readPublishedVersion({ organizationId: log.organizationId, year: publishedYear, version });
            const current = await readConsistently((tx) => readReport(tx, { organization, year: publishedYear, format, withCells: true }));
            expect(stored.cells).toStrictEqual(current.cells);
            expect(stored.report).toStrictEqual(current.report);
            expect(readingContradictions(stored)).toEqual([]);
            expect(balanceContradictions(stored)).toEqual([]);
            // Its publishedAt on the clock Prisma writes every timestamp with (the audit entry's, same transaction).
            const snapshot = await db.reportSnapshot.findUniqueOrThrow({
              where: { organizationId_year_version: { organizationId: log.organizationId, year: publishedYear, version } },
              select: { id: true, publishedAt: true },
            });
            const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "ReportSnapshot", entityId: snapshot.id }, select: { createdAt: true } });
            expect(Math.abs(audit.createdAt.getTime() - snapshot.publishedAt.getTime())).toBeLessThan(60_000);
            expect(snapshot.publishedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
            // The report page shows no difference from a version published from unchanged data.
            const workspace = await getReportWorkspace({ actor: manager, year: publishedYear, format });
            expect(workspace.differences).toEqual([]);
          }
        }
      }),
      { numRuns: 8, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: true },
    );
  }, 240_000);
});

describe("the report page's differences, found by digests per cell", () => {
  it("equal the differences of every list compared id by id, a swap of two cases between cells included", async () => {
    await fc.assert(
      fc.asyncProperty(
        caseLogArbitrary,
        fc.constantFrom(2023, 2024, 2025),
        fc.constantFrom(...REPORT_FORMATS),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom("applicantType" as const, "outcome" as const)), { maxLength: 4 }),
        async (generated, year, format, swaps) => {
          const log = await insertCaseLog(generated);
          const manager = actorFor(await createTestUser({ organizationId: log.organizationId, role: "MANAGER" }));
          const organization = await db.organization.findUniqueOrThrow({ where: { id: log.organizationId }, select: { id: true, code: true, appealsBasis: true } });
          await publishReport({ actor: manager, input: { year, format } });
          expect((await getReportWorkspace({ actor: manager, year, format })).differences).toEqual([]);

          // Two cases received in the year by different applicant types trade types: table 三's figures
          // stay as they are, but each case leaves its column's list for the other's.
          const received = log.cases.filter((record) => record.receivedOn.startsWith(`${year}-`));
          const left = received[0];
          const right = received.find((record) => record.applicantType !== left?.applicantType);
          if (left && right) {
            await db.application.update({ where: { id: left.id }, data: { applicantType: right.applicantType } });
            await db.application.update({ where: { id: right.id }, data: { applicantType: left.applicantType } });
            const swapped = await getReportWorkspace({ actor: manager, year, format });
            const moved = swapped.differences?.filter((difference) => difference.cell.startsWith("applications.new_received.")) ?? [];
            // Both columns show it although no figure of the row changed; the row's 总计 lists the same cases.
            expect(moved).toHaveLength(2);
            expect(moved.every((difference) => difference.published === difference.current)).toBe(true);
            expect(moved.flatMap((difference) => difference.addedCaseIds).sort()).toEqual([left.id, right.id].sort());
            expect(moved.flatMap((difference) => difference.removedCaseIds).sort()).toEqual([left.id, right.id].sort());
          }
          // Random further trades of applicant types and outcomes (closed cases only) between two cases.
          const closed = log.cases.filter((record) => record.outcome !== null);
          for (const [first, second, field] of swaps) {
            const pool = field === "outcome" ? closed : log.cases;
            const a = pool[first % Math.max(pool.length, 1)];
            const b = pool[second % Math.max(pool.length, 1)];
            if (!a || !b || a.id === b.id) continue;
            const [rowA, rowB] = await Promise.all([a, b].map((record) => db.application.findUniqueOrThrow({ where: { id: record.id }, select: { applicantType: true, outcome: true } })));
            await db.application.update({ where: { id: a.id }, data: { [field]: rowB![field] } });
            await db.application.update({ where: { id: b.id }, data: { [field]: rowA![field] } });
          }

          const workspace = await getReportWorkspace({ actor: manager, year, format });
          const stored = await readPublishedVersion({ organizationId: log.organizationId, year, version: 1 });
          const current = await readConsistently((tx) => readReport(tx, { organization, year, format, withCells: true }));
          expect(workspace.differences).toStrictEqual(differencesBetween(stored, current, format));
        },
      ),
      { numRuns: 8, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: true },
    );
  }, 240_000);
});

describe("report checks against the published previous year", () => {
  let log: InsertedLog;

  beforeAll(async () => {
    log = await insertCaseLog([
      { applicantType: "NATURAL_PERSON", received: { days: 700 }, closed: null, outcome: "GRANTED", fee: null, proceedings: [] },
      { applicantType: "OTHER_ORG", received: { days: 725 }, closed: { days: 20 }, outcome: "GRANTED", fee: null, proceedings: [] },
      { applicantType: "OTHER_ORG", received: { days: 800 }, closed: { days: 3 }, outcome: "OTHER_OTHER", fee: null, proceedings: [] },
    ]);
  });

  async function publish(year: number, version: number, report: unknown) {
    const reportJson = JSON.parse(JSON.stringify(report)) as Prisma.InputJsonValue;
    await db.reportSnapshot.create({
      data: { organizationId: log.organizationId, year, version, format: "2021", report: reportJson, sections: {}, activeDisclosure: {} },
    });
  }

  it("compares 二 with 四 of the latest published version of Y−1", async () => {
    // Case received 2023-12-02 (day 700) is open; the one received 2023-12-27 closes 2024-01-16.
    const in2024 = await computeReport({ actor: log.actor, year: 2024 });
    expect(rowCounts(in2024.applications, "carried_in")).toEqual([1, 0, 0, 0, 0, 1, 2]);
    expect(in2024.checks.map((check) => check.rule)).toEqual(["balance", "closed_total", "total_column", "carry_over", "appeals_total"]);

    const published2023 = await computeReport({ actor: log.actor, year: 2023 });
    await publish(2023, 1, { ...published2023, applications: { ...published2023.applications, rows: { carried_out: [0, 0, 0, 0, 0, 0, 0] } } });
    await publish(2023, 2, published2023);
    const matching = await computeReport({ actor: log.actor, year: 2024 });
    expect(matching.checks.find((check) => check.rule === "carry_over_published")).toEqual({
      rule: "carry_over_published",
      ok: true,
      detail: "二=已发布的 2023 年度报告（第 2 版）的四：各列均相符",
    });

    await publish(2023, 3, { ...published2023, applications: { ...published2023.applications, rows: { carried_out: [1, 0, 0, 0, 0, 0, 1] } } });
    const stale = await computeReport({ actor: log.actor, year: 2024 });
    expect(stale.checks.find((check) => check.rule === "carry_over_published")).toEqual({
      rule: "carry_over_published",
      ok: false,
      detail: "二=已发布的 2023 年度报告（第 3 版）的四不成立：其他 二 1，上年四 0；总计 二 2，上年四 1",
    });

    await publish(2023, 4, { unexpected: true });
    const unreadable = await computeReport({ actor: log.actor, year: 2024 });
    expect(unreadable.checks.find((check) => check.rule === "carry_over_published")?.ok).toBe(false);
  });
});

describe("report scoping and validation", () => {
  let logA: InsertedLog;
  let actorB: Actor;

  beforeAll(async () => {
    logA = await insertCaseLog([
      { applicantType: "NATURAL_PERSON", received: { days: 800 }, closed: { days: 10 }, outcome: "GRANTED", fee: null, proceedings: [] },
    ]);
    const organizationB = await createTestOrganization("乙区司法局");
    actorB = actorFor(await createTestUser({ organizationId: organizationB.id, role: "MANAGER" }));
  });

  it("reports and drills down only into the actor's own organization", async () => {
    const ownReport = await computeReport({ actor: logA.actor, year: 2024 });
    expect(ownReport.org).toBe(logA.organizationCode);
    expect(rowCounts(ownReport.applications, "granted")).toEqual([1, 0, 0, 0, 0, 0, 1]);
    const otherReport = await computeReport({ actor: actorB, year: 2024 });
    expect(otherReport.org).not.toBe(logA.organizationCode);
    expect(rowCounts(otherReport.applications, "granted")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const otherCells = await findReportCellCases({ actor: actorB, year: 2024, cell: "applications.granted.total" });
    expect(otherCells.cases).toEqual([]);
    const ownCells = await findReportCellCases({ actor: logA.actor, year: 2024, cell: "applications.granted.total" });
    expect(ownCells.description).toBe("（一） 予以公开 · 总计");
    expect(ownCells.cases.map((entry) => entry.caseNumber)).toEqual(["GK-2024-000001"]);
    expect(ownCells.cases[0]).toMatchObject({ receivedOn: "2024-03-11", closedOn: "2024-03-21", outcome: "GRANTED", proceeding: null });
  });

  it("refuses unknown cells, formats and years with a Chinese message", async () => {
    await expect(findReportCellCases({ actor: logA.actor, year: 2024, cell: "applications.other.total" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(computeReport({ actor: logA.actor, year: 2018 })).rejects.toMatchObject({ code: "VALIDATION" });
    const in2020 = await computeReport({ actor: logA.actor, year: 2020 });
    expect(in2020.format).toBe("2019");
    expect(Object.keys(in2020.applications.rows)).toContain("other");
  });
});

describe("GET /api/v1/orgs/<code>/reports/<year>", () => {
  let log: InsertedLog;

  beforeAll(async () => {
    log = await insertCaseLog([
      { applicantType: "COMMERCIAL_ENTERPRISE", received: { days: 800 }, closed: { days: 10 }, outcome: "OTHER_FEE_UNPAID", fee: null, proceedings: [] },
    ]);
  });

  function get(code: string, year: string, query = "") {
    const request = new Request(`http://localhost/api/v1/orgs/${code}/reports/${year}${query}`);
    return getReportRoute(request, { params: Promise.resolve({ code, year }) });
  }

  it("answers 401 in JSON without a session", async () => {
    session.actor = null;
    const response = await get(log.organizationCode, "2024");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "未登录或登录已失效，请先登录" });
  });

  it("returns the report as data of the actor's organization, the format defaulting by year", async () => {
    session.actor = log.actor;
    const response = await get(log.organizationCode, "2024");
    expect(response.status).toBe(200);
    const body = (await response.json()) as ReportJson;
    expect(Object.keys(body)).toEqual(["org", "year", "format", "applications", "appeals", "fees", "checks"]);
    expect(body).toMatchObject({ org: log.organizationCode, year: 2024, format: "2021" });
    expect(body.applications.rows.other_fee_unpaid).toEqual([0, 1, 0, 0, 0, 0, 1]);
    const in2019Format = (await (await get(log.organizationCode, "2024", "?format=2019")).json()) as ReportJson;
    expect(in2019Format.format).toBe("2019");
    expect(in2019Format.applications.rows.other).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(((await (await get(log.organizationCode, "2020")).json()) as ReportJson).format).toBe("2019");
  });

  it("answers 404 for another organization's code, existing or not, and 400 for a bad year or format", async () => {
    session.actor = log.actor;
    const other = await createTestOrganization("丙区司法局");
    for (const code of [other.code, "no-such-org"]) {
      const response = await get(code, "2024");
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: "未找到该机构" });
    }
    for (const [year, query] of [["20x4", ""], ["2018", ""], ["2024", "?format=2020"], ["2024", "?format="]] as const) {
      const response = await get(log.organizationCode, year, query);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/年度|格式/);
    }
  });
});
