// The statutory clock as a ledger (rules.md §4): a pure function of the receipt date, the events, the
// calendar, the organization's settings and `today` gives the case's state, its due date and the
// explanation of that date ("为什么是这一天"). It also refuses an event that does not fit the case's
// state, with a Chinese message. Nothing here reads the clock or the database.
import type { ClockPhase, FeeMethod, Outcome } from "@prisma/client";
import {
  addWorkdays,
  countWorkdays,
  isWorkday,
  provisionalHolidayOn,
  unconfirmedYearsBetween,
  addCalendarDays,
  type IsoDate,
  type WorkCalendar,
} from "../calendar/workdays";
import type { CaseEvent } from "./case-events";
import { CASE_EVENT_LABELS } from "./labels";
import { deriveReportedOutcome } from "./outcome";

export const REPLY_WORKDAYS = 20;
export const CORRECTION_NOTICE_WORKDAYS = 7;
export const CONSULTATION_WINDOW_WORKDAYS = 15;
export const FEE_PAYMENT_WORKDAYS = 20;
export const MAX_EXTENSION_WORKDAYS = 20;
export const DUE_SOON_WORKDAYS = 5;

export interface ProjectionInput {
  receivedOn: IsoDate;
  /** In the order they happened (ties keep their recorded order). */
  events: readonly CaseEvent[];
  calendar: WorkCalendar;
  settings: { feeStopsClock: boolean };
  today: IsoDate;
  /**
   * Events before this index are history that is kept even where it breaks a rule (a ledger imported
   * as the bureau kept it, a history recorded before a calendar change): a refused historic event
   * becomes a warning, and is skipped — except a closing, which is applied as recorded. Events from
   * this index on are checked. Default 0: everything is checked.
   */
  historicEventCount?: number;
}

export interface ExplanationLine {
  date: IsoDate;
  text: string;
}

export interface CaseProjection {
  status: "OPEN" | "CLOSED";
  clockPhase: ClockPhase;
  /** The reply due date; null while the clock is stopped with no end yet (补正, consultation, fee). */
  dueOn: IsoDate | null;
  /** The due date if a running stop ended today (shown while the clock is stopped). */
  dueOnIfResumedToday: IsoDate | null;
  /** The due date, or the working-day count behind it, reaches into a year with no confirmed arrangement. */
  dueIsProvisional: boolean;
  unconfirmedYears: number[];
  /** The start of the current 20-working-day period (receipt, or receipt of the 补正). */
  periodStartOn: IsoDate;
  workdaysAllowed: number;
  correctionNoticeDueOn: IsoDate | null;
  correctionRequestedOn: IsoDate | null;
  correctionDeadlineOn: IsoDate | null;
  correctionReceivedOn: IsoDate | null;
  consultationSentOn: IsoDate | null;
  consultationAnsweredOn: IsoDate | null;
  consultationReplyDueOn: IsoDate | null;
  extensionNotifiedOn: IsoDate | null;
  extensionWorkdays: number | null;
  feeMethod: FeeMethod | null;
  feeNoticeOn: IsoDate | null;
  feeAmount: string | null;
  feePaymentDueOn: IsoDate | null;
  feePaidOn: IsoDate | null;
  feePaidAmount: string | null;
  closedOn: IsoDate | null;
  outcome: Outcome | null;
  explanation: ExplanationLine[];
  warnings: string[];
  /** Historic events that broke a rule and were kept as warnings (see historicEventCount). */
  historicRefusals: { index: number; message: string }[];
}

export type ProjectionResult =
  | { ok: true; projection: CaseProjection }
  | { ok: false; eventIndex: number; message: string };

interface Stop {
  kind: "CONSULTATION" | "FEE";
  since: IsoDate;
  /** Consultation: the 15th working day after sending, when the stop ends at the latest. */
  latestEnd: IsoDate | null;
}

class EventRefused extends Error {}

function refuse(message: string): never {
  throw new EventRefused(message);
}

