// What each kind of case event does to the statutory clock (rules.md §4), one entry per kind:
//   check   refuses the event, with a Chinese message, when it does not fit the case's state
//           (the date rules common to every event are checked before, in lib/cases/projection.ts);
//   apply   records the event and changes the clock: phase, stops, period, explanation line;
//   facts   what a refused historic event still records (its dates and amounts, no effect on the clock);
//   keptClosing  for an event that closes the case: the outcome a refused historic one is kept with;
//   offered whether the case page offers the step next (its button; the server checks again);
//   endsWait     the waiting phase the event ends: offered first while the case waits there.
// The table's type makes it cover every CaseEventType: adding a kind is adding an entry here (and its
// label, its details' shape and its schema: see docs/decisions/0092-the-clock-as-a-handler-table.md).
import type { CaseEventType, ClockPhase, Outcome } from "@prisma/client";
import { addWorkdays, countWorkdays, type IsoDate } from "../calendar/workdays";
import type { CaseEvent } from "./case-events";
import {
  CONSULTATION_WINDOW_WORKDAYS,
  CORRECTION_NOTICE_WORKDAYS,
  FEE_PAYMENT_WORKDAYS,
  MAX_EXTENSION_WORKDAYS,
  REPLY_WORKDAYS,
  phaseLabel,
  refuse,
  stoppedWorkdaysOf,
  type Clock,
  type ConsultationRecord,
} from "./clock";
import { deriveReportedOutcome } from "./outcome";
import type { CaseProjection, ConsultationView } from "./projection";

export type CaseEventOf<Type extends CaseEventType> = Extract<CaseEvent, { type: Type }>;

/** What an event's check found, handed to its apply (nothing for most kinds). */
interface CheckedByType {
  CORRECTION_REQUESTED: { late: boolean };
  CORRECTION_RECEIVED: void;
  CONSULTATION_SENT: { key: string };
  CONSULTATION_ANSWERED: { consultation: ConsultationRecord };
  EXTENSION: void;
  FEE_NOTICE: void;
  FEE_PAID: void;
  DECISION_SERVED: { outcome: Outcome };
  WITHDRAWN: void;
}

/** The event's place in the case: its index among the events (consultation keys, kept history). */
export interface EventPlace {
  index: number;
}

export interface EventHandler<Type extends CaseEventType> {
  check(event: CaseEventOf<Type>, clock: Clock, place: EventPlace): CheckedByType[Type];
  apply(event: CaseEventOf<Type>, clock: Clock, checked: CheckedByType[Type], place: EventPlace): void;
  facts(event: CaseEventOf<Type>, clock: Clock, place: EventPlace): void;
  keptClosing?(event: CaseEventOf<Type>): Outcome | null;
  offered(projection: OfferedStepsState): boolean;
  endsWait?: ClockPhase;
}

/** What the case page's choice of next steps reads from the projection. */
export type OfferedStepsState = Pick<CaseProjection, "clockPhase" | "correctionRequestedOn" | "extensionNotifiedOn" | "feeNoticeOn">;

const open = (projection: OfferedStepsState) => projection.clockPhase !== "CLOSED";

export type EventHandlerTable = { [Type in CaseEventType]: EventHandler<Type> };

