// Who gets which alert today: a pure function of the open cases that may need one, the active users,
// `today` and the calendar (generate.ts reads those and inserts the result). Each alert has a dedupe key,
// `<kind>:<case id>:<the date the alert is about>` (`CALENDAR_UNCONFIRMED:<year>` for the calendar): the
// database keeps each (user, key) once, so planning again raises nothing new, while a new due date (a
// new key) raises a new alert.
import type { ClockPhase, NotificationKind, Role } from "@prisma/client";
import { addCalendarDays, addWorkdays, unconfirmedYearsBetween, type IsoDate, type WorkCalendar } from "../calendar/workdays";
import { DUE_SOON_WORKDAYS, REPLY_WORKDAYS } from "../cases/projection";
import { lastDueSoonDate, workdaysUntil } from "../dashboard/metrics";

/** A 补正 notice alert is raised when this many working days or fewer are left to send it. */
export const CORRECTION_NOTICE_ALERT_WORKDAYS = 2;

/** An open case as the planner sees it (dates as ISO strings). */
export interface NotificationCandidate {
  id: string;
  organizationId: string;
  caseNumber: string;
  applicantName: string;
  handlerId: string | null;
  handlerName: string | null;
  clockPhase: ClockPhase;
  receivedOn: IsoDate;
  dueOn: IsoDate | null;
  dueIsProvisional: boolean;
  correctionNoticeDueOn: IsoDate | null;
  correctionRequestedOn: IsoDate | null;
  correctionReceivedOn: IsoDate | null;
  feeNoticeOn: IsoDate | null;
  feePaidOn: IsoDate | null;
  feePaymentDueOn: IsoDate | null;
  consultationReplyDueOn: IsoDate | null;
}

export interface NotificationRecipient {
  id: string;
  organizationId: string;
  role: Role;
}

export interface NotificationDraft {
  organizationId: string;
  userId: string;
  kind: NotificationKind;
  applicationId: string | null;
  message: string;
  dedupeKey: string;
}

/** The dates that bound the candidates query (so that it reads only the cases that may need an alert). */
export interface CandidateWindow {
  today: IsoDate;
  /** Due dates up to here are due soon (or overdue, before today). */
  lastDueSoonDate: IsoDate;
  /** 补正 notice deadlines up to here are within CORRECTION_NOTICE_ALERT_WORKDAYS. */
  lastCorrectionAlertDate: IsoDate;
}

export function candidateWindow(calendar: WorkCalendar, today: IsoDate): CandidateWindow {
  return {
    today,
    lastDueSoonDate: lastDueSoonDate(calendar, today),
    lastCorrectionAlertDate: addCalendarDays(addWorkdays(calendar, today, CORRECTION_NOTICE_ALERT_WORKDAYS + 1), -1),
  };
}

function caseTitle(candidate: NotificationCandidate): string {
  return `${candidate.caseNumber}（${candidate.applicantName}）`;
}

function leftText(workdaysLeft: number): string {
  return workdaysLeft === 0 ? "今天到期" : `还剩 ${workdaysLeft} 个工作日`;
}

