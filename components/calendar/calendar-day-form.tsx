"use client";

import { setCalendarDayAction } from "@/lib/calendar/actions";
import { CALENDAR_DAY_CHOICE_LABELS, CALENDAR_DAY_CHOICES, type CalendarDayChoice } from "@/lib/calendar/schemas";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import styles from "./calendar.module.css";

/** Sets one date to the plain rule, a statutory holiday or a make-up working day. */
export function CalendarDayForm({
  date,
  plainWeekend,
  currentChoice,
  currentNote,
}: {
  date: string;
  /** Saturday or Sunday: the plain rule makes it a rest day. */
  plainWeekend: boolean;
  currentChoice: CalendarDayChoice;
  currentNote: string;
}) {
  const { result, onSubmit, pending } = useFormAction(setCalendarDayAction);
  // An override equal to the plain rule is refused by the server; the form does not offer it.
  const unavailable: Record<CalendarDayChoice, string | null> = {
    DEFAULT: null,
    HOLIDAY: plainWeekend ? "周末本来就休息" : null,
    WORKDAY: plainWeekend ? null : "周一至周五本来就上班",
  };
  const defaultDescription = plainWeekend ? "周末休息" : "工作日上班";
  const noteError = fieldError(result, "note");
  const kindError = fieldError(result, "kind");
  return (
    <form onSubmit={onSubmit} className="form" data-testid="calendar-day-form">
      <ActionNotice result={result} />
      <input type="hidden" name="date" value={date} />
      <fieldset className={styles.choices}>
        <legend>该日安排</legend>
        {CALENDAR_DAY_CHOICES.map((choice) => {
          const reason = unavailable[choice];
          return (
            <label key={choice} className={`${styles.choice} ${reason ? styles.choiceDisabled : ""}`}>
              <input
                type="radio"
                name="kind"
                value={choice}
                defaultChecked={choice === currentChoice}
                disabled={reason !== null}
              />
              <span>
                {CALENDAR_DAY_CHOICE_LABELS[choice]}
                {choice === "DEFAULT" ? `（${defaultDescription}）` : null}
                {reason ? `（不适用：${reason}）` : null}
              </span>
            </label>
          );
        })}
        {kindError ? <span className="error">{kindError}</span> : null}
      </fieldset>
      <div className="field">
        <label htmlFor="calendar-day-note">说明</label>
        <input
          id="calendar-day-note"
          name="note"
          type="text"
          maxLength={60}
          defaultValue={currentNote}
          placeholder={plainWeekend ? "例如：春节调休上班" : "例如：春节放假"}
        />
        <span className="hint">放假或调休上班时必填，鼠标停在日历上的日期即显示此说明。</span>
        {noteError ? <span className="error">{noteError}</span> : null}
      </div>
      <div>
        <SubmitButton pending={pending}>保存</SubmitButton>
      </div>
    </form>
  );
}
