// The rules of an extension request (条例第三十三条; rules.md: "once, approved by the head of the
// disclosure office, notified to the applicant before the due date, by at most 20 working days"). Pure:
// the case's history, the calendar and `today` are arguments.
import type { WorkCalendar, IsoDate } from "../calendar/workdays";
import type { CaseEvent } from "../cases/case-events";
import { projectCase } from "../cases/projection";

/** The placeholder approver of the trial extension (never stored). */
const PENDING_APPROVER = "（待负责人批准）";

/**
 * Why an extension of `workdays` requested today cannot be granted, or null when it can: the case's
 * clock is replayed with the extension as if approved and notified today, so that the request meets
 * exactly the checks the approval will (closed case, extension already used, clock stopped for 补正,
 * the due date already passed, more than 20 working days).
 */
export function extensionRequestRefusal({
  receivedOn,
  events,
  calendar,
  settings,
  today,
  workdays,
}: {
  receivedOn: IsoDate;
  events: readonly CaseEvent[];
  calendar: WorkCalendar;
  settings: { feeStopsClock: boolean };
  today: IsoDate;
  workdays: number;
}): string | null {
  const trial: CaseEvent = {
    type: "EXTENSION",
    occurredOn: today,
    details: { workdays, approvedBy: PENDING_APPROVER, approvedOn: today, reason: "" },
  } as CaseEvent;
  const result = projectCase({ receivedOn, events: [...events, trial], calendar, settings, today, historicEventCount: events.length });
  if (!result.ok) return result.message;
  return null;
}

/** Who may decide a request: never the one who made it, even a manager (docs/decisions/0075). */
export function selfDecisionRefusal(requestedById: string, deciderId: string): string | null {
  return requestedById === deciderId ? "不能批准或驳回自己提出的延期申请：请由本单位其他负责人决定" : null;
}
