// A government and its departments (rules.md §8) against the real database: a parent with three
// departments — one published, one with a draft, one not started — sees their statuses, and its
// combined 2024 tables are the cell-by-cell sum of the published version, today's figures of the
// others and its own cases; several levels add up the same way. The parent's managers see figures
// only: every case page of a child refuses them, and no case or applicant appears in a roll-up.
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { getApplication } from "@/lib/cases/case-detail";
import { DEFAULT_CASE_LIST_QUERY } from "@/lib/cases/list-schemas";
import { recordCaseEvent, registerApplication } from "@/lib/cases/mutations";
import { findApplications, findApplicationsForExport } from "@/lib/cases/queries";
import { addProceeding } from "@/lib/appeals/mutations";
import { createOrganization } from "@/lib/organizations/mutations";
import { COLUMN_KEYS, parseReportCellId, reportCellIds, type ReportFigures, type ReportJson } from "@/lib/reports/definitions";
import { publishReport, saveReportDraft } from "@/lib/reports/publication";
import { setOpeningBalance } from "@/lib/reports/opening-balance";
import { computeReport, findReportCellCases } from "@/lib/reports/queries";
import { getRollup, getRollupCell, hasChildOrganizations } from "@/lib/rollup/queries";
import { setReportDeadline } from "@/lib/rollup/mutations";
import { actorFor, createTestUser, uniqueSuffix } from "./factories";

const TODAY = "2026-06-30";
const YEAR = 2024;

interface Unit {
  id: string;
  code: string;
  manager: Actor;
  clerk: Actor;
}

async function unit(name: string, parentCode?: string): Promise<Unit> {
  const organization = await createOrganization({ input: { code: `u-${uniqueSuffix()}`, name, parentCode } });
  const manager = actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER" }));
  const clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
  return { id: organization.id, code: organization.code, manager, clerk };
}

async function register(owner: Unit, applicantType: string, receivedOn: string, applicantName = `申请人-${uniqueSuffix()}`) {
  return registerApplication({
    actor: owner.clerk,
    input: { applicantType, applicantName, channel: "ONLINE", receivedOn, requestContent: "申请公开年度执法统计" },
    today: TODAY,
  });
}

async function close(owner: Unit, applicationId: string, occurredOn: string, disposition: string) {
  await recordCaseEvent({ expectedVersion: null,
    actor: owner.clerk,
    applicationId,
    today: TODAY,
    input: { type: "DECISION_SERVED", occurredOn, details: { serviceMethod: "邮寄", items: [{ description: "全部", disposition }] } },
  });
}

/** Every cell of a report, by cell id (fees as yuan text). */
function cellsOf(figures: Pick<ReportFigures, "applications" | "appeals" | "fees" | "format">): Map<string, number | string> {
  const cells = new Map<string, number | string>();
  for (const id of reportCellIds(figures.format)) {
    const cell = parseReportCellId(id, figures.format)!;
    if (cell.table === "applications") cells.set(id, figures.applications.rows[cell.row]?.[COLUMN_KEYS.indexOf(cell.column)] ?? 0);
    else if (cell.table === "appeals") cells.set(id, figures.appeals[cell.group][cell.column]);
    else cells.set(id, figures.fees[cell.fee]);
  }
  return cells;
}

/** The cell-by-cell sum, computed here independently of lib/rollup/combine.ts. */
function cellByCellSum(reports: Pick<ReportFigures, "applications" | "appeals" | "fees" | "format">[]): Map<string, number | string> {
  const sum = new Map<string, number | string>();
  for (const report of reports) {
    for (const [id, value] of cellsOf(report)) {
      const before = sum.get(id);
      if (typeof value === "string") sum.set(id, (Number(before ?? 0) + Number(value)).toFixed(2));
      else sum.set(id, Number(before ?? 0) + value);
    }
  }
  return sum;
}

let province: Unit;
let city: Unit;
let published: Unit;
let drafted: Unit;
let notStarted: Unit;
let publishedFigures: ReportJson;
let childCaseIds: string[];
const CHILD_APPLICANT = "不应出现在汇总中的申请人";

