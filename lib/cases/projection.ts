// The statutory clock as a ledger (rules.md §4): a pure function of the receipt date, the events, the
// calendar, the organization's settings and `today` gives the case's state, its due date and the
// explanation of that date ("为什么是这一天"). It also refuses an event that does not fit the case's
// state, with a Chinese message. Nothing here reads the clock or the database.
// Each kind of event's own rules are its entry in lib/cases/event-handlers.ts; this file checks what
// every event must satisfy (its date, an open case), reads the events in order, and states the result.
import type { CaseEventType, ClockPhase, Outcome } from "@prisma/client";
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
import { Clock, DUE_SOON_WORKDAYS, EventRefused, REPLY_WORKDAYS, refuse, stoppedWorkdaysOf, type CaseFacts } from "./clock";
import { EVENT_HANDLERS, EVENT_KINDS, type CaseEventOf, type EventHandler, type EventPlace } from "./event-handlers";
import { CASE_EVENT_LABELS } from "./labels";

export {
  CONSULTATION_WINDOW_WORKDAYS,
  CORRECTION_NOTICE_WORKDAYS,
  DUE_SOON_WORKDAYS,
  REPLY_WORKDAYS,
} from "./clock";

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

/** One consultation (Art. 32, 34) as the clock saw it. */
export interface ConsultationView {
  /** The consultation's key (CONSULTATION_SENT details.key), or "#n" for one recorded without (n: its event's index). */
  key: string;
  party: "THIRD_PARTY" | "AGENCY";
  partyName: string;
  sentOn: IsoDate;
  partyReceivedOn: IsoDate | null;
  /** The end of the 15-working-day window (from the party's receipt when recorded, otherwise from sending). */
  replyDueOn: IsoDate;
  answeredOn: IsoDate | null;
}

/** The clock for today, with what the case records (CaseFacts, lib/cases/clock.ts). */
export interface CaseProjection extends CaseFacts {
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
  /** The 补正 notice went out after the 7-working-day limit: it stopped the clock but does not restart it. */
  correctionNoticeLate: boolean;
  /** The first consultation's sending date. */
  consultationSentOn: IsoDate | null;
  /** The last answer, once no consultation is under way. */
  consultationAnsweredOn: IsoDate | null;
  /** While consultations are under way, the earliest end of their windows; afterwards the last one's. */
  consultationReplyDueOn: IsoDate | null;
  consultations: ConsultationView[];
  extensionWorkdays: number | null;
  explanation: ExplanationLine[];
  warnings: string[];
  /** Historic events that broke a rule and were kept as warnings (see historicEventCount). */
  historicRefusals: { index: number; message: string }[];
}

export type ProjectionResult =
  | { ok: true; projection: CaseProjection }
  | { ok: false; eventIndex: number; message: string };