/** Who gets which alert today. Pure; the same inputs always give the same drafts, in a stable order. */
export function planNotifications({
  candidates,
  recipients,
  today,
  calendar,
}: {
  candidates: readonly NotificationCandidate[];
  recipients: readonly NotificationRecipient[];
  today: IsoDate;
  calendar: WorkCalendar;
}): NotificationDraft[] {
  const drafts = new Map<string, NotificationDraft>();
  const activeUserIds = new Set(recipients.map((recipient) => recipient.id));
  const usersOf = (organizationId: string, roles: readonly Role[]) =>
    recipients.filter((recipient) => recipient.organizationId === organizationId && roles.includes(recipient.role));
  const add = (draft: Omit<NotificationDraft, "userId">, userId: string) => {
    const key = `${userId}\u0000${draft.dedupeKey}`;
    if (!drafts.has(key)) drafts.set(key, { ...draft, userId });
  };
  const toHandler = (candidate: NotificationCandidate, draft: Omit<NotificationDraft, "userId" | "organizationId" | "applicationId">) => {
    if (candidate.handlerId && activeUserIds.has(candidate.handlerId)) {
      add({ ...draft, organizationId: candidate.organizationId, applicationId: candidate.id }, candidate.handlerId);
    }
  };

  // Open cases whose due date reaches into an unconfirmed year, per organization and year.
  const provisionalCases = new Map<string, Map<number, number>>();

  for (const candidate of candidates) {
    if (candidate.clockPhase === "CLOSED") continue;
    const title = caseTitle(candidate);

    if (!candidate.handlerId) {
      // A case without a handler is the managers': each of them hears of it once, until someone takes it.
      const due = candidate.dueOn ? `，答复期限 ${candidate.dueOn}${candidate.dueIsProvisional ? "（暂定）" : ""}` : "";
      for (const manager of usersOf(candidate.organizationId, ["MANAGER"])) {
        add(
          {
            organizationId: candidate.organizationId,
            applicationId: candidate.id,
            kind: "UNASSIGNED",
            message: `${title}尚未分配经办人${due}：请在案件页“改派”中指定经办人`,
            dedupeKey: `UNASSIGNED:${candidate.id}`,
          },
          manager.id,
        );
      }
    }

    if (candidate.dueOn) {
      const left = workdaysUntil(calendar, today, candidate.dueOn);
      if (left < 0) {
        const dedupeKey = `OVERDUE:${candidate.id}:${candidate.dueOn}`;
        const message = `${title}已超过答复期限（${candidate.dueOn}），尚未办结`;
        toHandler(candidate, { kind: "OVERDUE", message, dedupeKey });
        const handler = candidate.handlerName ? `经办人：${candidate.handlerName}` : "未分配经办人";
        for (const manager of usersOf(candidate.organizationId, ["MANAGER"])) {
          if (manager.id === candidate.handlerId) continue;
          add(
            { organizationId: candidate.organizationId, applicationId: candidate.id, kind: "OVERDUE", message: `${message}（${handler}）`, dedupeKey },
            manager.id,
          );
        }
      } else if (left <= DUE_SOON_WORKDAYS) {
        toHandler(candidate, {
          kind: "DUE_SOON",
          message: `${title}的答复期限为 ${candidate.dueOn}${candidate.dueIsProvisional ? "（暂定）" : ""}，${leftText(left)}`,
          dedupeKey: `DUE_SOON:${candidate.id}:${candidate.dueOn}`,
        });
      }
    }

    if (candidate.clockPhase === "RUNNING" && !candidate.correctionRequestedOn && candidate.correctionNoticeDueOn) {
      const left = workdaysUntil(calendar, today, candidate.correctionNoticeDueOn);
      if (left >= 0 && left <= CORRECTION_NOTICE_ALERT_WORKDAYS) {
        toHandler(candidate, {
          kind: "CORRECTION_NOTICE_DUE",
          message: `${title}如需申请人补正，应在 ${candidate.correctionNoticeDueOn} 前一次性发出补正告知（收到申请后 7 个工作日内），${leftText(left)}`,
          dedupeKey: `CORRECTION_NOTICE_DUE:${candidate.id}:${candidate.correctionNoticeDueOn}`,
        });
      }
    }

    if (candidate.feeNoticeOn && !candidate.feePaidOn && candidate.feePaymentDueOn && candidate.feePaymentDueOn < today) {
      toHandler(candidate, {
        kind: "FEE_PAYMENT_LAPSED",
        message: `${title}的缴费期限 ${candidate.feePaymentDueOn} 已过，申请人未缴费：可按“逾期未缴纳费用”办结`,
        dedupeKey: `FEE_PAYMENT_LAPSED:${candidate.id}:${candidate.feePaymentDueOn}`,
      });
    }

    if (candidate.clockPhase === "CONSULTING" && candidate.consultationReplyDueOn && candidate.consultationReplyDueOn <= today) {
      const when = candidate.consultationReplyDueOn === today ? "今天届满" : "已届满";
      toHandler(candidate, {
        kind: "CONSULTATION_REPLY_DUE",
        message: `${title}征求意见的答复期限（${candidate.consultationReplyDueOn}）${when}：请登记收到的答复，或登记征求期满以恢复计时`,
        dedupeKey: `CONSULTATION_REPLY_DUE:${candidate.id}:${candidate.consultationReplyDueOn}`,
      });
    }

    if (candidate.dueIsProvisional) {
      // The years the projection looked at: from the start of the reply period to the due date (or, while
      // the clock is stopped, a full period from today, as the projection does).
      const periodStart = candidate.correctionReceivedOn ?? candidate.receivedOn;
      const horizon = candidate.dueOn ?? addWorkdays(calendar, today, REPLY_WORKDAYS);
      const byYear = provisionalCases.get(candidate.organizationId) ?? new Map<number, number>();
      for (const year of unconfirmedYearsBetween(calendar, periodStart, horizon > today ? horizon : today)) {
        byYear.set(year, (byYear.get(year) ?? 0) + 1);
      }
      provisionalCases.set(candidate.organizationId, byYear);
    }
  }

  for (const [organizationId, byYear] of provisionalCases) {
    for (const [year, caseCount] of [...byYear].sort(([a], [b]) => a - b)) {
      for (const user of usersOf(organizationId, ["ADMIN", "MANAGER"])) {
        add(
          {
            organizationId,
            applicationId: null,
            kind: "CALENDAR_UNCONFIRMED",
            message: `${year} 年的节假日安排尚未确认：本单位 ${caseCount} 件在办案件的期限延伸到该年，截止日期目前为暂定。请管理员在“设置 › 工作日历”中录入并确认国务院办公厅公布的安排`,
            dedupeKey: `CALENDAR_UNCONFIRMED:${year}`,
          },
          user.id,
        );
      }
    }
  }

  return [...drafts.values()];
}