export function projectCase(input: ProjectionInput): ProjectionResult {
  const { calendar, receivedOn, today } = input;
  const explanation: ExplanationLine[] = [];
  const warnings: string[] = [];

  let periodStartOn = receivedOn;
  let stoppedWorkdays = 0;
  /** The extension counted in the current period. */
  let extensionWorkdays: number | null = null;
  /** The extension as recorded (for the ledger and the report), whether or not the clock counts it. */
  let recordedExtensionWorkdays: number | null = null;
  let extensionUsed = false;
  let phase: ClockPhase = "RUNNING";
  let stop: Stop | null = null;
  const state = {
    correctionRequestedOn: null as IsoDate | null,
    correctionDeadlineOn: null as IsoDate | null,
    correctionReceivedOn: null as IsoDate | null,
    consultationSentOn: null as IsoDate | null,
    consultationAnsweredOn: null as IsoDate | null,
    consultationReplyDueOn: null as IsoDate | null,
    extensionNotifiedOn: null as IsoDate | null,
    feeMethod: null as FeeMethod | null,
    feeNoticeOn: null as IsoDate | null,
    feeAmount: null as string | null,
    feePaymentDueOn: null as IsoDate | null,
    feePaidOn: null as IsoDate | null,
    feePaidAmount: null as string | null,
    closedOn: null as IsoDate | null,
    outcome: null as Outcome | null,
  };

  const correctionNoticeDueOn = addWorkdays(calendar, receivedOn, CORRECTION_NOTICE_WORKDAYS);
  const allowed = () => REPLY_WORKDAYS + stoppedWorkdays + (extensionWorkdays ?? 0);
  const currentDue = () => addWorkdays(calendar, periodStartOn, allowed());

  explanation.push({
    date: receivedOn,
    text: `收到申请（法定收到日期）。自次日起计算 ${REPLY_WORKDAYS} 个工作日。`,
  });

  const historicRefusals: { index: number; message: string }[] = [];
  let lastDate = receivedOn;
  for (const [index, event] of input.events.entries()) {
    try {
      const label = CASE_EVENT_LABELS[event.type];
      if (event.occurredOn < receivedOn) refuse(`${label}的日期 ${event.occurredOn} 早于收到申请日期 ${receivedOn}`);
      if (event.occurredOn > today) refuse(`${label}的日期 ${event.occurredOn} 晚于今天（${today}），不能预先登记`);
      if (event.occurredOn < lastDate) refuse(`${label}的日期 ${event.occurredOn} 早于上一步骤的日期 ${lastDate}，请按发生顺序登记`);
      if (phase === "CLOSED") refuse(`案件已于 ${state.closedOn} 办结，不能再登记${label}`);
      lastDate = event.occurredOn;

      switch (event.type) {
        case "CORRECTION_REQUESTED": {
          if (state.correctionRequestedOn) refuse("补正应当一次性告知，本案已发出过补正告知");
          if (phase !== "RUNNING") refuse(`当前状态为“${phaseLabel(phase)}”，不能发出补正告知`);
          if (event.details.deadlineOn <= event.occurredOn) refuse("补正期限应晚于补正告知日期");
          if (event.occurredOn > correctionNoticeDueOn) {
            warnings.push(`补正告知于 ${event.occurredOn} 发出，超过收到申请后 ${CORRECTION_NOTICE_WORKDAYS} 个工作日的期限（${correctionNoticeDueOn}）`);
          }
          state.correctionRequestedOn = event.occurredOn;
          state.correctionDeadlineOn = event.details.deadlineOn;
          phase = "AWAITING_CORRECTION";
          explanation.push({
            date: event.occurredOn,
            text: `发出补正告知，补正期限至 ${event.details.deadlineOn}。答复期限停止计算，自收到补正之日重新计算。`,
          });
          break;
        }
        case "CORRECTION_RECEIVED": {
          if (phase !== "AWAITING_CORRECTION") refuse("本案没有等待中的补正告知，不能登记收到补正");
          state.correctionReceivedOn = event.occurredOn;
          periodStartOn = event.occurredOn;
          stoppedWorkdays = 0;
          // The supplemented application starts a new period; an earlier extension belonged to the old one.
          extensionWorkdays = null;
          phase = "RUNNING";
          explanation.push({
            date: event.occurredOn,
            text: `收到补正后的申请。答复期限重新计算：自次日起 ${REPLY_WORKDAYS} 个工作日。`,
          });
          break;
        }
        case "CONSULTATION_SENT": {
          if (phase !== "RUNNING") refuse(`当前状态为“${phaseLabel(phase)}”，不能发出征求意见`);
          if (event.occurredOn > currentDue()) refuse(`答复期限已于 ${currentDue()} 届满，征求意见不能再延后答复期限`);
          const latestEnd = addWorkdays(calendar, event.occurredOn, CONSULTATION_WINDOW_WORKDAYS);
          stop = { kind: "CONSULTATION", since: event.occurredOn, latestEnd };
          state.consultationSentOn = event.occurredOn;
          state.consultationAnsweredOn = null;
          state.consultationReplyDueOn = latestEnd;
          phase = "CONSULTING";
          const party = event.details.party === "THIRD_PARTY" ? "第三方" : "其他机关";
          explanation.push({
            date: event.occurredOn,
            text: `向${party}（${event.details.partyName}）征求意见，答复期限停止计算；对方应在 ${latestEnd} 前答复（${CONSULTATION_WINDOW_WORKDAYS} 个工作日）。`,
          });
          break;
        }
        case "CONSULTATION_ANSWERED": {
          if (phase !== "CONSULTING" || stop?.kind !== "CONSULTATION") refuse("本案没有进行中的征求意见，不能登记意见答复");
          const end = stop.latestEnd && event.occurredOn > stop.latestEnd ? stop.latestEnd : event.occurredOn;
          const stopped = countWorkdays(calendar, stop.since, end);
          stoppedWorkdays += stopped;
          state.consultationAnsweredOn = event.occurredOn;
          explanation.push({
            date: event.occurredOn,
            text: `${event.details.windowExpired ? "征求意见期满未答复" : "收到意见答复"}：${stop.since} 次日至 ${end} 共 ${stopped} 个工作日不计入答复期限。`,
          });
          stop = null;
          phase = "RUNNING";
          break;
        }
        case "EXTENSION": {
          if (extensionUsed) refuse("答复期限只能延长一次，本案已经延期");
          if (phase === "AWAITING_CORRECTION") refuse("等待补正期间答复期限不计算，无需延期");
          const { workdays } = event.details;
          if (!Number.isInteger(workdays) || workdays < 1 || workdays > MAX_EXTENSION_WORKDAYS) {
            refuse(`延长的期限为 1–${MAX_EXTENSION_WORKDAYS} 个工作日`);
          }
          const dueBefore = dueIfStopEndsOn(event.occurredOn);
          if (event.occurredOn > dueBefore) refuse(`延期须在答复期限届满（${dueBefore}）前告知申请人，现已逾期，不能延期`);
          if (event.details.approvedOn > event.occurredOn) refuse("延期应先经负责人同意，再告知申请人：同意日期不能晚于告知日期");
          extensionUsed = true;
          extensionWorkdays = workdays;
          recordedExtensionWorkdays = workdays;
          state.extensionNotifiedOn = event.occurredOn;
          explanation.push({
            date: event.occurredOn,
            text: `经${event.details.approvedBy}同意（${event.details.approvedOn}），延长答复期限 ${workdays} 个工作日，并告知申请人。`,
          });
          break;
        }
        case "FEE_NOTICE": {
          if (state.feeNoticeOn) refuse("本案已发出过收费通知；每件申请只能采用一种计收方式发出一次收费通知");
          if (phase !== "RUNNING") refuse(`当前状态为“${phaseLabel(phase)}”，不能发出收费通知`);
          if (event.occurredOn > currentDue()) refuse(`收费通知应在答复期限（${currentDue()}）内发出`);
          if (event.details.applicantReceivedOn < event.occurredOn) refuse("申请人收到收费通知的日期不能早于发出日期");
          state.feeMethod = event.details.method ?? null;
          state.feeNoticeOn = event.occurredOn;
          state.feeAmount = event.details.amount ?? null;
          state.feePaymentDueOn = addWorkdays(calendar, event.details.applicantReceivedOn, FEE_PAYMENT_WORKDAYS);
          if (input.settings.feeStopsClock) {
            stop = { kind: "FEE", since: event.occurredOn, latestEnd: null };
            phase = "AWAITING_FEE";
          }
          explanation.push({
            date: event.occurredOn,
            text:
              `发出收费通知（${event.details.amount ? `${event.details.amount} 元` : "台账未记录金额"}），申请人应在 ${state.feePaymentDueOn} 前缴费（收到通知次日起 ${FEE_PAYMENT_WORKDAYS} 个工作日）。` +
              (input.settings.feeStopsClock ? "缴费前答复期限停止计算。" : "本机构设置为收费期间不停止计时。"),
          });
          break;
        }
        case "FEE_PAID": {
          if (!state.feeNoticeOn) refuse("本案没有发出收费通知，不能登记缴费");
          if (state.feePaidOn) refuse("本案已登记缴费");
          if (state.feePaymentDueOn && event.occurredOn > state.feePaymentDueOn) {
            refuse(`缴费期限已于 ${state.feePaymentDueOn} 届满，逾期未缴费视为放弃申请，应按“逾期未缴纳费用”办结`);
          }
          state.feePaidOn = event.occurredOn;
          state.feePaidAmount = event.details.amount ?? null;
          if (stop?.kind === "FEE") {
            const stopped = countWorkdays(calendar, stop.since, event.occurredOn);
            stoppedWorkdays += stopped;
            explanation.push({
              date: event.occurredOn,
              text: `申请人缴费${paidAmountText(event.details.amount)}：${stop.since} 次日至 ${event.occurredOn} 共 ${stopped} 个工作日不计入答复期限。`,
            });
            stop = null;
            phase = "RUNNING";
          } else {
            explanation.push({ date: event.occurredOn, text: `申请人缴费${paidAmountText(event.details.amount)}。` });
          }
          break;
        }
        case "DECISION_SERVED": {
          const derived = deriveReportedOutcome(event.details.items);
          if (!derived.ok) refuse(derived.message);
          const outcome = derived.outcome;
          if (outcome === "OTHER_NO_CORRECTION") {
            if (phase !== "AWAITING_CORRECTION") refuse("只有等待补正的案件才能按“逾期不补正”办结");
            if (state.correctionDeadlineOn && event.occurredOn <= state.correctionDeadlineOn) {
              refuse(`补正期限 ${state.correctionDeadlineOn} 尚未届满，不能按“逾期不补正”办结`);
            }
          } else if (phase === "AWAITING_CORRECTION") {
            refuse("案件正在等待补正：收到补正后才能作出答复，逾期未补正的请选择“逾期不补正”");
          }
          if (outcome === "OTHER_FEE_UNPAID") {
            if (!state.feeNoticeOn || state.feePaidOn) refuse("只有已发收费通知且未缴费的案件才能按“逾期未缴纳费用”办结");
            if (state.feePaymentDueOn && event.occurredOn <= state.feePaymentDueOn) {
              refuse(`缴费期限 ${state.feePaymentDueOn} 尚未届满，不能按“逾期未缴纳费用”办结`);
            }
          } else if (phase === "AWAITING_FEE") {
            refuse("案件正在等待缴费：缴费后才能作出答复，逾期未缴费的请选择“逾期未缴纳费用”");
          }
          if (outcome === "UNAVAILABLE_UNCLEAR_AFTER_CORRECTION" && !state.correctionReceivedOn) {
            refuse("“补正后申请内容仍不明确”只适用于已收到补正的案件");
          }
          closeStop(event.occurredOn);
          state.closedOn = event.occurredOn;
          state.outcome = outcome;
          phase = "CLOSED";
          explanation.push({ date: event.occurredOn, text: `答复送达（${event.details.serviceMethod}），案件办结。` });
          break;
        }
        case "WITHDRAWN": {
          closeStop(event.occurredOn);
          state.closedOn = event.occurredOn;
          state.outcome = "OTHER_OTHER";
          phase = "CLOSED";
          explanation.push({ date: event.occurredOn, text: "申请人撤回申请，案件办结（按“其他”统计）。" });
          break;
        }
      }
    } catch (error) {
      if (!(error instanceof EventRefused)) throw error;
      if (index >= (input.historicEventCount ?? 0)) return { ok: false, eventIndex: index, message: error.message };
      historicRefusals.push({ index, message: error.message });
      const label = CASE_EVENT_LABELS[event.type];
      const closing = forcedClosing(event);
      if (closing && phase !== "CLOSED") {
        closeStop(event.occurredOn);
        state.closedOn = event.occurredOn;
        state.outcome = closing;
        phase = "CLOSED";
        lastDate = event.occurredOn;
        explanation.push({ date: event.occurredOn, text: `${label}，案件办结（按原记录保留）。` });
      } else if (!closing) {
        recordFactsOf(event);
      }
      warnings.push(`${event.occurredOn} ${label}与办理规则不符，${closing ? "按原记录办结" : "其日期和金额照录，但不计入期限计算"}：${error.message}`);
    }
  }

  /** What a refused historic event records (dates, amounts), without its effect on the clock. */
  function recordFactsOf(event: CaseEvent) {
    switch (event.type) {
      case "CORRECTION_REQUESTED":
        state.correctionRequestedOn = event.occurredOn;
        state.correctionDeadlineOn = event.details.deadlineOn;
        break;
      case "CORRECTION_RECEIVED":
        state.correctionReceivedOn = event.occurredOn;
        break;
      case "CONSULTATION_SENT":
        state.consultationSentOn = event.occurredOn;
        state.consultationReplyDueOn = addWorkdays(calendar, event.occurredOn, CONSULTATION_WINDOW_WORKDAYS);
        break;
      case "CONSULTATION_ANSWERED":
        state.consultationAnsweredOn = event.occurredOn;
        break;
      case "EXTENSION":
        state.extensionNotifiedOn = event.occurredOn;
        recordedExtensionWorkdays = event.details.workdays;
        extensionUsed = true;
        break;
      case "FEE_NOTICE":
        state.feeMethod = event.details.method ?? null;
        state.feeNoticeOn = event.occurredOn;
        state.feeAmount = event.details.amount ?? null;
        state.feePaymentDueOn = addWorkdays(calendar, event.details.applicantReceivedOn, FEE_PAYMENT_WORKDAYS);
        break;
      case "FEE_PAID":
        state.feePaidOn = event.occurredOn;
        state.feePaidAmount = event.details.amount ?? null;
        break;
      case "DECISION_SERVED":
      case "WITHDRAWN":
        break;
    }
  }

  /** The due date if the running stop (if any) ended on `date`. */
  function dueIfStopEndsOn(date: IsoDate): IsoDate {
    if (!stop) return currentDue();
    const end = stop.latestEnd && date > stop.latestEnd ? stop.latestEnd : date;
    return addWorkdays(calendar, periodStartOn, allowed() + countWorkdays(calendar, stop.since, end));
  }

  function closeStop(date: IsoDate) {
    if (!stop) return;
    const end = stop.latestEnd && date > stop.latestEnd ? stop.latestEnd : date;
    stoppedWorkdays += countWorkdays(calendar, stop.since, end);
    stop = null;
  }

  const open = phase !== "CLOSED";
  const clockStopped = phase === "AWAITING_CORRECTION" || stop !== null;
  // A case closed for a lapsed 补正 never had a running reply period after the notice.
  const dueOn = clockStopped || state.outcome === "OTHER_NO_CORRECTION" ? null : currentDue();
  const dueOnIfResumedToday = phase === "AWAITING_CORRECTION" ? null : dueIfStopEndsOn(today);
  const horizon = dueOn ?? dueOnIfResumedToday ?? addWorkdays(calendar, today, REPLY_WORKDAYS);
  const unconfirmedYears = open ? unconfirmedYearsBetween(calendar, periodStartOn, horizon) : [];

  if (dueOn) {
    explanation.push({
      date: dueOn,
      text: describeDue(calendar, periodStartOn, dueOn, allowed(), stoppedWorkdays, extensionWorkdays),
    });
  } else if (phase === "AWAITING_CORRECTION") {
    explanation.push({ date: today, text: "等待申请人补正：答复期限暂停，收到补正后重新计算 20 个工作日。" });
  } else if (stop && dueOnIfResumedToday) {
    explanation.push({
      date: today,
      text: `答复期限暂停中。若今天恢复计时，截止日期为 ${dueOnIfResumedToday}。`,
    });
  }
  if (unconfirmedYears.length > 0) {
    warnings.push(`${unconfirmedYears.join("、")} 年的节假日安排尚未确认，截止日期为暂定，官方安排发布后自动重算`);
  }

  return {
    ok: true,
    projection: {
      status: open ? "OPEN" : "CLOSED",
      clockPhase: phase,
      dueOn,
      dueOnIfResumedToday: open ? dueOnIfResumedToday : null,
      dueIsProvisional: unconfirmedYears.length > 0,
      unconfirmedYears,
      periodStartOn,
      workdaysAllowed: allowed(),
      correctionNoticeDueOn: state.correctionRequestedOn || !open ? null : correctionNoticeDueOn,
      ...state,
      extensionWorkdays: recordedExtensionWorkdays,
      explanation,
      warnings,
      historicRefusals,
    },
  };
}

