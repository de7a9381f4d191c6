// The data-quality list shown with the year's report: what would make the published figures wrong or
// the bureau late. Scoped to the actor's organization and to the year's report: the cases that were in
// the year (received by its last day and not closed before its first), and the 复议/诉讼 filed by then.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db } from "../db";
import type { Actor } from "../auth/actor";
import { loadWorkCalendar } from "../calendar/queries";
import { dbDateFromIso, isoDateFromDb } from "../calendar/dates";
import { addCalendarDays, isYearConfirmed, type IsoDate } from "../calendar/workdays";

export interface DataQualityIssue {
  key: string;
  title: string;
  /** Why it matters, in one sentence. */
  explanation: string;
  count: number;
  /** One page of the flagged cases (DATA_QUALITY_PAGE_SIZE at most), with links. */
  cases: { id: string; caseNumber: string; note: string }[];
  /** The page of `cases`, from 1 (past the last page: the last page). */
  page: number;
  /** Cases per page (DATA_QUALITY_PAGE_SIZE). */
  pageSize: number;
  /** The case list showing all of them, when the list can express it. */
  listHref: string | null;
}

/** Rows of one kind shown at once; the others are reached by the kind's page links. */
const DATA_QUALITY_PAGE_SIZE = 20;
/** 行政复议 must be decided within 60 days (extendable by 30); a lawsuit's first instance within 6 months. */
const RECONSIDERATION_STALE_DAYS = 90;
const LITIGATION_STALE_DAYS = 183;

/** What a flagged case's note is made of (the date columns are small: one select for every kind). */
const FLAGGED_CASE = {
  id: true,
  caseNumber: true,
  closedOn: true,
  dueOn: true,
  correctionDeadlineOn: true,
  correctionRequestedOn: true,
  feePaymentDueOn: true,
} satisfies Prisma.ApplicationSelect;
type FlaggedCase = Prisma.ApplicationGetPayload<{ select: typeof FLAGGED_CASE }>;

/** What names and explains a kind, beside its count and cases. */
type IssueText = Pick<DataQualityIssue, "key" | "title" | "explanation" | "listHref">;

/** The page asked for, of one kind: `?quality=<key>&qualityPage=<n>` on the report page. */
export interface DataQualityPageRequest {
  key: string;
  page: number;
}

/**
 * The year's data-quality issues: for each kind, its count and one page of its cases, read on the
 * server (a count and a LIMIT/OFFSET page per kind, in parallel). Every kind shows its first page but
 * `requested.key`, which shows `requested.page` (clamped to its last page).
 */