export const EVENT_HANDLERS: EventHandlerTable = {
  CORRECTION_REQUESTED: {
    offered: (projection) => projection.clockPhase === "RUNNING" && !projection.correctionRequestedOn,
    check(event, clock) {
      if (clock.facts.correctionRequestedOn) refuse("补正应当一次性告知，本案已发出过补正告知");
      if (clock.phase !== "RUNNING") refuse(`当前状态为“${phaseLabel(clock.phase)}”，不能发出补正告知`);
      const { deadlineOn, lateReason } = event.details;
      if (deadlineOn !== null && deadlineOn <= event.occurredOn) refuse("补正期限应晚于补正告知日期");
      const due = clock.currentDue();
      if (event.occurredOn > due) {
        refuse(`答复期限已于 ${due} 届满，不能再发出补正告知：逾期的申请应尽快答复，补正告知不能延长已经届满的期限`);
      }
      const late = event.occurredOn > clock.correctionNoticeDueOn;
      if (late && !lateReason) {
        refuse(
          `补正告知应在收到申请后 ${CORRECTION_NOTICE_WORKDAYS} 个工作日内（${clock.correctionNoticeDueOn} 前）发出；` +
            `${event.occurredOn} 已超过该期限，须写明逾期告知的理由。逾期的补正告知只停止计时，不重新计算答复期限`,
        );
      }
      return { late };
    },
    apply(event, clock, { late }) {
      factsOfCorrectionRequested(event, clock);
      clock.phase = "AWAITING_CORRECTION";
      const { deadlineOn, lateReason } = event.details;
      const period = deadlineOn ? `补正期限至 ${deadlineOn}` : "补正期限未记录（台账导入）";
      if (late) {
        clock.correctionNoticeLate = true;
        clock.stops.push({ kind: "LATE_CORRECTION", since: event.occurredOn, end: null, latestEnd: null, key: null });
        clock.warnings.push(
          `逾期补正告知：补正告知于 ${event.occurredOn} 发出，超过收到申请后 ${CORRECTION_NOTICE_WORKDAYS} 个工作日的期限（${clock.correctionNoticeDueOn}），理由：${lateReason}。答复期限只停止计算，不重新计算`,
        );
        clock.explain(
          event.occurredOn,
          `发出补正告知（逾期发出，超过 ${clock.correctionNoticeDueOn}），${period}。答复期限停止计算；收到补正后继续计算原期限，不重新计算 ${REPLY_WORKDAYS} 个工作日。`,
        );
      } else {
        clock.explain(event.occurredOn, `发出补正告知，${period}。答复期限停止计算，自收到补正之日重新计算。`);
      }
    },
    facts: factsOfCorrectionRequested,
  },

  CORRECTION_RECEIVED: {
    offered: (projection) => projection.clockPhase === "AWAITING_CORRECTION",
    endsWait: "AWAITING_CORRECTION",
    check(_event, clock) {
      if (clock.phase !== "AWAITING_CORRECTION") refuse("本案没有等待中的补正告知，不能登记收到补正");
    },
    apply(event, clock) {
      factsOfCorrectionReceived(event, clock);
      clock.phase = "RUNNING";
      const lateStop = clock.runningStop("LATE_CORRECTION");
      if (lateStop) {
        lateStop.end = event.occurredOn;
        const stopped = countWorkdays(clock.calendar, lateStop.since, event.occurredOn);
        clock.explain(
          event.occurredOn,
          `收到补正后的申请。补正告知逾期发出，答复期限不重新计算：${lateStop.since} 次日至 ${event.occurredOn} 共 ${stopped} 个工作日不计入答复期限。`,
        );
      } else {
        clock.periodStartOn = event.occurredOn;
        clock.stops = [];
        // The supplemented application starts a new period; an earlier extension belonged to the old one.
        clock.extensionWorkdays = null;
        clock.explain(event.occurredOn, `收到补正后的申请。答复期限重新计算：自次日起 ${REPLY_WORKDAYS} 个工作日。`);
      }
    },
    facts: factsOfCorrectionReceived,
  },

  CONSULTATION_SENT: {
    offered: (projection) => projection.clockPhase === "RUNNING" || projection.clockPhase === "CONSULTING",
    check(event, clock, { index }) {
      if (clock.phase !== "RUNNING" && clock.phase !== "CONSULTING") refuse(`当前状态为“${phaseLabel(clock.phase)}”，不能发出征求意见`);
      const dueThen = clock.dueIfStopEndsOn(event.occurredOn);
      if (event.occurredOn > dueThen) refuse(`答复期限已于 ${dueThen} 届满，征求意见不能再延后答复期限`);
      const { partyReceivedOn } = event.details;
      if (partyReceivedOn && partyReceivedOn < event.occurredOn) refuse("对方收到征求意见的日期不能早于发出日期");
      if (partyReceivedOn && partyReceivedOn > clock.today) refuse(`对方收到征求意见的日期 ${partyReceivedOn} 晚于今天（${clock.today}）`);
      const key = consultationKeyOf(event, index);
      if (clock.consultations.some((consultation) => consultation.key === key)) refuse("征求意见编号重复，请重新登记");
      return { key };
    },
    apply(event, clock, { key }) {
      const { partyReceivedOn } = event.details;
      const latestEnd = consultationWindowEndOf(event, clock);
      clock.stops.push({ kind: "CONSULTATION", since: event.occurredOn, end: null, latestEnd, key });
      clock.consultations.push({ ...consultationOf(event, key, latestEnd), counted: true });
      const alreadyOpen = clock.openConsultations().length - 1;
      clock.phase = "CONSULTING";
      const party = event.details.party === "THIRD_PARTY" ? "第三方" : "其他机关";
      const window = partyReceivedOn
        ? `对方于 ${partyReceivedOn} 收到，应在 ${latestEnd} 前答复（自收到之日起 ${CONSULTATION_WINDOW_WORKDAYS} 个工作日）`
        : `对方应在 ${latestEnd} 前答复（${CONSULTATION_WINDOW_WORKDAYS} 个工作日）`;
      clock.explain(
        event.occurredOn,
        `向${party}（${event.details.partyName}）征求意见，答复期限停止计算；${window}。` +
          (alreadyOpen > 0 ? `同时进行的征求意见共 ${alreadyOpen + 1} 项，停止计时的日期重叠的只计一次。` : ""),
      );
    },
    facts(event, clock, { index }) {
      clock.consultations.push({ ...consultationOf(event, consultationKeyOf(event, index), consultationWindowEndOf(event, clock)), counted: false });
    },
  },

  CONSULTATION_ANSWERED: {
    offered: (projection) => projection.clockPhase === "CONSULTING",
    endsWait: "CONSULTING",
    check(event, clock, { index }) {
      const open = clock.openConsultations();
      if (open.length === 0) refuse("本案没有进行中的征求意见，不能登记意见答复");
      const { consultationKey } = event.details;
      if (consultationKey) {
        const consultation = open.find((candidate) => candidate.key === consultationKey);
        if (!consultation) refuse("所选的征求意见不在进行中（可能已登记答复），请刷新后重新选择");
        return { consultation };
      }
      if (open.length === 1 || clock.isHistoric(index)) return { consultation: open[0]! };
      refuse(`本案有 ${open.length} 项进行中的征求意见，请选择收到的是哪一项的答复`);
    },
    apply(event, clock, { consultation }) {
      const stop = clock.stops.find((candidate) => candidate.key === consultation.key && candidate.end === null)!;
      const before = stoppedWorkdaysOf(clock.calendar, clock.stops, null);
      stop.end = event.occurredOn;
      const after = stoppedWorkdaysOf(clock.calendar, clock.stops, null);
      consultation.answeredOn = event.occurredOn;
      const end = stop.latestEnd && event.occurredOn > stop.latestEnd ? stop.latestEnd : event.occurredOn;
      const stopped = countWorkdays(clock.calendar, stop.since, end);
      const overlap = stopped - (after - before);
      clock.explain(
        event.occurredOn,
        `${event.details.windowExpired ? "征求意见期满未答复" : "收到意见答复"}（${consultation.partyName}）：${stop.since} 次日至 ${end} 共 ${stopped} 个工作日不计入答复期限` +
          (overlap > 0 ? `，其中 ${overlap} 个工作日与其他停止计时的期间重叠，只计一次。` : "。"),
      );
      if (clock.openConsultations().length === 0) clock.phase = "RUNNING";
    },
    facts(event, clock) {
      const unanswered = clock.consultations.filter((consultation) => consultation.answeredOn === null);
      const answered = unanswered.find((consultation) => consultation.key === event.details.consultationKey) ?? unanswered[0];
      if (answered) answered.answeredOn = event.occurredOn;
    },
  },

  EXTENSION: {
    offered: (projection) => open(projection) && projection.clockPhase !== "AWAITING_CORRECTION" && !projection.extensionNotifiedOn,
    check(event, clock) {
      if (clock.extensionUsed) refuse("答复期限只能延长一次，本案已经延期");
      if (clock.phase === "AWAITING_CORRECTION") refuse("等待补正期间答复期限不计算，无需延期");
      const { workdays } = event.details;
      if (!Number.isInteger(workdays) || workdays < 1 || workdays > MAX_EXTENSION_WORKDAYS) {
        refuse(`延长的期限为 1–${MAX_EXTENSION_WORKDAYS} 个工作日`);
      }
      const dueBefore = clock.dueIfStopEndsOn(event.occurredOn);
      if (event.occurredOn > dueBefore) refuse(`延期须在答复期限届满（${dueBefore}）前告知申请人，现已逾期，不能延期`);
      if (event.details.approvedOn > event.occurredOn) refuse("延期应先经负责人同意，再告知申请人：同意日期不能晚于告知日期");
    },
    apply(event, clock) {
      factsOfExtension(event, clock);
      clock.extensionWorkdays = event.details.workdays;
      clock.explain(
        event.occurredOn,
        `经${event.details.approvedBy}同意（${event.details.approvedOn}），延长答复期限 ${event.details.workdays} 个工作日，并告知申请人。`,
      );
    },
    facts: factsOfExtension,
  },

  FEE_NOTICE: {
    offered: (projection) => projection.clockPhase === "RUNNING" && !projection.feeNoticeOn,
    check(event, clock) {
      if (clock.facts.feeNoticeOn) refuse("本案已发出过收费通知；每件申请只能采用一种计收方式发出一次收费通知");
      if (clock.phase !== "RUNNING") refuse(`当前状态为“${phaseLabel(clock.phase)}”，不能发出收费通知`);
      // An imported notice may lack its amount (the ledger left it empty): a recorded amount is above 0.
      if (event.details.amount !== undefined && !(Number(event.details.amount) > 0)) {
        refuse("收费金额须大于 0 元：按规定应收 0 元的（每月前 10 件申请，或 30 页以下），无需发出收费通知，也不停止计时");
      }
      if (event.occurredOn > clock.currentDue()) refuse(`收费通知应在答复期限（${clock.currentDue()}）内发出`);
      if (event.details.applicantReceivedOn < event.occurredOn) refuse("申请人收到收费通知的日期不能早于发出日期");
    },
    apply(event, clock) {
      factsOfFeeNotice(event, clock);
      if (clock.feeStopsClock) {
        clock.stops.push({ kind: "FEE", since: event.occurredOn, end: null, latestEnd: null, key: null });
        clock.phase = "AWAITING_FEE";
      }
      clock.explain(
        event.occurredOn,
        `发出收费通知（${event.details.amount ? `${event.details.amount} 元` : "台账未记录金额"}），申请人应在 ${clock.facts.feePaymentDueOn} 前缴费（收到通知次日起 ${FEE_PAYMENT_WORKDAYS} 个工作日）。` +
          (clock.feeStopsClock ? "缴费前答复期限停止计算。" : "本机构设置为收费期间不停止计时。"),
      );
    },
    facts: factsOfFeeNotice,
  },

  FEE_PAID: {
    offered: (projection) => projection.clockPhase === "AWAITING_FEE",
    endsWait: "AWAITING_FEE",
    check(event, clock) {
      const { feeNoticeOn, feePaidOn, feePaymentDueOn } = clock.facts;
      if (!feeNoticeOn) refuse("本案没有发出收费通知，不能登记缴费");
      if (feePaidOn) refuse("本案已登记缴费");
      if (feePaymentDueOn && event.occurredOn > feePaymentDueOn) {
        refuse(`缴费期限已于 ${feePaymentDueOn} 届满，逾期未缴费视为放弃申请，应按“逾期未缴纳费用”办结`);
      }
    },
    apply(event, clock) {
      factsOfFeePaid(event, clock);
      const feeStop = clock.runningStop("FEE");
      if (feeStop) {
        feeStop.end = event.occurredOn;
        const stopped = countWorkdays(clock.calendar, feeStop.since, event.occurredOn);
        clock.explain(
          event.occurredOn,
          `申请人缴费${paidAmountText(event.details.amount)}：${feeStop.since} 次日至 ${event.occurredOn} 共 ${stopped} 个工作日不计入答复期限。`,
        );
        clock.phase = "RUNNING";
      } else {
        clock.explain(event.occurredOn, `申请人缴费${paidAmountText(event.details.amount)}。`);
      }
    },
    facts: factsOfFeePaid,
  },

  DECISION_SERVED: {
    offered: open,
    check(event, clock) {
      const derived = deriveReportedOutcome(event.details.items);
      if (!derived.ok) refuse(derived.message);
      const { outcome } = derived;
      const { phase, facts } = clock;
      if (outcome === "OTHER_NO_CORRECTION") {
        if (phase !== "AWAITING_CORRECTION") refuse("只有等待补正的案件才能按“逾期不补正”办结");
        if (facts.correctionDeadlineOn && event.occurredOn <= facts.correctionDeadlineOn) {
          refuse(`补正期限 ${facts.correctionDeadlineOn} 尚未届满，不能按“逾期不补正”办结`);
        }
      } else if (phase === "AWAITING_CORRECTION") {
        refuse("案件正在等待补正：收到补正后才能作出答复，逾期未补正的请选择“逾期不补正”");
      }
      if (outcome === "OTHER_FEE_UNPAID") {
        if (!facts.feeNoticeOn || facts.feePaidOn) refuse("只有已发收费通知且未缴费的案件才能按“逾期未缴纳费用”办结");
        if (facts.feePaymentDueOn && event.occurredOn <= facts.feePaymentDueOn) {
          refuse(`缴费期限 ${facts.feePaymentDueOn} 尚未届满，不能按“逾期未缴纳费用”办结`);
        }
      } else if (phase === "AWAITING_FEE") {
        refuse("案件正在等待缴费：缴费后才能作出答复，逾期未缴费的请选择“逾期未缴纳费用”");
      }
      if (outcome === "UNAVAILABLE_UNCLEAR_AFTER_CORRECTION" && !facts.correctionReceivedOn) {
        refuse("“补正后申请内容仍不明确”只适用于已收到补正的案件");
      }
      return { outcome };
    },
    apply(event, clock, { outcome }) {
      clock.close(event.occurredOn, outcome);
      clock.explain(event.occurredOn, `答复送达（${event.details.serviceMethod}），案件办结。`);
    },
    facts() {},
    keptClosing(event) {
      const derived = deriveReportedOutcome(event.details.items);
      return derived.ok ? derived.outcome : null;
    },
  },

  WITHDRAWN: {
    offered: open,
    check() {},
    apply(event, clock) {
      clock.close(event.occurredOn, "OTHER_OTHER");
      clock.explain(event.occurredOn, "申请人撤回申请，案件办结（按“其他”统计）。");
    },
    facts() {},
    keptClosing: () => "OTHER_OTHER",
  },
};