/** The outcome a refused historic closing is kept with, or null when the event does not close. */
function forcedClosing(event: CaseEvent): Outcome | null {
  if (event.type === "WITHDRAWN") return "OTHER_OTHER";
  if (event.type !== "DECISION_SERVED") return null;
  const derived = deriveReportedOutcome(event.details.items);
  return derived.ok ? derived.outcome : null;
}

function phaseLabel(phase: ClockPhase): string {
  return { RUNNING: "办理中", AWAITING_CORRECTION: "等待补正", CONSULTING: "征求意见中", AWAITING_FEE: "等待缴费", CLOSED: "已办结" }[phase];
}

/** The closing line of the explanation: how many working days, which non-working days were skipped. */
/** " 450.00 元", or a note where an imported notice's amount was not recorded. */
function paidAmountText(amount: string | undefined): string {
  return amount ? ` ${amount} 元` : "（台账未记录金额）";
}

function describeDue(
  calendar: WorkCalendar,
  start: IsoDate,
  due: IsoDate,
  allowedWorkdays: number,
  stoppedWorkdays: number,
  extensionWorkdays: number | null,
): string {
  const parts = [`${REPLY_WORKDAYS} 个工作日`];
  if (stoppedWorkdays > 0) parts.push(`停止计时的 ${stoppedWorkdays} 个工作日`);
  if (extensionWorkdays) parts.push(`延长的 ${extensionWorkdays} 个工作日`);
  const holidays: IsoDate[] = [];
  const provisionalHolidays: IsoDate[] = [];
  const makeUpDays: IsoDate[] = [];
  for (let date = addCalendarDays(start, 1); date <= due; date = addCalendarDays(date, 1)) {
    const override = calendar.overrides.get(date);
    if (override === "HOLIDAY") holidays.push(date);
    if (override === "WORKDAY" && isWorkday(calendar, date)) makeUpDays.push(date);
    if (provisionalHolidayOn(calendar, date)) provisionalHolidays.push(date);
  }
  let text = `截止日期 ${due}：自 ${start} 次日起第 ${allowedWorkdays} 个工作日（${parts.join(" + ")}），周末不计`;
  if (holidays.length > 0) text += `；跳过法定节假日 ${summarizeDates(holidays)}`;
  if (provisionalHolidays.length > 0) text += `；跳过暂定的法定节假日 ${summarizeDates(provisionalHolidays)}（该年官方安排未确认，按放假办法计）`;
  if (makeUpDays.length > 0) text += `；计入调休上班日 ${makeUpDays.join("、")}`;
  return `${text}。`;
}

