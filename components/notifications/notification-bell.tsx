// The header's bell: the signed-in user's unread alerts, linking to the notification list.
// A server component: the count is read for each page, so it is current after every navigation.
import { Link } from "@/components/link";
import type { Actor } from "@/lib/auth/actor";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/labels";
import { countUnreadNotifications } from "@/lib/notifications/queries";
import styles from "./notifications.module.css";

export async function NotificationBell({ actor }: { actor: Actor }) {
  const unread = await countUnreadNotifications({ actor });
  const label = unread > 0 ? `提醒：${unread} 条未读` : "提醒：没有未读";
  return (
    <Link href={NOTIFICATIONS_PATH} className={styles.bell} aria-label={label} title={label} data-testid="notification-bell">
      <svg className={styles.bellIcon} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread > 0 ? (
        <span className={styles.bellCount} data-testid="notification-unread-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
