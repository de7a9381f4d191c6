// 截止日期 in the list: the date, and how it stands today (rules.md §4: due soon = 5 working days or
// fewer left; overdue = past the due date and still open).
import type { CaseListRow } from "@/lib/cases/queries";
import styles from "./case-list.module.css";

function DueState({ row }: { row: CaseListRow }) {
  const { status, workdaysLeft } = row.due;
  switch (status) {
    case "OVERDUE": {
      const late = Math.abs(workdaysLeft ?? 0);
      return <span className="badge danger">{late > 0 ? `已逾期 ${late} 个工作日` : "已逾期"}</span>;
    }
    case "DUE_SOON":
      return <span className="badge warning">{workdaysLeft === 0 ? "今日到期" : `剩 ${workdaysLeft} 个工作日`}</span>;
    case "ON_TRACK":
      return <span className={styles.dueNote}>剩 {workdaysLeft} 个工作日</span>;
    case "STOPPED":
      return <span className="badge info">暂停计时</span>;
    case "CLOSED":
      return null;
  }
}

export function DueCell({ row }: { row: CaseListRow }) {
  const open = row.status === "OPEN";
  return (
    <div className={styles.dueCell} data-testid={`case-due-${row.caseNumber}`}>
      {row.dueOn ? (
        <span className={open ? undefined : "muted"}>
          {row.dueOn}
          {open && row.dueIsProvisional ? (
            <span className={styles.provisional} title="节假日安排尚未确认，截止日期为暂定">
              暂定
            </span>
          ) : null}
        </span>
      ) : open ? null : (
        <span className="muted">—</span>
      )}
      <DueState row={row} />
    </div>
  );
}
