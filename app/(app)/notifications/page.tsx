import type { Metadata } from "next";
import { Link } from "@/components/link";
import { requireActor } from "@/lib/auth/session";
import { listNotifications, type NotificationFilter } from "@/lib/notifications/queries";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/labels";
import { PageHeader } from "@/components/ui/page-header";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { NotificationList } from "@/components/notifications/notification-list";
import { MarkAllReadButton } from "@/components/notifications/notification-buttons";
import styles from "@/components/notifications/notifications.module.css";

export const metadata: Metadata = { title: "提醒" };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function notificationsHref(filter: NotificationFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter === "unread") params.set("filter", "unread");
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${NOTIFICATIONS_PATH}?${search}` : NOTIFICATIONS_PATH;
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const filter: NotificationFilter = first(params.filter) === "unread" ? "unread" : "all";
  const requestedPage = Number(first(params.page) ?? "1");
  const page = Number.isInteger(requestedPage) && requestedPage > 0 ? requestedPage : 1;
  const result = await listNotifications({ actor, filter, page });

  return (
    <div className="page">
      <PageHeader
        title="提醒"
        subtitle="系统每小时检查您经办的案件，到期、逾期、补正告知、缴费和征求意见期限到时在此提醒"
        actions={<MarkAllReadButton disabled={result.unread === 0} />}
      />
      <section className="card" aria-label="提醒列表">
        <div className={styles.toolbar}>
          <nav className={styles.filters} aria-label="筛选提醒">
            <Link href={notificationsHref("all", 1)} className="button small" aria-current={filter === "all" ? "page" : undefined}>
              全部
            </Link>
            <Link href={notificationsHref("unread", 1)} className="button small" aria-current={filter === "unread" ? "page" : undefined}>
              未读（{result.unread}）
            </Link>
          </nav>
        </div>
        <NotificationList rows={result.rows} emptyText={filter === "unread" ? "没有未读提醒" : "还没有提醒"} />
        <DataTablePagination page={result.page} pageSize={result.pageSize} total={result.total} pageHref={(target) => notificationsHref(filter, target)} />
      </section>
    </div>
  );
}
