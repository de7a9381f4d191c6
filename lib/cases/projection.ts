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
  /** The 补正 notice went out after the 7-working-day limit: it stopped the clock but does not restart it. */
  correctionNoticeLate: boolean;
  correctionDeadlineOn: IsoDate | null;
  correctionReceivedOn: IsoDate | null;
  /** The first consultation's sending date. */
  consultationSentOn: IsoDate | null;
  /** The last answer, once no consultation is under way. */
  consultationAnsweredOn: IsoDate | null;
  /** While consultations are under way, the earliest end of their windows; afterwards the last one's. */
  consultationReplyDueOn: IsoDate | null;
  consultations: ConsultationView[];
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

/**
 * A period in which the clock does not run: the working days after `since` through its end (the reply,
 * the payment, the supplement after a late notice), at most through `latestEnd`. Several may overlap
 * (consultations run at once): the days stopped are their union, each day counted once.
 */
interface Stop {
  kind: "CONSULTATION" | "FEE" | "LATE_CORRECTION";
  since: IsoDate;
  /** Null while the stop runs. */
  end: IsoDate | null;
  /** Consultation: the end of the 15-working-day window, when the stop ends at the latest. */
  latestEnd: IsoDate | null;
  /** Consultation: its key. */
  key: string | null;
}

interface ConsultationRecord extends ConsultationView {
  /** False for a consultation kept only as recorded history (it did not stop the clock). */
  counted: boolean;
}

class EventRefused extends Error {}

function refuse(message: string): never {
  throw new EventRefused(message);
}

/** Working days in the union of the periods (since, end]; a running stop counts up to `asOf` (left out when null). */
function stoppedWorkdaysOf(calendar: WorkCalendar, stops: readonly Stop[], asOf: IsoDate | null): number {
  const ranges: [IsoDate, IsoDate][] = [];
  for (const stop of stops) {
    let end = stop.end ?? asOf;
    if (end === null) continue;
    if (stop.latestEnd && end > stop.latestEnd) end = stop.latestEnd;
    if (end > stop.since) ranges.push([stop.since, end]);
  }
  ranges.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let total = 0;
  let current: [IsoDate, IsoDate] | null = null;
  for (const range of ranges) {
    if (current && range[0] <= current[1]) {
      if (range[1] > current[1]) current[1] = range[1];
      continue;
    }
    if (current) total += countWorkdays(calendar, current[0], current[1]);
    current = [range[0], range[1]];
  }
  if (current) total += countWorkdays(calendar, current[0], current[1]);
  return total;
}