export function projectCase(input: ProjectionInput): ProjectionResult {
  const { calendar, receivedOn, today } = input;
  const clock = new Clock({ receivedOn, calendar, settings: input.settings, today, historicEventCount: input.historicEventCount ?? 0 });
  clock.explain(receivedOn, `收到申请（法定收到日期）。自次日起计算 ${REPLY_WORKDAYS} 个工作日。`);

  const historicRefusals: { index: number; message: string }[] = [];
  let lastDate = receivedOn;
  for (const [index, event] of input.events.entries()) {
    try {
      const label = CASE_EVENT_LABELS[event.type];
      if (event.occurredOn < receivedOn) refuse(`${label}的日期 ${event.occurredOn} 早于收到申请日期 ${receivedOn}`);
      if (event.occurredOn > today) refuse(`${label}的日期 ${event.occurredOn} 晚于今天（${today}），不能预先登记`);
      if (event.occurredOn < lastDate) refuse(`${label}的日期 ${event.occurredOn} 早于上一步骤的日期 ${lastDate}，请按发生顺序登记`);
      if (clock.phase === "CLOSED") refuse(`案件已于 ${clock.facts.closedOn} 办结，不能再登记${label}`);
      lastDate = event.occurredOn;
      checkAndApply(event, clock, { index });
    } catch (error) {
      if (!(error instanceof EventRefused)) throw error;
      if (!clock.isHistoric(index)) return { ok: false, eventIndex: index, message: error.message };
      historicRefusals.push({ index, message: error.message });
      const label = CASE_EVENT_LABELS[event.type];
      const closing = keptClosingOf(event);
      if (closing && clock.phase !== "CLOSED") {
        clock.close(event.occurredOn, closing);
        lastDate = event.occurredOn;
        clock.explain(event.occurredOn, `${label}，案件办结（按原记录保留）。`);
      } else if (!closing) {
        recordFacts(event, clock, { index });
      }
      clock.warnings.push(`${event.occurredOn} ${label}与办理规则不符，${closing ? "按原记录办结" : "其日期和金额照录，但不计入期限计算"}：${error.message}`);
    }
  }

  const { phase, stops, facts, consultations, explanation, warnings, periodStartOn } = clock;
  const open = phase !== "CLOSED";
  const lateCorrectionRunning = clock.runningStop("LATE_CORRECTION") !== undefined;
  const clockStopped = phase === "AWAITING_CORRECTION" || stops.some((stop) => stop.end === null);
  // A case closed for a lapsed 补正 never had a running reply period after the notice.
  const dueOn = clockStopped || facts.outcome === "OTHER_NO_CORRECTION" ? null : clock.currentDue();
  const dueOnIfResumedToday = phase === "AWAITING_CORRECTION" && !lateCorrectionRunning ? null : clock.dueIfStopEndsOn(today);
  const horizon = dueOn ?? dueOnIfResumedToday ?? addWorkdays(calendar, today, REPLY_WORKDAYS);
  const unconfirmedYears = open ? unconfirmedYearsBetween(calendar, periodStartOn, horizon) : [];
  const stoppedWorkdays = stoppedWorkdaysOf(calendar, stops, null);

  if (dueOn) {
    clock.explain(dueOn, describeDue(calendar, periodStartOn, dueOn, clock.allowed(), stoppedWorkdays, clock.extensionWorkdays));
  } else if (phase === "AWAITING_CORRECTION" && !lateCorrectionRunning) {
    clock.explain(today, "等待申请人补正：答复期限暂停，收到补正后重新计算 20 个工作日。");
  } else if (open && dueOnIfResumedToday) {
    clock.explain(
      today,
      (lateCorrectionRunning ? "等待申请人补正（补正告知逾期发出）：答复期限暂停，收到补正后继续计算原期限。" : "答复期限暂停中。") +
        `若今天恢复计时，截止日期为 ${dueOnIfResumedToday}。`,
    );
  }
  if (unconfirmedYears.length > 0) {
    warnings.push(`${unconfirmedYears.join("、")} 年的节假日安排尚未确认，截止日期为暂定，官方安排发布后自动重算`);
  }

  const stillConsulting = consultations.filter((consultation) => consultation.counted && consultation.answeredOn === null && open);
  const lastOf = (dates: (IsoDate | null)[]) => dates.reduce<IsoDate | null>((latest, date) => (date && (!latest || date > latest) ? date : latest), null);
  const firstOf = (dates: IsoDate[]) => dates.reduce<IsoDate | null>((earliest, date) => (!earliest || date < earliest ? date : earliest), null);
  const everyAnswered = consultations.length > 0 && consultations.every((consultation) => consultation.answeredOn !== null);

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
      workdaysAllowed: clock.allowed(),
      correctionNoticeDueOn: facts.correctionRequestedOn || !open ? null : clock.correctionNoticeDueOn,
      correctionNoticeLate: clock.correctionNoticeLate,
      ...facts,
      consultationSentOn: firstOf(consultations.map((consultation) => consultation.sentOn)),
      consultationAnsweredOn: everyAnswered ? lastOf(consultations.map((consultation) => consultation.answeredOn)) : null,
      consultationReplyDueOn:
        stillConsulting.length > 0
          ? firstOf(stillConsulting.map((consultation) => consultation.replyDueOn))
          : lastOf(consultations.map((consultation) => consultation.replyDueOn)),
      consultations: consultations.map(({ counted: _counted, ...view }) => view),
      extensionWorkdays: clock.recordedExtensionWorkdays,
      explanation,
      warnings,
      historicRefusals,
    },
  };
}

/** The event's own rules (its entry in EVENT_HANDLERS): refuse it, or record it and move the clock. */
function checkAndApply<Type extends CaseEventType>(event: CaseEventOf<Type>, clock: Clock, place: EventPlace) {
  const handler: EventHandler<Type> = EVENT_HANDLERS[event.type as Type];
  handler.apply(event, clock, handler.check(event, clock, place), place);
}

/** What a refused historic event records (dates, amounts), without its effect on the clock. */
function recordFacts<Type extends CaseEventType>(event: CaseEventOf<Type>, clock: Clock, place: EventPlace) {
  const handler: EventHandler<Type> = EVENT_HANDLERS[event.type as Type];
  handler.facts(event, clock, place);
}

/** The outcome a refused historic closing is kept with, or null when the event does not close. */
function keptClosingOf<Type extends CaseEventType>(event: CaseEventOf<Type>): Outcome | null {
  const handler: EventHandler<Type> = EVENT_HANDLERS[event.type as Type];
  return handler.keptClosing?.(event) ?? null;
}

/** The closing line of the explanation: how many working days, which non-working days were skipped. */
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

/**
 * The steps that may be recorded next, for the buttons on the case page (the server checks again):
 * each kind's `offered` in lib/cases/event-handlers.ts, in the table's order, the step that ends the
 * case's current wait (补正, 征求意见, 缴费) first.
 */
export function availableSteps(projection: CaseProjection): CaseEvent["type"][] {
  const offered = EVENT_KINDS.filter((type) => EVENT_HANDLERS[type].offered(projection));
  const endingWait = offered.filter((type) => EVENT_HANDLERS[type].endsWait === projection.clockPhase);
  return [...endingWait, ...offered.filter((type) => !endingWait.includes(type))];
}