/** Every kind of case event, in the table's order (the order of the case page's buttons). */
export const EVENT_KINDS = Object.keys(EVENT_HANDLERS) as CaseEventType[];

function factsOfCorrectionRequested(event: CaseEventOf<"CORRECTION_REQUESTED">, clock: Clock) {
  clock.facts.correctionRequestedOn = event.occurredOn;
  clock.facts.correctionDeadlineOn = event.details.deadlineOn;
}

function factsOfCorrectionReceived(event: CaseEventOf<"CORRECTION_RECEIVED">, clock: Clock) {
  clock.facts.correctionReceivedOn = event.occurredOn;
}

function factsOfExtension(event: CaseEventOf<"EXTENSION">, clock: Clock) {
  clock.facts.extensionNotifiedOn = event.occurredOn;
  clock.recordedExtensionWorkdays = event.details.workdays;
  clock.extensionUsed = true;
}

function factsOfFeeNotice(event: CaseEventOf<"FEE_NOTICE">, clock: Clock) {
  clock.facts.feeMethod = event.details.method ?? null;
  clock.facts.feeNoticeOn = event.occurredOn;
  clock.facts.feeAmount = event.details.amount ?? null;
  clock.facts.feePaymentDueOn = addWorkdays(clock.calendar, event.details.applicantReceivedOn, FEE_PAYMENT_WORKDAYS);
}

function factsOfFeePaid(event: CaseEventOf<"FEE_PAID">, clock: Clock) {
  clock.facts.feePaidOn = event.occurredOn;
  clock.facts.feePaidAmount = event.details.amount ?? null;
}

/** The consultation's key (CONSULTATION_SENT details.key), or "#n" for one recorded without. */
function consultationKeyOf(event: CaseEventOf<"CONSULTATION_SENT">, index: number): string {
  return event.details.key ?? `#${index}`;
}

/** The end of the 15-working-day window (from the party's receipt when recorded, otherwise from sending). */
function consultationWindowEndOf(event: CaseEventOf<"CONSULTATION_SENT">, clock: Clock): IsoDate {
  return addWorkdays(clock.calendar, event.details.partyReceivedOn ?? event.occurredOn, CONSULTATION_WINDOW_WORKDAYS);
}

function consultationOf(event: CaseEventOf<"CONSULTATION_SENT">, key: string, replyDueOn: IsoDate): ConsultationView {
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

/** " 450.00 元", or a note where an imported notice's amount was not recorded. */
function paidAmountText(amount: string | undefined): string {
  return amount ? ` ${amount} 元` : "（台账未记录金额）";
}