/** "2026-02-16 至 2026-02-20、2026-02-23" */
function summarizeDates(dates: IsoDate[]): string {
  const ranges: string[] = [];
  let first = dates[0]!;
  let previous = first;
  const flush = () => ranges.push(first === previous ? first : `${first} 至 ${previous}`);
  for (const date of dates.slice(1)) {
    if (date === addCalendarDays(previous, 1)) {
      previous = date;
      continue;
    }
    flush();
    first = date;
    previous = date;
  }
  flush();
  return ranges.join("、");
}

/**
 * The last due date that is "due soon" today: exactly the dates with at most DUE_SOON_WORKDAYS working
 * days left (dueStatus) — for a working-day due date that is d ≤ addWorkdays(today, 5), and it also keeps
 * a (rare) due date on the weekend or holiday right after it. The case list's `due=soon` filter, the
 * dashboard and the alerts all use it.
 */
export function lastDueSoonDate(calendar: WorkCalendar, today: IsoDate): IsoDate {
  return addCalendarDays(addWorkdays(calendar, today, DUE_SOON_WORKDAYS + 1), -1);
}

export type DueStatus = "CLOSED" | "STOPPED" | "OVERDUE" | "DUE_SOON" | "ON_TRACK";

/** Due-soon: 5 working days or fewer left; overdue: past the due date and not closed (rules.md §4). */
export function dueStatus(
  projection: Pick<CaseProjection, "status" | "dueOn">,
  calendar: WorkCalendar,
  today: IsoDate,
): { status: DueStatus; workdaysLeft: number | null } {
  if (projection.status === "CLOSED") return { status: "CLOSED", workdaysLeft: null };
  if (!projection.dueOn) return { status: "STOPPED", workdaysLeft: null };
  if (today > projection.dueOn) return { status: "OVERDUE", workdaysLeft: -countWorkdays(calendar, projection.dueOn, today) };
  const left = countWorkdays(calendar, today, projection.dueOn);
  return { status: left <= DUE_SOON_WORKDAYS ? "DUE_SOON" : "ON_TRACK", workdaysLeft: left };
}

/** The steps that may be recorded next, for the buttons on the case page (the server checks again). */
export function availableSteps(projection: CaseProjection): CaseEvent["type"][] {
  switch (projection.clockPhase) {
    case "CLOSED":
      return [];
    case "AWAITING_CORRECTION":
      return ["CORRECTION_RECEIVED", "DECISION_SERVED", "WITHDRAWN"];
    case "CONSULTING":
      return ["CONSULTATION_ANSWERED", ...(projection.extensionNotifiedOn ? [] : (["EXTENSION"] as const)), "DECISION_SERVED", "WITHDRAWN"];
    case "AWAITING_FEE":
      return ["FEE_PAID", ...(projection.extensionNotifiedOn ? [] : (["EXTENSION"] as const)), "DECISION_SERVED", "WITHDRAWN"];
    case "RUNNING":
      return [
        ...(projection.correctionRequestedOn ? [] : (["CORRECTION_REQUESTED"] as const)),
        "CONSULTATION_SENT",
        ...(projection.extensionNotifiedOn ? [] : (["EXTENSION"] as const)),
        ...(projection.feeNoticeOn ? [] : (["FEE_NOTICE"] as const)),
        "DECISION_SERVED",
        "WITHDRAWN",
      ];
  }
}
