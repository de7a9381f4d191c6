// Editing the national working-day calendar. The installation's operators (系统管理员) only: the
// calendar is shared by every organization, so no organization's administrator may change it for the
// others (docs/decisions/0061). Audit events carry no organization.
import "server-only";
import { generateNotificationsAfterChange } from "../notifications/generate";
import { db } from "../db";
import { AppError } from "../errors";
import { assertOperator, type Principal } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { loadWorkCalendar } from "./queries";
import { forgetRequestCalendarFingerprint } from "./fingerprint";
import { dbDateFromIso } from "./dates";
import { recomputeOpenCases, type RecomputeCause } from "../cases/mutations";
import { CALENDAR_DAY_CHOICE_LABELS, setCalendarDaySchema, setCalendarYearSchema, type CalendarDayChoice } from "./schemas";
import { isPlainWeekend, type IsoDate } from "./workdays";

export interface CalendarDayChange {
  date: IsoDate;
  kind: CalendarDayChoice;
  changed: boolean;
  /** Open cases whose due date or provisional flag changed with the calendar. */
  recomputedCases: number;
}

export interface CalendarYearChange {
  year: number;
  confirmed: boolean;
  changed: boolean;
  recomputedCases: number;
}

const WEEKDAY_NAMES = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"] as const;

function weekdayName(date: string): string {
  return WEEKDAY_NAMES[dbDateFromIso(date).getUTCDay()] ?? "";
}

/**
 * Sets one date to 法定节假日 or 调休上班 with a note, or back to the plain Monday–Friday rule (DEFAULT).
 * Returns the validated choice and whether anything changed.
 */
export async function setCalendarDay({ actor, input, today }: { actor: Principal; input: unknown; today: IsoDate }): Promise<CalendarDayChange> {
  assertOperator(actor);
  const { date, kind, note } = parseInput(setCalendarDaySchema, input);
  const weekend = isPlainWeekend(date);
  // Rows hold only departures from the weekday rule; an override equal to the rule would be noise that
  // later reads as an official arrangement.
  if (kind === "HOLIDAY" && weekend) {
    throw new AppError(
      "INVALID_STATE",
      `${date} 是${weekdayName(date)}，本来就是休息日，无需设为法定节假日；如该日调休上班，请选择“调休上班”`,
      { kind: ["周末本来就休息，无需设为放假"] },
    );
  }
  if (kind === "WORKDAY" && !weekend) {
    throw new AppError(
      "INVALID_STATE",
      `${date} 是${weekdayName(date)}，本来就是工作日，无需设为调休上班；如该日放假，请选择“法定节假日（放假）”`,
      { kind: ["周一至周五本来就上班，无需设为调休上班"] },
    );
  }

  const change = await db.$transaction(async (tx) => {
    const where = { date: dbDateFromIso(date) };
    const existing = await tx.calendarDay.findUnique({ where, select: { kind: true, note: true } });
    // Full before and after: a date without a row follows the plain Monday–Friday rule (DEFAULT).
    const before = existing ? { date, kind: existing.kind, note: existing.note } : { date, kind: "DEFAULT", note: null };
    const unchanged = { date, kind, changed: false, recomputedCases: 0, cause: null };

    if (kind === "DEFAULT") {
      if (!existing) return unchanged;
      await tx.calendarDay.delete({ where });
    } else {
      if (existing && existing.kind === kind && existing.note === note) return unchanged;
      await tx.calendarDay.upsert({ where, create: { ...where, kind, note }, update: { kind, note } });
    }
    const action = kind === "DEFAULT" ? "calendar.clear_day" : "calendar.set_day";
    const auditEventId = await recordAudit(tx, actor, {
      organizationId: null,
      action,
      entityType: "CalendarDay",
      entityId: date,
      before,
      after: { date, kind, note: kind === "DEFAULT" ? null : note },
    });
    const description = `工作日历：${date}（${weekdayName(date)}）${kind === "DEFAULT" ? "恢复为常规安排" : `设为${CALENDAR_DAY_CHOICE_LABELS[kind]}${note ? `（${note}）` : ""}`}`;
    return { date, kind, changed: true, recomputedCases: 0, cause: { actor, action, auditEventId, description } };
  });
  return withRecomputedCases(change, today);
}

/** Marks a year's official arrangement as published and entered (or not), with the source notice. */
export async function setCalendarYearConfirmed({
  actor,
  input,
  today,
}: {
  actor: Principal;
  input: unknown;
  today: IsoDate;
}): Promise<CalendarYearChange> {
  assertOperator(actor);
  const { year, confirmed, source: sourceInput } = parseInput(setCalendarYearSchema, input);
  const source = sourceInput ? sourceInput : null;

  const change = await db.$transaction(async (tx) => {
    const existing = await tx.calendarYear.findUnique({ where: { year }, select: { confirmed: true, source: true } });
    if (existing && existing.confirmed === confirmed && existing.source === source) return { year, confirmed, changed: false, recomputedCases: 0, cause: null };
    await tx.calendarYear.upsert({ where: { year }, create: { year, confirmed, source }, update: { confirmed, source } });
    const action = confirmed ? "calendar.confirm_year" : "calendar.unconfirm_year";
    const auditEventId = await recordAudit(tx, actor, {
      organizationId: null,
      action,
      entityType: "CalendarYear",
      entityId: String(year),
      // A year without a row is unconfirmed.
      before: { year, confirmed: existing?.confirmed ?? false, source: existing?.source ?? null },
      after: { year, confirmed, source },
    });
    const description = `工作日历：${year} 年节假日安排${confirmed ? "已确认" : "改为未确认"}${source ? `（${source}）` : ""}`;
    return { year, confirmed, changed: true, recomputedCases: 0, cause: { actor, action, auditEventId, description } };
  });
  return withRecomputedCases(change, today);
}

/**
 * After a committed calendar change, every open case's due date is replayed on the new calendar
 * (architecture.md), each rewrite audited with the change as its cause. Idempotent: a failure here
 * leaves stale caches that the next change refreshes.
 */
async function withRecomputedCases<Change extends { changed: boolean; recomputedCases: number; cause: RecomputeCause | null }>(
  { cause, ...change }: Change,
  today: IsoDate,
): Promise<Omit<Change, "cause">> {
  if (!change.changed || !cause) return change;
  // The calendar as changed, not the one of the fingerprint read with this request's session.
  forgetRequestCalendarFingerprint();
  const recomputedCases = await recomputeOpenCases({ calendar: await loadWorkCalendar(), today, cause });
  // New due dates raise their alerts now, not at the next hourly run.
  await generateNotificationsAfterChange({ today, reason: "修改工作日历" });
  return { ...change, recomputedCases };
}