beforeAll(async () => {
  province = await unit("某省司法厅");
  city = await unit("某市人民政府办公室", province.code);
  published = await unit("某市司法局", city.code);
  drafted = await unit("某市交通运输局", city.code);
  notStarted = await unit("某市体育局", city.code);
  const cityAdmin = actorFor(await createTestUser({ organizationId: city.id, role: "ADMIN" }));
  await expect(setReportDeadline({ actor: city.manager, input: { reportDeadline: "03-31" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(setReportDeadline({ actor: cityAdmin, input: { reportDeadline: "02-29" } })).rejects.toMatchObject({ code: "VALIDATION" });
  await setReportDeadline({ actor: cityAdmin, input: { reportDeadline: "03-31" } });

  // The city's own cases, and each department's.
  const own = await register(city, "NATURAL_PERSON", "2024-03-04");
  await close(city, own.id, "2024-03-20", "GRANTED");
  const first = await register(published, "NATURAL_PERSON", "2024-02-01", CHILD_APPLICANT);
  await close(published, first.id, "2024-02-26", "PARTIALLY_GRANTED");
  const second = await register(published, "LEGAL_SERVICE_ORG", "2024-12-20");
  await addProceeding({ actor: published.manager, applicationId: first.id, input: { kind: "RECONSIDERATION", filedOn: "2024-04-01" } });
  const third = await register(drafted, "COMMERCIAL_ENTERPRISE", "2024-05-06");
  await close(drafted, third.id, "2024-05-30", "UNAVAILABLE_NOT_HELD");
  const fourth = await register(notStarted, "OTHER_ORG", "2024-07-01");
  await close(notStarted, fourth.id, "2024-07-02", "OTHER_OTHER");
  const carried = await register(notStarted, "NATURAL_PERSON", "2023-12-28");
  childCaseIds = [first.id, second.id, third.id, fourth.id, carried.id];

  await publishReport({ actor: published.manager, input: { year: YEAR, format: "2021" } });
  // Published on 20 January 2025, before the departments' deadline.
  // Published versions are frozen by a trigger: only the superuser, with triggers off for the session, can
  // back-date one for the test.
  const superuser = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await superuser.connect();
  try {
    await superuser.query("SET session_replication_role = replica");
    await superuser.query(`UPDATE "ReportSnapshot" SET "publishedAt" = $1 WHERE "organizationId" = $2 AND "year" = $3`, [new Date("2025-01-20T02:00:00Z"), published.id, YEAR]);
  } finally {
    await superuser.end();
  }
  publishedFigures = (await computeReport({ actor: published.manager, year: YEAR })) as ReportJson;
  // A case registered after publication: today's figures change, the published version does not.
  await register(published, "NATURAL_PERSON", "2024-11-11");
  await saveReportDraft({ actor: drafted.manager, input: { year: YEAR, format: "2021", version: 0, sections: { overview: "草稿", problems: "", other: "" }, activeDisclosure: {} } });
});

describe("a parent with three departments", () => {
  it("combines its 2024 tables as the cell-by-cell sum: the published version, today's figures of the others, its own cases", async () => {
    const rollup = await getRollup({ actor: city.manager, year: YEAR, today: "2025-02-10" });
    const expected = cellByCellSum([
      publishedFigures,
      await computeReport({ actor: drafted.manager, year: YEAR }),
      await computeReport({ actor: notStarted.manager, year: YEAR }),
      await computeReport({ actor: city.manager, year: YEAR }),
    ]);
    expect(cellsOf(rollup.combined)).toEqual(expected);
    expect(rollup.combined.applications.rows.new_received).toEqual([2, 1, 0, 0, 1, 1, 5]);
    expect(rollup.combined.applications.rows.carried_in).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(rollup.combined.appeals.reconsideration).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    // The case registered after publication is not in the published version the roll-up uses.
    expect((await computeReport({ actor: published.manager, year: YEAR })).applications.rows.new_received?.[6]).toBe(3);
    expect(rollup.sources).toEqual({ published: 1, current: 3, current_other_format: 0 });
    expect(rollup.checks.map((check) => [check.rule, check.ok])).toEqual([
      ["balance", true],
      ["closed_total", true],
      ["total_column", true],
      ["carry_over", true],
      ["appeals_total", true],
    ]);
  });

  it("lists each department's status: published (version, date, on time), draft, not started; late against 31 January", async () => {
    const rollup = await getRollup({ actor: city.manager, year: YEAR, today: "2025-02-10" });
    const statuses = rollup.rows.map((row) => ({
      code: row.member.organization.code,
      kind: row.kind,
      status: row.member.status.kind,
      version: row.member.status.kind === "published" ? row.member.status.version : null,
      source: row.member.source,
      timeliness: row.member.timeliness,
    }));
    expect(statuses).toEqual(
      [
        { code: city.code, kind: "self", status: "not_started", version: null, source: "current", timeliness: { kind: "not_due", dueOn: "2025-03-31" } },
        { code: published.code, kind: "child", status: "published", version: 1, source: "published", timeliness: { kind: "on_time", dueOn: "2025-01-31", publishedOn: "2025-01-20" } },
        { code: drafted.code, kind: "child", status: "draft", version: null, source: "current", timeliness: { kind: "overdue", dueOn: "2025-01-31", daysLate: 10 } },
        { code: notStarted.code, kind: "child", status: "not_started", version: null, source: "current", timeliness: { kind: "overdue", dueOn: "2025-01-31", daysLate: 10 } },
      ].toSorted((a, b) => (a.kind === "self" ? -1 : b.kind === "self" ? 1 : a.code.localeCompare(b.code))),
    );
    const beforeDeadline = await getRollup({ actor: city.manager, year: YEAR, today: "2025-01-15" });
    expect(beforeDeadline.rows.find((row) => row.member.organization.code === drafted.code)?.member.timeliness.kind).toBe("not_due");
  });

  it("drills from a combined figure to each department's figure, never to a case", async () => {
    const cell = await getRollupCell({ actor: city.manager, year: YEAR, today: TODAY, cell: "applications.new_received.total" });
    expect(cell.total).toBe(5);
    expect(Object.fromEntries(cell.rows.map((row) => [row.code, [row.value, row.source]]))).toEqual({
      [city.code]: [1, "current"],
      [published.code]: [2, "published"],
      [drafted.code]: [1, "current"],
      [notStarted.code]: [1, "current"],
    });
    const serialized = JSON.stringify([await getRollup({ actor: city.manager, year: YEAR, today: TODAY }), cell]);
    expect(serialized).not.toContain(CHILD_APPLICANT);
    for (const id of childCaseIds) expect(serialized).not.toContain(id);
  });

  it("refuses the parent's manager every case page of a child", async () => {
    const calendar = await loadWorkCalendar();
    for (const applicationId of childCaseIds) {
      await expect(getApplication({ actor: city.manager, applicationId, today: TODAY })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        recordCaseEvent({ expectedVersion: null, actor: city.manager, applicationId, today: TODAY, input: { type: "WITHDRAWN", occurredOn: "2024-12-30", details: {} } }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(addProceeding({ actor: city.manager, applicationId, input: { kind: "RECONSIDERATION", filedOn: "2024-06-01" } })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    const list = await findApplications({ actor: city.manager, query: { ...DEFAULT_CASE_LIST_QUERY, pageSize: 100 }, today: TODAY, calendar });
    expect(list.rows.map((row) => row.id).filter((id) => childCaseIds.includes(id))).toEqual([]);
    const exported = await findApplicationsForExport({ actor: city.manager, query: DEFAULT_CASE_LIST_QUERY });
    expect(exported.map((row) => row.申请人)).not.toContain(CHILD_APPLICANT);
    const drill = await findReportCellCases({ actor: city.manager, year: YEAR, cell: "applications.new_received.total" });
    expect(drill.cases.map((row) => row.applicationId).filter((id) => childCaseIds.includes(id))).toEqual([]);
    // Nothing changed in the child's case log.
    expect(await db.caseEvent.count({ where: { applicationId: { in: childCaseIds }, type: "WITHDRAWN" } })).toBe(0);
  });

  it("uses today's figures where a published version cannot be read, and says so", async () => {
    await db.reportSnapshot.create({
      data: { organizationId: notStarted.id, year: 2026, version: 1, format: "2021", report: { unreadable: true }, sections: {}, activeDisclosure: {} },
    });
    const rollup = await getRollup({ actor: city.manager, year: 2026, today: TODAY });
    const row = rollup.rows.find((item) => item.member.organization.code === notStarted.code)!;
    expect(row.member).toMatchObject({ source: "current_other_format", status: { kind: "published", version: 1 } });
  });

  it("shows a department's failing checks, and check 3 on the sum against its published 四 of the year before", async () => {
    // The draft department enters 2023's 四 as an opening balance: 2 cases it never registered.
    await setOpeningBalance({
      actor: drafted.manager,
      input: { year: 2023, counts: { natural_person: 2, commercial_enterprise: 0, research_institution: 0, social_welfare_org: 0, legal_service_org: 0, other_org: 0 }, source: "《某市交通运输局2023年政府信息公开工作年度报告》" },
    });
    const rollup = await getRollup({ actor: city.manager, year: YEAR, today: TODAY });
    const row = rollup.rows.find((item) => item.member.organization.code === drafted.code)!;
    expect(row.member.failingChecks.map((check) => check.rule)).toEqual(["carry_over_opening"]);
    expect(row.member.previousCarriedOutSource).toBe("opening");
    const sumCheck = rollup.checks.find((check) => check.rule === "carry_over")!;
    expect(sumCheck).toEqual({
      rule: "carry_over",
      ok: false,
      detail: "二=各单位 2023 年度四之和（期初余额 1 个、按现有数据生成 3 个）不成立：自然人 二 1，上年四 3；总计 二 1，上年四 3",
    });
  });

  it("is for managers and administrators of the parent or above, never for a department or a clerk", async () => {
    expect(await hasChildOrganizations({ actor: city.manager })).toBe(true);
    expect(await hasChildOrganizations({ actor: published.manager })).toBe(false);
    await expect(getRollup({ actor: city.clerk, year: YEAR, today: TODAY })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getRollup({ actor: published.manager, year: YEAR, today: TODAY, organizationCode: city.code })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRollup({ actor: published.manager, year: YEAR, today: TODAY, organizationCode: drafted.code })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A department's own "roll-up" is its own report only.
    const own = await getRollup({ actor: published.manager, year: YEAR, today: TODAY });
    expect(own.rows.map((row) => row.kind)).toEqual(["self"]);
  });
});

describe("several levels (province → city → department)", () => {
  it("adds each child with everything below it, and lets the province open the city's roll-up", async () => {
    const city2024 = await getRollup({ actor: city.manager, year: YEAR, today: TODAY });
    const provinceRollup = await getRollup({ actor: province.manager, year: YEAR, today: TODAY });
    expect(provinceRollup.rows.map((row) => [row.member.organization.code, row.kind, row.descendants])).toEqual([
      [province.code, "self", 0],
      [city.code, "child", 3],
    ]);
    const cityRow = provinceRollup.rows[1]!;
    expect(cellsOf(cityRow.figures)).toEqual(cellsOf(city2024.combined));
    expect(cityRow.descendantIssues).toEqual({ notPublished: 2, checksFailing: 1, late: 2 });
    expect(cellsOf(provinceRollup.combined)).toEqual(cellByCellSum([city2024.combined, await computeReport({ actor: province.manager, year: YEAR })]));

    const opened = await getRollup({ actor: province.manager, year: YEAR, today: TODAY, organizationCode: city.code });
    expect(opened.trail.map((node) => node.code)).toEqual([province.code, city.code]);
    expect(cellsOf(opened.combined)).toEqual(cellsOf(city2024.combined));
    // And in the 2019 format, the published 2021 version is summed with its （六） leaves in one row.
    const in2019 = await getRollup({ actor: province.manager, year: YEAR, format: "2019", today: TODAY });
    expect(in2019.sources.published).toBe(1);
    expect(in2019.combined.applications.rows.other).toEqual([0, 0, 0, 0, 0, 1, 1]);
  });
});
