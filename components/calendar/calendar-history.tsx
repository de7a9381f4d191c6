// Who changed a year's calendar and when (from the audit trail), for everyone who reads it.
import type { CalendarChange } from "@/lib/calendar/queries";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";

const ACTION_LABELS: Record<string, string> = {
  "calendar.set_day": "设置日期",
  "calendar.clear_day": "恢复按常规",
  "calendar.confirm_year": "确认全年安排",
  "calendar.unconfirm_year": "取消确认",
};

const KIND_LABELS: Record<string, string> = { HOLIDAY: "法定节假日（放假）", WORKDAY: "调休上班" };

function describe(value: unknown): string {
  if (!value || typeof value !== "object") return "常规";
  const record = value as Record<string, unknown>;
  if (typeof record.kind === "string") return `${KIND_LABELS[record.kind] ?? record.kind}${typeof record.note === "string" && record.note ? `（${record.note}）` : ""}`;
  if (typeof record.confirmed === "boolean") return `${record.confirmed ? "已确认" : "未确认"}${typeof record.source === "string" && record.source ? `，依据《${record.source}》` : ""}`;
  return "—";
}

export function CalendarHistory({ year, changes }: { year: number; changes: readonly CalendarChange[] }) {
  return (
    <section className="card" aria-labelledby="calendar-history-heading" data-testid="calendar-history">
      <h2 id="calendar-history-heading">{year} 年修改记录</h2>
      {changes.length === 0 ? (
        <p className="muted">本年没有修改记录：日历为系统随附的官方安排（国务院办公厅通知）或按周一至周五上班计算。</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>时间</th>
              <th>修改人</th>
              <th>操作</th>
              <th>日期或年份</th>
              <th>原为</th>
              <th>改为</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.id} data-testid={`calendar-change-${change.entityId}`}>
                <td>{formatDateTime(change.createdAt)}</td>
                <td>{change.actor ? `${change.actor.displayName}（${ROLE_LABELS[change.actor.role]}）` : "系统"}</td>
                <td>{ACTION_LABELS[change.action] ?? change.action}</td>
                <td>{change.entityId}</td>
                <td>{describe(change.before)}</td>
                <td>{change.action === "calendar.clear_day" ? "常规" : describe(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
