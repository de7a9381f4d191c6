import { describe, expect, it } from "vitest";
import { createWorkCalendar } from "../calendar/workdays";
import { statutoryHolidaysOf } from "../calendar/statutory-holidays";
import { candidateWindow, planNotifications, type NotificationCandidate, type NotificationRecipient } from "./plan";

const TODAY = "2026-11-20"; // a Friday
const calendar = createWorkCalendar([], [2026], statutoryHolidaysOf);

const recipients: NotificationRecipient[] = [
  { id: "clerk", organizationId: "org", role: "CLERK" },
  { id: "manager", organizationId: "org", role: "MANAGER" },
  { id: "admin", organizationId: "org", role: "ADMIN" },
  { id: "other-manager", organizationId: "other", role: "MANAGER" },
];

function candidate(overrides: Partial<NotificationCandidate> & { id: string }): NotificationCandidate {
  return {
    organizationId: "org",
    caseNumber: `GK-${overrides.id}`,
    applicantName: "李明",
    handlerId: "clerk",
    handlerName: "王芳",
    clockPhase: "RUNNING",
    receivedOn: "2026-11-02",
    dueOn: "2026-12-15",
    dueIsProvisional: false,
    correctionNoticeDueOn: null,
    correctionRequestedOn: null,
    correctionReceivedOn: null,
    feeNoticeOn: null,
    feePaidOn: null,
    feePaymentDueOn: null,
    consultationReplyDueOn: null,
    ...overrides,
  };
}

function plan(candidates: NotificationCandidate[]) {
  return planNotifications({ candidates, recipients, today: TODAY, calendar }).map((draft) => `${draft.userId} ${draft.dedupeKey}`);
}

describe("planNotifications", () => {
  it("alerts the handler to a case due within five working days, keyed by the due date", () => {
    expect(plan([candidate({ id: "a", dueOn: "2026-11-27" })])).toEqual(["clerk DUE_SOON:a:2026-11-27"]);
    expect(plan([candidate({ id: "b", dueOn: "2026-11-30" })])).toEqual([]);
  });

  it("alerts the handler and every manager of the organization to an overdue case, once each", () => {
    expect(plan([candidate({ id: "a", dueOn: "2026-11-19" })])).toEqual(["clerk OVERDUE:a:2026-11-19", "manager OVERDUE:a:2026-11-19"]);
    expect(plan([candidate({ id: "b", dueOn: "2026-11-19", handlerId: "manager", handlerName: "赵敏" })])).toEqual(["manager OVERDUE:b:2026-11-19"]);
    expect(plan([candidate({ id: "c", dueOn: "2026-11-19", handlerId: null, handlerName: null })])).toEqual(["manager UNASSIGNED:c", "manager OVERDUE:c:2026-11-19"]);
  });

  it("alerts every manager of the organization, once per case, to a case without a handler", () => {
    expect(plan([candidate({ id: "u", handlerId: null, handlerName: null })])).toEqual(["manager UNASSIGNED:u"]);
    expect(plan([candidate({ id: "v", handlerId: null, handlerName: null, dueOn: "2026-11-19" })])).toEqual([
      "manager UNASSIGNED:v",
      "manager OVERDUE:v:2026-11-19",
    ]);
    expect(plan([candidate({ id: "w", handlerId: null, handlerName: null, clockPhase: "CLOSED" })])).toEqual([]);
  });

  it("skips handlers who are not active users", () => {
    expect(plan([candidate({ id: "a", dueOn: "2026-11-24", handlerId: "disabled" })])).toEqual([]);
  });

  it("alerts to the 补正 notice window in its last two working days only, while no notice went out", () => {
    expect(plan([candidate({ id: "a", correctionNoticeDueOn: "2026-11-24" })])).toEqual(["clerk CORRECTION_NOTICE_DUE:a:2026-11-24"]);
    expect(plan([candidate({ id: "b", correctionNoticeDueOn: "2026-11-25" })])).toEqual([]);
    expect(plan([candidate({ id: "c", correctionNoticeDueOn: "2026-11-19" })])).toEqual([]);
    expect(plan([candidate({ id: "d", correctionNoticeDueOn: "2026-11-20", correctionRequestedOn: "2026-11-18" })])).toEqual([]);
  });

  it("alerts to a lapsed fee payment and a consultation at the end of its window", () => {
    expect(plan([candidate({ id: "a", dueOn: null, clockPhase: "AWAITING_FEE", feeNoticeOn: "2026-10-09", feePaymentDueOn: "2026-11-19" })])).toEqual([
      "clerk FEE_PAYMENT_LAPSED:a:2026-11-19",
    ]);
    expect(plan([candidate({ id: "b", dueOn: null, clockPhase: "AWAITING_FEE", feeNoticeOn: "2026-10-09", feePaymentDueOn: TODAY })])).toEqual([]);
    expect(plan([candidate({ id: "c", dueOn: null, clockPhase: "CONSULTING", consultationReplyDueOn: TODAY })])).toEqual([
      `clerk CONSULTATION_REPLY_DUE:c:${TODAY}`,
    ]);
    expect(plan([candidate({ id: "d", dueOn: null, clockPhase: "CONSULTING", consultationReplyDueOn: "2026-11-23" })])).toEqual([]);
  });

  it("tells the organization's managers and administrators once per unconfirmed year", () => {
    const drafts = plan([
      candidate({ id: "a", dueOn: "2027-01-06", dueIsProvisional: true }),
      candidate({ id: "b", dueOn: "2027-01-08", dueIsProvisional: true }),
    ]);
    expect(drafts).toEqual(["manager CALENDAR_UNCONFIRMED:2027", "admin CALENDAR_UNCONFIRMED:2027"]);
    const [draft] = planNotifications({
      candidates: [candidate({ id: "a", dueOn: "2027-01-06", dueIsProvisional: true })],
      recipients,
      today: TODAY,
      calendar,
    });
    expect(draft).toMatchObject({ applicationId: null, organizationId: "org" });
    expect(draft?.message).toContain("2027 年");
  });

  it("writes the case number, the applicant and the date into the message", () => {
    const [draft] = planNotifications({ candidates: [candidate({ id: "a", dueOn: "2026-11-24" })], recipients, today: TODAY, calendar });
    expect(draft).toMatchObject({ kind: "DUE_SOON", applicationId: "a", organizationId: "org" });
    expect(draft?.message).toBe("GK-a（李明）的答复期限为 2026-11-24，还剩 2 个工作日");
  });
});

describe("candidateWindow", () => {
  it("bounds due soon at five and the 补正 alert at two working days", () => {
    expect(candidateWindow(calendar, TODAY)).toEqual({ today: TODAY, lastDueSoonDate: "2026-11-29", lastCorrectionAlertDate: "2026-11-24" });
  });
});