export function projectCase(input: ProjectionInput): ProjectionResult {
  const { calendar, receivedOn, today } = input;
  const explanation: ExplanationLine[] = [];
  const warnings: string[] = [];

  let periodStartOn = receivedOn;
  /** The stops of the current period (a supplement after a timely notice starts a new period without them). */
  let stops: Stop[] = [];
  /** The extension counted in the current period. */
  let extensionWorkdays: number | null = null;
  /** The extension as recorded (for the ledger and the report), whether or not the clock counts it. */
  let recordedExtensionWorkdays: number | null = null;
  let extensionUsed = false;
  let phase: ClockPhase = "RUNNING";
  let correctionNoticeLate = false;
  const consultations: ConsultationRecord[] = [];
  const state = {
    correctionRequestedOn: null as IsoDate | null,
    correctionDeadlineOn: null as IsoDate | null,
    correctionReceivedOn: null as IsoDate | null,
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
  /** Working days allowed with the stops that have ended (and, with `asOf`, the running ones through that day). */
  const allowed = (asOf: IsoDate | null = null) => REPLY_WORKDAYS + stoppedWorkdaysOf(calendar, stops, asOf) + (extensionWorkdays ?? 0);
  const currentDue = () => addWorkdays(calendar, periodStartOn, allowed());
  /** The due date if the running stops (if any) ended on `date`. */
  const dueIfStopEndsOn = (date: IsoDate) => addWorkdays(calendar, periodStartOn, allowed(date));
  const runningStop = (kind: Stop["kind"]) => stops.find((stop) => stop.kind === kind && stop.end === null);
  const openConsultations = () => consultations.filter((consultation) => consultation.counted && consultation.answeredOn === null && stops.some((stop) => stop.key === consultation.key && stop.end === null));

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
          const { deadlineOn, lateReason } = event.details;
          if (deadlineOn !== null && deadlineOn <= event.occurredOn) refuse("补正期限应晚于补正告知日期");
          const due = currentDue();
          if (event.occurredOn > due) {
            refuse(`答复期限已于 ${due} 届满，不能再发出补正告知：逾期的申请应尽快答复，补正告知不能延长已经届满的期限`);
          }
          const late = event.occurredOn > correctionNoticeDueOn;
          if (late && !lateReason) {
            refuse(
              `补正告知应在收到申请后 ${CORRECTION_NOTICE_WORKDAYS} 个工作日内（${correctionNoticeDueOn} 前）发出；` +
                `${event.occurredOn} 已超过该期限，须写明逾期告知的理由。逾期的补正告知只停止计时，不重新计算答复期限`,
            );
          }
          state.correctionRequestedOn = event.occurredOn;
          state.correctionDeadlineOn = deadlineOn;
          phase = "AWAITING_CORRECTION";
          const period = deadlineOn ? `补正期限至 ${deadlineOn}` : "补正期限未记录（台账导入）";
          if (late) {
            correctionNoticeLate = true;
            stops.push({ kind: "LATE_CORRECTION", since: event.occurredOn, end: null, latestEnd: null, key: null });
            warnings.push(
              `逾期补正告知：补正告知于 ${event.occurredOn} 发出，超过收到申请后 ${CORRECTION_NOTICE_WORKDAYS} 个工作日的期限（${correctionNoticeDueOn}），理由：${lateReason}。答复期限只停止计算，不重新计算`,
            );
            explanation.push({
              date: event.occurredOn,
              text: `发出补正告知（逾期发出，超过 ${correctionNoticeDueOn}），${period}。答复期限停止计算；收到补正后继续计算原期限，不重新计算 ${REPLY_WORKDAYS} 个工作日。`,
            });
          } else {
            explanation.push({
              date: event.occurredOn,
              text: `发出补正告知，${period}。答复期限停止计算，自收到补正之日重新计算。`,
            });
          }
          break;
        }
        case "CORRECTION_RECEIVED": {
          if (phase !== "AWAITING_CORRECTION") refuse("本案没有等待中的补正告知，不能登记收到补正");
          state.correctionReceivedOn = event.occurredOn;
          phase = "RUNNING";
          const lateStop = runningStop("LATE_CORRECTION");
          if (lateStop) {
            lateStop.end = event.occurredOn;
            const stopped = countWorkdays(calendar, lateStop.since, event.occurredOn);
            explanation.push({
              date: event.occurredOn,
              text: `收到补正后的申请。补正告知逾期发出，答复期限不重新计算：${lateStop.since} 次日至 ${event.occurredOn} 共 ${stopped} 个工作日不计入答复期限。`,
            });
          } else {
            periodStartOn = event.occurredOn;
            stops = [];
            // The supplemented application starts a new period; an earlier extension belonged to the old one.
            extensionWorkdays = null;
            explanation.push({
              date: event.occurredOn,
              text: `收到补正后的申请。答复期限重新计算：自次日起 ${REPLY_WORKDAYS} 个工作日。`,
            });
          }
          break;
        }
        case "CONSULTATION_SENT": {
          if (phase !== "RUNNING" && phase !== "CONSULTING") refuse(`当前状态为“${phaseLabel(phase)}”，不能发出征求意见`);
          const dueThen = dueIfStopEndsOn(event.occurredOn);
          if (event.occurredOn > dueThen) refuse(`答复期限已于 ${dueThen} 届满，征求意见不能再延后答复期限`);
          const { partyReceivedOn } = event.details;
          if (partyReceivedOn && partyReceivedOn < event.occurredOn) refuse("对方收到征求意见的日期不能早于发出日期");
          if (partyReceivedOn && partyReceivedOn > today) refuse(`对方收到征求意见的日期 ${partyReceivedOn} 晚于今天（${today}）`);
          const key = event.details.key ?? `#${index}`;
          if (consultations.some((consultation) => consultation.key === key)) refuse("征求意见编号重复，请重新登记");
          const latestEnd = addWorkdays(calendar, partyReceivedOn ?? event.occurredOn, CONSULTATION_WINDOW_WORKDAYS);
          stops.push({ kind: "CONSULTATION", since: event.occurredOn, end: null, latestEnd, key });
          consultations.push({ ...consultationOf(event, key, latestEnd), counted: true });
          const alreadyOpen = openConsultations().length - 1;
          phase = "CONSULTING";
          const party = event.details.party === "THIRD_PARTY" ? "第三方" : "其他机关";
          const window = partyReceivedOn
            ? `对方于 ${partyReceivedOn} 收到，应在 ${latestEnd} 前答复（自收到之日起 ${CONSULTATION_WINDOW_WORKDAYS} 个工作日）`
            : `对方应在 ${latestEnd} 前答复（${CONSULTATION_WINDOW_WORKDAYS} 个工作日）`;
          explanation.push({
            date: event.occurredOn,
            text:
              `向${party}（${event.details.partyName}）征求意见，答复期限停止计算；${window}。` +
              (alreadyOpen > 0 ? `同时进行的征求意见共 ${alreadyOpen + 1} 项，停止计时的日期重叠的只计一次。` : ""),
          });
          break;
        }
        case "CONSULTATION_ANSWERED": {
          const open = openConsultations();
          if (open.length === 0) refuse("本案没有进行中的征求意见，不能登记意见答复");
          const historic = index < (input.historicEventCount ?? 0);
          const { consultationKey } = event.details;
          let consultation: ConsultationRecord | undefined;
          if (consultationKey) {
            consultation = open.find((candidate) => candidate.key === consultationKey);
            if (!consultation) refuse("所选的征求意见不在进行中（可能已登记答复），请刷新后重新选择");
          } else if (open.length === 1 || historic) {
            consultation = open[0];
          } else {
            refuse(`本案有 ${open.length} 项进行中的征求意见，请选择收到的是哪一项的答复`);
          }
          const found = consultation!;
          const stop = stops.find((candidate) => candidate.key === found.key && candidate.end === null)!;
          const before = stoppedWorkdaysOf(calendar, stops, null);
          stop.end = event.occurredOn;
          const after = stoppedWorkdaysOf(calendar, stops, null);
          found.answeredOn = event.occurredOn;
          const end = stop.latestEnd && event.occurredOn > stop.latestEnd ? stop.latestEnd : event.occurredOn;
          const stopped = countWorkdays(calendar, stop.since, end);
          const overlap = stopped - (after - before);
          explanation.push({
            date: event.occurredOn,
            text:
              `${event.details.windowExpired ? "征求意见期满未答复" : "收到意见答复"}（${found.partyName}）：${stop.since} 次日至 ${end} 共 ${stopped} 个工作日不计入答复期限` +
              (overlap > 0 ? `，其中 ${overlap} 个工作日与其他停止计时的期间重叠，只计一次。` : "。"),
          });
          if (openConsultations().length === 0) phase = "RUNNING";
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
          // An imported notice may lack its amount (the ledger left it empty): a recorded amount is above 0.
          if (event.details.amount !== undefined && !(Number(event.details.amount) > 0)) {
            refuse("收费金额须大于 0 元：按规定应收 0 元的（每月前 10 件申请，或 30 页以下），无需发出收费通知，也不停止计时");
          }
          if (event.occurredOn > currentDue()) refuse(`收费通知应在答复期限（${currentDue()}）内发出`);
          if (event.details.applicantReceivedOn < event.occurredOn) refuse("申请人收到收费通知的日期不能早于发出日期");
          state.feeMethod = event.details.method ?? null;
          state.feeNoticeOn = event.occurredOn;
          state.feeAmount = event.details.amount ?? null;
          state.feePaymentDueOn = addWorkdays(calendar, event.details.applicantReceivedOn, FEE_PAYMENT_WORKDAYS);
          if (input.settings.feeStopsClock) {
            stops.push({ kind: "FEE", since: event.occurredOn, end: null, latestEnd: null, key: null });
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
          const feeStop = runningStop("FEE");
          if (feeStop) {
            feeStop.end = event.occurredOn;
            const stopped = countWorkdays(calendar, feeStop.since, event.occurredOn);
            explanation.push({
              date: event.occurredOn,
              text: `申请人缴费${paidAmountText(event.details.amount)}：${feeStop.since} 次日至 ${event.occurredOn} 共 ${stopped} 个工作日不计入答复期限。`,
            });
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
          closeStops(event.occurredOn);
          state.closedOn = event.occurredOn;
          state.outcome = outcome;
          phase = "CLOSED";
          explanation.push({ date: event.occurredOn, text: `答复送达（${event.details.serviceMethod}），案件办结。` });
          break;
        }
        case "WITHDRAWN": {
          closeStops(event.occurredOn);
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
        closeStops(event.occurredOn);
        state.closedOn = event.occurredOn;
        state.outcome = closing;
        phase = "CLOSED";
        lastDate = event.occurredOn;
        explanation.push({ date: event.occurredOn, text: `${label}，案件办结（按原记录保留）。` });
      } else if (!closing) {
        recordFactsOf(event, index);
      }
      warnings.push(`${event.occurredOn} ${label}与办理规则不符，${closing ? "按原记录办结" : "其日期和金额照录，但不计入期限计算"}：${error.message}`);
    }
  }

  /** What a refused historic event records (dates, amounts), without its effect on the clock. */
  function recordFactsOf(event: CaseEvent, index: number) {
    switch (event.type) {
      case "CORRECTION_REQUESTED":
        state.correctionRequestedOn = event.occurredOn;
        state.correctionDeadlineOn = event.details.deadlineOn;
        break;
      case "CORRECTION_RECEIVED":
        state.correctionReceivedOn = event.occurredOn;
        break;
      case "CONSULTATION_SENT": {
        const key = event.details.key ?? `#${index}`;
        const latestEnd = addWorkdays(calendar, event.details.partyReceivedOn ?? event.occurredOn, CONSULTATION_WINDOW_WORKDAYS);
        consultations.push({ ...consultationOf(event, key, latestEnd), counted: false });
        break;
      }
      case "CONSULTATION_ANSWERED": {
        const unanswered = consultations.filter((consultation) => consultation.answeredOn === null);
        const answered = unanswered.find((consultation) => consultation.key === event.details.consultationKey) ?? unanswered[0];
        if (answered) answered.answeredOn = event.occurredOn;
        break;
      }
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

  /** Closing the case ends every running stop on that day. */
  function closeStops(date: IsoDate) {
    for (const stop of stops) if (stop.end === null) stop.end = date;
  }

  const open = phase !== "CLOSED";
  const lateCorrectionRunning = runningStop("LATE_CORRECTION") !== undefined;
  const clockStopped = phase === "AWAITING_CORRECTION" || stops.some((stop) => stop.end === null);
  // A case closed for a lapsed 补正 never had a running reply period after the notice.
  const dueOn = clockStopped || state.outcome === "OTHER_NO_CORRECTION" ? null : currentDue();
  const dueOnIfResumedToday = phase === "AWAITING_CORRECTION" && !lateCorrectionRunning ? null : dueIfStopEndsOn(today);
  const horizon = dueOn ?? dueOnIfResumedToday ?? addWorkdays(calendar, today, REPLY_WORKDAYS);
  const unconfirmedYears = open ? unconfirmedYearsBetween(calendar, periodStartOn, horizon) : [];
  const stoppedWorkdays = stoppedWorkdaysOf(calendar, stops, null);

  if (dueOn) {
    explanation.push({
      date: dueOn,
      text: describeDue(calendar, periodStartOn, dueOn, allowed(), stoppedWorkdays, extensionWorkdays),
    });
  } else if (phase === "AWAITING_CORRECTION" && !lateCorrectionRunning) {
    explanation.push({ date: today, text: "等待申请人补正：答复期限暂停，收到补正后重新计算 20 个工作日。" });
  } else if (open && dueOnIfResumedToday) {
    explanation.push({
      date: today,
      text:
        (lateCorrectionRunning ? "等待申请人补正（补正告知逾期发出）：答复期限暂停，收到补正后继续计算原期限。" : "答复期限暂停中。") +
        `若今天恢复计时，截止日期为 ${dueOnIfResumedToday}。`,
    });
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
      workdaysAllowed: allowed(),
      correctionNoticeDueOn: state.correctionRequestedOn || !open ? null : correctionNoticeDueOn,
      correctionNoticeLate,
      ...state,
      consultationSentOn: firstOf(consultations.map((consultation) => consultation.sentOn)),
      consultationAnsweredOn: everyAnswered ? lastOf(consultations.map((consultation) => consultation.answeredOn)) : null,
      consultationReplyDueOn:
        stillConsulting.length > 0
          ? firstOf(stillConsulting.map((consultation) => consultation.replyDueOn))
          : lastOf(consultations.map((consultation) => consultation.replyDueOn)),
      consultations: consultations.map(({ counted: _counted, ...view }) => view),
      extensionWorkdays: recordedExtensionWorkdays,
      explanation,
      warnings,
      historicRefusals,
    },
  };
}

function consultationOf(event: Extract<CaseEvent, { type: "CONSULTATION_SENT" }>, key: string, replyDueOn: IsoDate): ConsultationView {
  return {
    key,
    party: event.details.party,
    partyName: event.details.partyName,
    sentOn: event.occurredOn,
    partyReceivedOn: event.details.partyReceivedOn ?? null,
    replyDueOn,
    answeredOn: null,
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
      return [
        "CONSULTATION_ANSWERED",
        "CONSULTATION_SENT",
        ...(projection.extensionNotifiedOn ? [] : (["EXTENSION"] as const)),
        "DECISION_SERVED",
        "WITHDRAWN",
      ];
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
