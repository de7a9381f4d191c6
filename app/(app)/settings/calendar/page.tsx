import type { Metadata } from "next";
import { Link } from "@/components/link";
import { isOperator } from "@/lib/auth/actor";
import { requirePrincipal } from "@/lib/auth/session";
import { findCalendarChanges, getCalendarYear } from "@/lib/calendar/queries";
import { calendarYearNumberSchema, isoDateSchema, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from "@/lib/calendar/schemas";
import { isPlainWeekend } from "@/lib/calendar/workdays";
import { PageHeader } from "@/components/ui/page-header";
import { CalendarLegend, CalendarYearGrid } from "@/components/calendar/calendar-year-grid";
import { CELL_KIND_LABELS, cellKindOf, chineseDate, summarizeCalendarYear, weekdayNameOf } from "@/lib/calendar/dates";
import { todayInShanghai } from "@/lib/today";
import { CalendarDayForm } from "@/components/calendar/calendar-day-form";
import { CalendarYearForm } from "@/components/calendar/calendar-year-form";
import { CalendarHistory } from "@/components/calendar/calendar-history";
import styles from "@/components/calendar/calendar.module.css";

export const metadata: Metadata = { title: "工作日历" };

type SearchParams = Record<string, string | string[] | undefined>;

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function CalendarSettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { principal } = await requirePrincipal();
  const params = await searchParams;
  const today = todayInShanghai(new Date());

  const requestedDate = isoDateSchema.safeParse(firstValue(params.date));
  const requestedYear = calendarYearNumberSchema.safeParse(firstValue(params.year));
  const year = requestedYear.success
    ? requestedYear.data
    : requestedDate.success
      ? Number(requestedDate.data.slice(0, 4))
      : Number(today.slice(0, 4));

  const [view, changes] = await Promise.all([getCalendarYear({ actor: principal, year }), findCalendarChanges({ actor: principal, year })]);
  // The calendar is national: only the installation's operators change it; everyone reads it and its history.
  const canEdit = isOperator(principal);
  const selectedDate = canEdit && requestedDate.success && requestedDate.data.startsWith(`${year}-`) ? requestedDate.data : null;
  const selectedOverride = selectedDate ? view.days.find((day) => day.date === selectedDate) : undefined;
  const selectedProvisional = selectedDate ? view.provisionalHolidays.find((holiday) => holiday.date === selectedDate) : undefined;
  const summary = summarizeCalendarYear(year, view.days, view.provisionalHolidays);
  const confirmed = view.arrangement?.confirmed ?? false;
  const pickerYears = [...new Set([...view.knownYears.map((known) => known.year), year, Number(today.slice(0, 4))])].sort((a, b) => a - b);

  return (
    <div className="page">
      <PageHeader
        title="工作日历"
        subtitle={`法定节假日与调休安排，全国统一、各单位共用；办理期限按此计算工作日。${canEdit ? "" : "由系统管理员维护，本页只读。"}`}
        actions={
          <div className={styles.toolbar}>
            {year > MIN_CALENDAR_YEAR ? (
              <Link className="button small" href={`?year=${year - 1}`} data-testid="previous-year">
                ‹ {year - 1} 年
              </Link>
            ) : null}
            <form method="get" className={styles.toolbar}>
              <label htmlFor="calendar-year-picker" className="muted">
                年份
              </label>
              <select id="calendar-year-picker" name="year" defaultValue={year}>
                {pickerYears.map((pickerYear) => (
                  <option key={pickerYear} value={pickerYear}>
                    {pickerYear} 年{view.knownYears.some((known) => known.year === pickerYear && known.confirmed) ? "" : "（未确认）"}
                  </option>
                ))}
              </select>
              <button type="submit" className="button small">
                查看
              </button>
            </form>
            {year < MAX_CALENDAR_YEAR ? (
              <Link className="button small" href={`?year=${year + 1}`} data-testid="next-year">
                {year + 1} 年 ›
              </Link>
            ) : null}
          </div>
        }
      />

      {confirmed ? (
        <div className="notice success" data-testid="year-status" data-confirmed="true">
          {year} 年官方安排已发布：已按{view.arrangement?.source ? `《${view.arrangement.source}》` : "国务院办公厅通知"}
          录入放假和调休日期。
        </div>
      ) : (
        <div className="notice warning" data-testid="year-status" data-confirmed="false">
          {year} 年官方安排未确认：
          {view.days.length > 0 ? `已录入 ${view.days.length} 个调整日期，但尚未确认完整；` : "尚未录入放假和调休日期，"}
          《全国年节及纪念日放假办法》规定的节日
          {view.provisionalHolidays.length > 0
            ? `（${[...new Set(view.provisionalHolidays.map((holiday) => holiday.name))].join("、")}，共 ${view.provisionalHolidays.length} 个工作日）暂按放假计算，`
            : "暂按放假计算，"}
          其余日期按周一至周五上班、周六周日休息计算，调休未知。截止日期延伸到本年的办理期限均为暂定，官方安排发布后以其为准。
        </div>
      )}

      <div className={`${styles.layout} ${canEdit ? styles.layoutWithPanel : ""}`}>
        <div className="card">
          <CalendarLegend withProvisional={view.provisionalHolidays.length > 0} />
          <p className={styles.summary} data-testid="year-summary">
            {year} 年共有工作日 {summary.workingDays} 天，其中调休上班 {summary["makeup-workday"]} 天；工作日放假（法定节假日）
            {summary.holiday} 天{summary["provisional-holiday"] > 0 ? `，暂定放假 ${summary["provisional-holiday"]} 天` : ""}。
            {canEdit ? " 点击日期可设置放假或调休上班。" : null}
          </p>
          <CalendarYearGrid
            year={year}
            overrides={view.days}
            provisionalHolidays={view.provisionalHolidays}
            today={today}
            selectedDate={selectedDate}
            editable={canEdit}
          />
        </div>

        {canEdit ? (
          <aside className={styles.panel} aria-label="编辑工作日历">
            <div className="card">
              <h2>设置日期</h2>
              {selectedDate ? (
                <div className="stack">
                  <p className={styles.selectedDate} data-testid="selected-date">
                    {chineseDate(selectedDate)} {weekdayNameOf(selectedDate)}
                  </p>
                  <p className="muted">
                    当前：{CELL_KIND_LABELS[cellKindOf(selectedDate, selectedOverride?.kind, selectedProvisional !== undefined)]}
                    {selectedOverride ? `（${selectedOverride.note}）` : selectedProvisional ? `（${selectedProvisional.name}）` : ""}
                    {" · "}
                    <Link href={`?year=${year}`} scroll={false}>
                      取消选择
                    </Link>
                  </p>
                  <CalendarDayForm
                    key={selectedDate}
                    date={selectedDate}
                    plainWeekend={isPlainWeekend(selectedDate)}
                    currentChoice={selectedOverride?.kind ?? "DEFAULT"}
                    currentNote={selectedOverride?.note ?? ""}
                  />
                </div>
              ) : (
                <p className="muted">点击左侧日历中的日期，可将其设为法定节假日（放假）或调休上班，或恢复按常规。</p>
              )}
            </div>
            <div className="card">
              <h2>{year} 年官方安排</h2>
              <CalendarYearForm key={year} year={year} confirmed={confirmed} source={view.arrangement?.source ?? null} />
            </div>
          </aside>
        ) : null}
      </div>

      <CalendarHistory year={year} changes={changes} />
    </div>
  );
}
