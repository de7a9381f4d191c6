// The signed-in user's alerts, newest first: the kind, the message, when it was raised, and the case.
// 查看案件 marks the alert read on the way to the case (a plain form: works without JavaScript).
import type { NotificationRow } from "@/lib/notifications/queries";
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KIND_TONES } from "@/lib/notifications/labels";
import { openNotificationCaseAction } from "@/lib/notifications/actions";
import { formatDateTime } from "@/lib/format";
import { MarkReadButton } from "./notification-buttons";
import styles from "./notifications.module.css";

export function NotificationList({ rows, emptyText }: { rows: NotificationRow[]; emptyText: string }) {
  if (rows.length === 0) return <p className={styles.empty}>{emptyText}</p>;
  return (
    <ul className={styles.list} data-testid="notification-list">
      {rows.map((row) => {
        const unread = row.readAt === null;
        return (
          <li key={row.id} className={`${styles.item} ${unread ? styles.unread : ""}`} data-testid="notification-item" data-unread={unread}>
            <span className={styles.kind}>
              {unread ? <span className={styles.dot} title="未读" /> : null}
              <span className={`badge ${NOTIFICATION_KIND_TONES[row.kind]}`}>{NOTIFICATION_KIND_LABELS[row.kind]}</span>
            </span>
            <div>
              <p className={styles.message}>{row.message}</p>
              <div className={styles.meta}>
                {formatDateTime(row.createdAt)}
                {row.readAt ? ` · 已读于 ${formatDateTime(row.readAt)}` : null}
              </div>
            </div>
            <div className={styles.actions}>
              {row.applicationId ? (
                <form action={openNotificationCaseAction}>
                  <input type="hidden" name="notificationId" value={row.id} />
                  <button type="submit" className="button small primary" title={row.caseNumber ? `打开案件 ${row.caseNumber}` : "打开案件"}>
                    查看案件
                  </button>
                </form>
              ) : null}
              {unread ? <MarkReadButton notificationId={row.id} /> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