export async function getDataQuality({
  actor,
  year,
  today,
  requested,
}: {
  actor: Actor;
  year: number;
  today: IsoDate;
  requested?: DataQualityPageRequest;
}): Promise<DataQualityIssue[]> {
  // Voided cases (作废) count nowhere, here neither.
  const organizationId = actor.organizationId;
  const yearStart = dbDateFromIso(`${year}-01-01`);
  const yearEnd = dbDateFromIso(`${year}-12-31`);
  const counted = { organizationId, voidedAt: null, receivedOn: { lte: yearEnd }, OR: [{ closedOn: null }, { closedOn: { gte: yearStart } }] } satisfies Prisma.ApplicationWhereInput;
  const todayDate = dbDateFromIso(today);
  const pageOf = (key: string) => (requested?.key === key ? Math.max(1, Math.floor(requested.page)) : 1);
  const iso = (date: Date | null) => (date ? isoDateFromDb(date) : "");

  /** One kind over the cases: its count, then its page (the last one if the asked page is past it). */
  async function applicationKind(
    text: IssueText,
    where: Prisma.ApplicationWhereInput,
    orderBy: Prisma.ApplicationOrderByWithRelationInput,
    note: (row: FlaggedCase) => string,
  ): Promise<DataQualityIssue> {
    const count = await db.application.count({ where });
    const page = clampPage(pageOf(text.key), count);
    const rows =
      count === 0
        ? []
        : await db.application.findMany({ where, select: FLAGGED_CASE, orderBy: [orderBy, { id: "asc" }], skip: (page - 1) * DATA_QUALITY_PAGE_SIZE, take: DATA_QUALITY_PAGE_SIZE });
    return { ...text, count, page, pageSize: DATA_QUALITY_PAGE_SIZE, cases: rows.map((row) => ({ id: row.id, caseNumber: row.caseNumber, note: note(row) })) };
  }

  // 复议 past 90 days and 诉讼 past 183 days without a result, 复议 first (the enum's order), then by filing.
  const staleProceedings: Prisma.ProceedingWhereInput = {
    organizationId,
    application: { voidedAt: null },
    result: null,
    filedOn: { lte: yearEnd },
    OR: [
      { kind: "RECONSIDERATION", filedOn: { lt: dbDateFromIso(addCalendarDays(today, -RECONSIDERATION_STALE_DAYS)) } },
      { kind: "LITIGATION", filedOn: { lt: dbDateFromIso(addCalendarDays(today, -LITIGATION_STALE_DAYS)) } },
    ],
  };
  async function staleProceedingKind(text: IssueText): Promise<DataQualityIssue> {
    const count = await db.proceeding.count({ where: staleProceedings });
    const page = clampPage(pageOf(text.key), count);
    const rows =
      count === 0
        ? []
        : await db.proceeding.findMany({
            where: staleProceedings,
            select: { id: true, filedOn: true, application: { select: { id: true, caseNumber: true } } },
            orderBy: [{ kind: "asc" }, { filedOn: "asc" }, { id: "asc" }],
            skip: (page - 1) * DATA_QUALITY_PAGE_SIZE,
            take: DATA_QUALITY_PAGE_SIZE,
          });
    return { ...text, count, page, pageSize: DATA_QUALITY_PAGE_SIZE, cases: rows.map((row) => ({ id: row.application.id, caseNumber: row.application.caseNumber, note: `提起于 ${iso(row.filedOn)}` })) };
  }

  const [closedWithoutOutcome, overdue, correctionLapsed, lateNotices, unknownPeriods, feeLapsed, stale, calendar, provisional] = await Promise.all([
    applicationKind(
      { key: "closed-without-outcome", title: "已办结但没有办理结果", explanation: "这些案件无法计入表三的任何一行，会使勾稽关系不平。", listHref: null },
      { ...counted, status: "CLOSED", outcome: null },
      { caseNumber: "asc" },
      (row) => `办结于 ${iso(row.closedOn)}`,
    ),
    applicationKind(
      { key: "overdue", title: "已逾期未办结", explanation: "超过法定答复期限仍未答复，可能引发行政复议或诉讼。", listHref: "/cases?due=overdue" },
      { ...counted, status: "OPEN", dueOn: { lt: todayDate } },
      { dueOn: "asc" },
      (row) => `截止 ${iso(row.dueOn)}`,
    ),
    applicationKind(
      {
        key: "correction-lapsed",
        title: "补正期限已过仍未处理",
        explanation: "申请人逾期未补正的，应按“逾期不补正”办结，否则一直计入结转。",
        listHref: "/cases?phase=AWAITING_CORRECTION",
      },
      { ...counted, status: "OPEN", clockPhase: "AWAITING_CORRECTION", correctionDeadlineOn: { lt: todayDate } },
      { correctionDeadlineOn: "asc" },
      (row) => `补正期限 ${iso(row.correctionDeadlineOn)}`,
    ),
    applicationKind(
      {
        key: "late-correction-notice",
        title: "逾期补正告知",
        explanation: "补正告知超过收到申请后 7 个工作日才发出：只停止计时、不重新计算答复期限，请核实逾期理由。",
        listHref: null,
      },
      { ...counted, correctionNoticeLate: true, correctionRequestedOn: { gte: yearStart, lte: yearEnd } },
      { correctionRequestedOn: "asc" },
      (row) => `补正告知于 ${iso(row.correctionRequestedOn)}`,
    ),
    applicationKind(
      {
        key: "correction-period-unknown",
        title: "补正期限未记录",
        explanation: "台账导入的补正告知没有记录补正期限，无法判断申请人是否逾期未补正；请更正该补正告知，填写告知的补正期限。",
        listHref: null,
      },
      { ...counted, status: "OPEN", clockPhase: "AWAITING_CORRECTION", correctionDeadlineOn: null },
      { correctionRequestedOn: "asc" },
      (row) => `补正告知于 ${iso(row.correctionRequestedOn)}`,
    ),
    applicationKind(
      { key: "fee-lapsed", title: "缴费期限已过仍未处理", explanation: "逾期未缴费的，应按“逾期未缴纳费用”办结。", listHref: null },
      { ...counted, status: "OPEN", feePaidOn: null, feePaymentDueOn: { lt: todayDate } },
      { feePaymentDueOn: "asc" },
      (row) => `缴费期限 ${iso(row.feePaymentDueOn)}`,
    ),
    staleProceedingKind({
      key: "stale-proceedings",
      title: "复议、诉讼长期没有结果",
      explanation: `行政复议提起超过 ${RECONSIDERATION_STALE_DAYS} 天、行政诉讼超过 ${LITIGATION_STALE_DAYS} 天仍未登记结果，请核实是否已有决定或判决。`,
      listHref: null,
    }),
    loadWorkCalendar(),
    db.application.count({ where: { ...counted, status: "OPEN", dueIsProvisional: true } }),
  ]);

  const issues: DataQualityIssue[] = [closedWithoutOutcome, overdue, correctionLapsed, lateNotices, unknownPeriods, feeLapsed, stale];
  const unconfirmed = [year, year + 1].filter((candidate) => !isYearConfirmed(calendar, candidate));
  if (unconfirmed.length > 0 || provisional > 0) {
    issues.push({
      key: "calendar-unconfirmed",
      title: "节假日安排未确认",
      explanation: `${unconfirmed.length > 0 ? `${unconfirmed.join("、")} 年的官方节假日安排尚未确认；` : ""}${provisional} 件在办案件的截止日期为暂定。请在“设置 · 工作日历”中录入并确认。`,
      count: Math.max(provisional, unconfirmed.length),
      cases: [],
      page: 1,
      pageSize: DATA_QUALITY_PAGE_SIZE,
      listHref: null,
    });
  }
  return issues;
}

/** The page to show of a kind with `count` cases: `page`, but not past the last page. */
function clampPage(page: number, count: number): number {
  return Math.min(page, Math.max(1, Math.ceil(count / DATA_QUALITY_PAGE_SIZE)));
}
