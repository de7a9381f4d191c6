"use client";

import { setCalendarYearConfirmedAction } from "@/lib/calendar/actions";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

/** Marks whether the year's official arrangement has been published and entered. */
export function CalendarYearForm({ year, confirmed, source }: { year: number; confirmed: boolean; source: string | null }) {
  const { result, onSubmit, pending } = useFormAction(setCalendarYearConfirmedAction);
  const sourceError = fieldError(result, "source");
  return (
    <form onSubmit={onSubmit} className="form" data-testid="calendar-year-form">
      <ActionNotice result={result} />
      <input type="hidden" name="year" value={year} />
      <label className="checkbox">
        <input type="checkbox" name="confirmed" value="true" defaultChecked={confirmed} />
        {year} 年官方安排已发布，并已按其录入放假和调休日期
      </label>
      <div className="field">
        <label htmlFor="calendar-year-source">依据文件</label>
        <input
          id="calendar-year-source"
          name="source"
          type="text"
          maxLength={120}
          defaultValue={source ?? ""}
          placeholder={`国务院办公厅关于${year}年部分节假日安排的通知`}
        />
        <span className="hint">未确认的年份：放假办法规定的节日暂按放假，其余按周一至周五上班计算；延伸到该年的办理期限显示为暂定。</span>
        {sourceError ? <span className="error">{sourceError}</span> : null}
      </div>
      <div>
        <SubmitButton pending={pending}>保存状态</SubmitButton>
      </div>
    </form>
  );
}
