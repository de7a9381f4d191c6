// The statutory clock's numbers and the state it keeps while it reads a case's events (rules.md §4).
// lib/cases/event-handlers.ts says what each event checks and changes; lib/cases/projection.ts reads
// the events one by one through it. Pure: nothing here reads the clock or the database.
import type { ClockPhase, FeeMethod, Outcome } from "@prisma/client";
import { addWorkdays, countWorkdays, type IsoDate, type WorkCalendar } from "../calendar/workdays";
import type { ConsultationView, ExplanationLine } from "./projection";

export const REPLY_WORKDAYS = 20;
export const CORRECTION_NOTICE_WORKDAYS = 7;
export const CONSULTATION_WINDOW_WORKDAYS = 15;
export const FEE_PAYMENT_WORKDAYS = 20;
export const MAX_EXTENSION_WORKDAYS = 20;
export const DUE_SOON_WORKDAYS = 5;

/**
 * A period in which the clock does not run: the working days after `since` through its end (the reply,
 * the payment, the supplement after a late notice), at most through `latestEnd`. Several may overlap
 * (consultations run at once): the days stopped are their union, each day counted once.
 */
export interface Stop {
  kind: "CONSULTATION" | "FEE" | "LATE_CORRECTION";
  since: IsoDate;
  /** Null while the stop runs. */
  end: IsoDate | null;
  /** Consultation: the end of the 15-working-day window, when the stop ends at the latest. */
  latestEnd: IsoDate | null;
  /** Consultation: its key. */
  key: string | null;
}

export interface ConsultationRecord extends ConsultationView {
  /** False for a consultation kept only as recorded history (it did not stop the clock). */
  counted: boolean;
}

/** What the case records, whether or not the clock counted it (the projection returns these as they are). */
export interface CaseFacts {
  correctionRequestedOn: IsoDate | null;
  correctionDeadlineOn: IsoDate | null;
  correctionReceivedOn: IsoDate | null;
  extensionNotifiedOn: IsoDate | null;
  feeMethod: FeeMethod | null;
  feeNoticeOn: IsoDate | null;
  feeAmount: string | null;
  feePaymentDueOn: IsoDate | null;
  feePaidOn: IsoDate | null;
  feePaidAmount: string | null;
  closedOn: IsoDate | null;
  outcome: Outcome | null;
}

/** An event that does not fit the case's state; its message is shown to the user as it is. */
export class EventRefused extends Error {}

export function refuse(message: string): never {
  throw new EventRefused(message);
}

/** Working days in the union of the periods (since, end]; a running stop counts up to `asOf` (left out when null). */
export function stoppedWorkdaysOf(calendar: WorkCalendar, stops: readonly Stop[], asOf: IsoDate | null): number {
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

export interface ClockSetting {
  receivedOn: IsoDate;
  calendar: WorkCalendar;
  settings: { feeStopsClock: boolean };
  today: IsoDate;
  /** Events before this index are kept history (ProjectionInput.historicEventCount). */
  historicEventCount: number;
}

/** The clock while it reads the events: each event's handler checks against it and changes it. */
export class Clock {
  readonly calendar: WorkCalendar;
  readonly receivedOn: IsoDate;
  readonly today: IsoDate;
  readonly feeStopsClock: boolean;
  readonly historicEventCount: number;
  /** The last day to send a 补正 notice that restarts the period (7 working days after receipt). */
  readonly correctionNoticeDueOn: IsoDate;

  /** The start of the current period (receipt, or receipt of the 补正 after a timely notice). */
  periodStartOn: IsoDate;
  /** The stops of the current period (a supplement after a timely notice starts a new period without them). */
  stops: Stop[] = [];
  /** The extension counted in the current period. */
  extensionWorkdays: number | null = null;
  /** The extension as recorded (for the ledger and the report), whether or not the clock counts it. */
  recordedExtensionWorkdays: number | null = null;
  extensionUsed = false;
  phase: ClockPhase = "RUNNING";
  correctionNoticeLate = false;
  readonly consultations: ConsultationRecord[] = [];
  readonly facts: CaseFacts = {
    correctionRequestedOn: null,
    correctionDeadlineOn: null,
    correctionReceivedOn: null,
    extensionNotifiedOn: null,
    feeMethod: null,
    feeNoticeOn: null,
    feeAmount: null,
    feePaymentDueOn: null,
    feePaidOn: null,
    feePaidAmount: null,
    closedOn: null,
    outcome: null,
  };
  readonly explanation: ExplanationLine[] = [];
  readonly warnings: string[] = [];

  constructor(setting: ClockSetting) {
    this.calendar = setting.calendar;
    this.receivedOn = setting.receivedOn;
    this.today = setting.today;
    this.feeStopsClock = setting.settings.feeStopsClock;
    this.historicEventCount = setting.historicEventCount;
    this.periodStartOn = setting.receivedOn;
    this.correctionNoticeDueOn = addWorkdays(setting.calendar, setting.receivedOn, CORRECTION_NOTICE_WORKDAYS);
  }

  /** The event at this index is kept history (its refusal is a warning). */
  isHistoric(index: number): boolean {
    return index < this.historicEventCount;
  }

  explain(date: IsoDate, text: string): void {
    this.explanation.push({ date, text });
  }

  /** Working days allowed with the stops that have ended (and, with `asOf`, the running ones through that day). */
  allowed(asOf: IsoDate | null = null): number {
    return REPLY_WORKDAYS + stoppedWorkdaysOf(this.calendar, this.stops, asOf) + (this.extensionWorkdays ?? 0);
  }

  currentDue(): IsoDate {
    return addWorkdays(this.calendar, this.periodStartOn, this.allowed());
  }

  /** The due date if the running stops (if any) ended on `date`. */
  dueIfStopEndsOn(date: IsoDate): IsoDate {
    return addWorkdays(this.calendar, this.periodStartOn, this.allowed(date));
  }

  runningStop(kind: Stop["kind"]): Stop | undefined {
    return this.stops.find((stop) => stop.kind === kind && stop.end === null);
  }

  openConsultations(): ConsultationRecord[] {
    return this.consultations.filter(
      (consultation) => consultation.counted && consultation.answeredOn === null && this.stops.some((stop) => stop.key === consultation.key && stop.end === null),
    );
  }

  /** Closing the case ends every running stop on that day. */
  close(date: IsoDate, outcome: Outcome): void {
    for (const stop of this.stops) if (stop.end === null) stop.end = date;
    this.facts.closedOn = date;
    this.facts.outcome = outcome;
    this.phase = "CLOSED";
  }
}

export function phaseLabel(phase: ClockPhase): string {
  return { RUNNING: "办理中", AWAITING_CORRECTION: "等待补正", CONSULTING: "征求意见中", AWAITING_FEE: "等待缴费", CLOSED: "已办结" }[phase];
}
