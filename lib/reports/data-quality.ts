// The data-quality list shown with the year's report: what would make the published figures wrong or
// the bureau late. Scoped to the actor's organization and to the year's report: the cases that were in
// the year (received by its last day and not closed before its first), and the 复议/诉讼 filed by then.
import "server-only";
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
  /** Up to 20 examples with links. */
  cases: { id: string; caseNumber: string; note: string }[];
  /** The case list showing all of them, when the list can express it. */
  listHref: string | null;
}

const EXAMPLES = 20;
/** 行政复议 must be decided within 60 days (extendable by 30); a lawsuit's first instance within 6 months. */
const RECONSIDERATION_STALE_DAYS = 90;
const LITIGATION_STALE_DAYS = 183;

export async function getDataQuality({ actor, year, today }: { actor: Actor; year: number; today: IsoDate }): Promise<DataQualityIssue[]> {
  // Voided cases (作废) count nowhere, here neither.
  const organizationId = actor.organizationId;
  const yearStart = dbDateFromIso(`${year}-01-01`);
  const yearEnd = dbDateFromIso(`${year}-12-31`);
  const counted = { organizationId, voidedAt: null, receivedOn: { lte: yearEnd }, OR: [{ closedOn: null }, { closedOn: { gte: yearStart } }] };
  const todayDate = dbDateFromIso(today);
  const [closedWithoutOutcome, overdue, correctionLapsed, feeLapsed, staleReconsiderations, staleLitigations, calendar, provisional, lateNotices, unknownPeriods] = await Promise.all([
    db.application.findMany({
      where: { ...counted, status: "CLOSED", outcome: null },
      select: { id: true, caseNumber: true, closedOn: true },
      orderBy: { caseNumber: "asc" },
    }),
    db.application.findMany({
      where: { ...counted, status: "OPEN", dueOn: { lt: todayDate } },
      select: { id: true, caseNumber: true, dueOn: true },
      orderBy: { dueOn: "asc" },
    }),
    db.application.findMany({
      where: { ...counted, status: "OPEN", clockPhase: "AWAITING_CORRECTION", correctionDeadlineOn: { lt: todayDate } },
      select: { id: true, caseNumber: true, correctionDeadlineOn: true },
      orderBy: { correctionDeadlineOn: "asc" },
    }),
    db.application.findMany({
      where: { ...counted, status: "OPEN", feePaidOn: null, feePaymentDueOn: { lt: todayDate } },
      select: { id: true, caseNumber: true, feePaymentDueOn: true },
      orderBy: { feePaymentDueOn: "asc" },
    }),
    db.proceeding.findMany({
      where: { organizationId, application: { voidedAt: null }, kind: "RECONSIDERATION", result: null, filedOn: { lt: dbDateFromIso(addCalendarDays(today, -RECONSIDERATION_STALE_DAYS)), lte: yearEnd } },
      select: { id: true, filedOn: true, application: { select: { id: true, caseNumber: true } } },
      orderBy: { filedOn: "asc" },
    }),
    db.proceeding.findMany({
      where: { organizationId, application: { voidedAt: null }, kind: "LITIGATION", result: null, filedOn: { lt: dbDateFromIso(addCalendarDays(today, -LITIGATION_STALE_DAYS)), lte: yearEnd } },
      select: { id: true, filedOn: true, application: { select: { id: true, caseNumber: true } } },
      orderBy: { filedOn: "asc" },
    }),
    loadWorkCalendar(),
    db.application.count({ where: { ...counted, status: "OPEN", dueIsProvisional: true } }),
    db.application.findMany({
      where: { ...counted, correctionNoticeLate: true, correctionRequestedOn: { gte: yearStart, lte: yearEnd } },
      select: { id: true, caseNumber: true, correctionRequestedOn: true },
      orderBy: { correctionRequestedOn: "asc" },
    }),
    db.application.findMany({
      where: { ...counted, status: "OPEN", clockPhase: "AWAITING_CORRECTION", correctionDeadlineOn: null },
      select: { id: true, caseNumber: true, correctionRequestedOn: true },
      orderBy: { correctionRequestedOn: "asc" },
    }),
  ]);

  const iso = (date: Date | null) => (date ? isoDateFromDb(date) : "");
  const issues: DataQualityIssue[] = [
    {
      key: "closed-without-outcome",
      title: "已办结但没有办理结果",
      explanation: "这些案件无法计入表三的任何一行，会使勾稽关系不平。",
      count: closedWithoutOutcome.length,
      cases: closedWithoutOutcome.slice(0, EXAMPLES).map((row) => ({ id: row.id, caseNumber: row.caseNumber, note: `办结于 ${iso(row.closedOn)}` })),
      listHref: null,
    },
    {
      key: "overdue",
      title: "已逾期未办结",
      explanation: "超过法定答复期限仍未答复，可能引发行政复议或诉讼。",
      count: overdue.length,
      cases: overdue.slice(0, EXAMPLES).map((row) => ({ id: row.id, caseNumber: row.caseNumber, note: `截止 ${iso(row.dueOn)}` })),
      listHref: "/cases?due=overdue",
    },
    {
      key: "correction-lapsed",
      title: "补正期限已过仍未处理",
      explanation: "申请人逾期未补正的，应按“逾期不补正”办结，否则一直计入结转。",
      count: correctionLapsed.length,
      cases: correctionLapsed.slice(0, EXAMPLES).map((row) => ({ id: row.id, caseNumber: row.caseNumber, note: `补正期限 ${iso(row.correctionDeadlineOn)}` })),
      listHref: "/cases?phase=AWAITING_CORRECTION",
    },
    {
      key: "late-correction-notice",
      title: "逾期补正告知",
      explanation: "补正告知超过收到申请后 7 个工作日才发出：只停止计时、不重新计算答复期限，请核实逾期理由。",
      count: lateNotices.length,
      cases: lateNotices.slice(0, EXAMPLES).map((row) => ({ id: row.id, caseNumber: row.caseNumber, note: `补正告知于 ${iso(row.correctionRequestedOn)}` })),
      listHref: null,
    },
    {
      key: "correction-period-unknown",
      title: "补正期限未记录",
      explanation: "台账导入的补正告知没有记录补正期限，无法判断申请人是否逾期未补正；请更正该补正告知，填写告知的补正期限。",
      count: unknownPeriods.length,
      cases: unknownPeriods.slice(0, EXAMPLES).map((row) => ({ id: row.id, caseNumber: row.caseNumber, note: `补正告知于 ${iso(row.correctionRequestedOn)}` })),
      listHref: null,
    },
    {
      key: "fee-lapsed",
      title: "缴费期限已过仍未处理",
      explanation: "逾期未缴费的，应按“逾期未缴纳费用”办结。",
      count: feeLapsed.length,
      cases: feeLapsed.slice(0, EXAMPLES).map((row) => ({ id: row.id, caseNumber: row.caseNumber, note: `缴费期限 ${iso(row.feePaymentDueOn)}` })),
      listHref: null,
    },
    {
      key: "stale-proceedings",
      title: "复议、诉讼长期没有结果",
      explanation: `行政复议提起超过 ${RECONSIDERATION_STALE_DAYS} 天、行政诉讼超过 ${LITIGATION_STALE_DAYS} 天仍未登记结果，请核实是否已有决定或判决。`,
      count: staleReconsiderations.length + staleLitigations.length,
      cases: [...staleReconsiderations, ...staleLitigations]
        .slice(0, EXAMPLES)
        .map((row) => ({ id: row.application.id, caseNumber: row.application.caseNumber, note: `提起于 ${iso(row.filedOn)}` })),
      listHref: null,
    },
  ];
  const unconfirmed = [year, year + 1].filter((candidate) => !isYearConfirmed(calendar, candidate));
  if (unconfirmed.length > 0 || provisional > 0) {
    issues.push({
      key: "calendar-unconfirmed",
      title: "节假日安排未确认",
      explanation: `${unconfirmed.length > 0 ? `${unconfirmed.join("、")} 年的官方节假日安排尚未确认；` : ""}${provisional} 件在办案件的截止日期为暂定。请在“设置 · 工作日历”中录入并确认。`,
      count: Math.max(provisional, unconfirmed.length),
      cases: [],
      listHref: null,
    });
  }
  return issues;
}
