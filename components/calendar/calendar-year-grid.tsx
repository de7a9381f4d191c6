import { Link } from "@/components/link";
import type { IsoDate } from "@/lib/calendar/workdays";
import {
  cellKindOf,
  CELL_KIND_LABELS,
  type CalendarCellKind,
  type CalendarOverrideView,
  type ProvisionalHolidayView,
  weekdayNameOf,
} from "@/lib/calendar/dates";
import { holidayBlockNote } from "./holiday-blocks";
import styles from "./calendar.module.css";

const CELL_KIND_CLASSES: Record<CalendarCellKind, string | undefined> = {
  workday: styles.workday,
  rest: styles.rest,
  holiday: styles.holiday,
  "holiday-weekend": styles.holiday,
  "provisional-holiday": styles.provisionalHoliday,
  "makeup-workday": styles.makeupWorkday,
};

/** The corner mark Chinese wall calendars use for these days, so the kind is not told by colour alone. */
const CELL_KIND_MARKS: Partial<Record<CalendarCellKind, string>> = { holiday: "休", "holiday-weekend": "休", "provisional-holiday": "暂", "makeup-workday": "班" };

const WEEKDAY_HEADINGS = ["一", "二", "三", "四", "五", "六", "日"] as const;

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The month's dates in Monday-first weeks, null for the blanks before the 1st and after the last day. */
function monthWeeks(year: number, month: number): (IsoDate | null)[][] {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const leadingBlanks = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (IsoDate | null)[] = Array.from({ length: leadingBlanks }, () => null);
  for (let day = 1; day <= daysInMonth; day += 1) cells.push(isoDate(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (IsoDate | null)[][] = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  return weeks;
}

export function CalendarLegend({ withProvisional = false }: { withProvisional?: boolean }) {
  const kinds = (Object.keys(CELL_KIND_LABELS) as CalendarCellKind[]).filter((kind) => withProvisional || kind !== "provisional-holiday");
  return (
    <ul className={styles.legend} aria-label="图例">
      {kinds.map((kind) => (
        <li key={kind}>
          <span className={`${styles.swatch} ${CELL_KIND_CLASSES[kind] ?? ""}`} aria-hidden>
            {CELL_KIND_MARKS[kind] ?? ""}
          </span>
          {CELL_KIND_LABELS[kind]}
        </li>
      ))}
    </ul>
  );
}

export function CalendarYearGrid({
  year,
  overrides,
  provisionalHolidays = [],
  today,
  selectedDate,
  editable,
}: {
  year: number;
  overrides: readonly CalendarOverrideView[];
  provisionalHolidays?: readonly ProvisionalHolidayView[];
  /** Today in Asia/Shanghai, highlighted when it falls in this year. */
  today: IsoDate;
  selectedDate: IsoDate | null;
  /** Administrators get a link on every day that opens the edit form. */
  editable: boolean;
}) {
  const overridesByDate = new Map(overrides.map((override) => [override.date, override]));
  const provisionalByDate = new Map(provisionalHolidays.map((holiday) => [holiday.date, holiday.name]));
  const daysOff = {
    holidayNote: (date: IsoDate) => {
      const override = overridesByDate.get(date);
      if (override?.kind === "HOLIDAY") return override.note ?? "";
      return override ? undefined : provisionalByDate.get(date);
    },
    isMakeupWorkday: (date: IsoDate) => overridesByDate.get(date)?.kind === "WORKDAY",
  };
  const months = Array.from({ length: 12 }, (_, index) => index + 1);
  return (
    <div className={styles.months}>
      {months.map((month) => (
        <section key={month} className={styles.month} aria-label={`${year}年${month}月`}>
          <h3 className={styles.monthTitle}>{month}月</h3>
          <table className={styles.monthTable}>
            <thead>
              <tr>
                {WEEKDAY_HEADINGS.map((heading, index) => (
                  <th key={heading} scope="col" className={index >= 5 ? styles.weekendHeading : undefined}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(year, month).map((week, weekIndex) => (
                <tr key={weekIndex}>
                  {week.map((date, dayIndex) => {
                    if (!date) return <td key={`blank-${dayIndex}`} className={styles.blank} />;
                    const override = overridesByDate.get(date);
                    const provisionalName = provisionalByDate.get(date);
                    const blockNote = override ? null : holidayBlockNote(date, daysOff);
                    const kind = blockNote !== null ? "holiday-weekend" : cellKindOf(date, override?.kind, provisionalName !== undefined);
                    const note = override?.note ?? (provisionalName ? `${provisionalName}（暂定）` : blockNote ? `${blockNote}假期` : undefined);
                    const title = note ?? CELL_KIND_LABELS[kind];
                    const description = `${date} ${weekdayNameOf(date)}，${CELL_KIND_LABELS[kind]}${note ? `：${note}` : ""}`;
                    const className = [
                      styles.day,
                      CELL_KIND_CLASSES[kind],
                      date === today ? styles.today : undefined,
                      date === selectedDate ? styles.selected : undefined,
                    ]
                      .filter(Boolean)
                      .join(" ");
                    const content = (
                      <>
                        {Number(date.slice(8))}
                        {CELL_KIND_MARKS[kind] ? (
                          <span className={styles.mark} aria-hidden>
                            {CELL_KIND_MARKS[kind]}
                          </span>
                        ) : null}
                      </>
                    );
                    return (
                      <td key={date} className={className} title={title} data-testid={`day-${date}`} data-kind={kind}>
                        {editable ? (
                          <Link
                            href={`?year=${year}&date=${date}`}
                            scroll={false}
                            className={styles.dayLink}
                            aria-label={description}
                            aria-current={date === selectedDate ? "date" : undefined}
                          >
                            {content}
                          </Link>
                        ) : (
                          <span className={styles.dayLabel} aria-label={description}>
                            {content}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
