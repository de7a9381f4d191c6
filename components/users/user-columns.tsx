// Columns of the user list, rendered on the server by ServerDataTable (users-table.tsx).
import { Link } from "@/components/link";
import { ROLE_LABELS, roleRank } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { createDataTableColumnHelper } from "@/components/data-table/columns";
import { UserStatusBadge } from "./user-status-badge";
import type { UserRow, UserStatusKind } from "./user-row";

const column = createDataTableColumnHelper<UserRow>();

const STATUS_ORDER: Record<UserStatusKind, number> = { active: 0, locked: 1, disabled: 2 };

export function userHref(userId: string): string {
  return `/settings/users/${encodeURIComponent(userId)}`;
}

export const userColumns = column.columns([
  column.accessor("username", {
    header: "用户名",
    cell: ({ row }) => (
      <Link href={userHref(row.original.id)} data-testid={`user-link-${row.original.username}`}>
        {row.original.username}
      </Link>
    ),
  }),
  column.accessor("displayName", { header: "姓名" }),
  column.accessor("role", {
    header: "角色",
    cell: ({ row }) => ROLE_LABELS[row.original.role],
    sortFn: (rowA, rowB) => roleRank(rowA.original.role) - roleRank(rowB.original.role),
  }),
  column.accessor((user) => user.status.kind, {
    id: "status",
    header: "状态",
    cell: ({ row }) => <UserStatusBadge status={row.original.status} testId={`user-status-${row.original.username}`} />,
    sortFn: (rowA, rowB) => STATUS_ORDER[rowA.original.status.kind] - STATUS_ORDER[rowB.original.status.kind],
  }),
  column.accessor((user) => user.lastLoginAt ?? undefined, {
    id: "lastLoginAt",
    header: "最近登录",
    meta: { nowrap: true },
    sortFn: "datetime",
    // Never signed in: last, whichever the direction.
    sortUndefined: "last",
    cell: ({ row }) => {
      const lastLoginAt = row.original.lastLoginAt;
      return lastLoginAt ? formatDateTime(lastLoginAt) : <span className="muted">从未登录</span>;
    },
  }),
  column.display({
    id: "actions",
    header: "操作",
    enableHiding: false,
    meta: { nowrap: true },
    cell: ({ row }) => (
      <Link
        href={userHref(row.original.id)}
        className="button small"
        aria-label={`管理用户 ${row.original.username}`}
        data-testid={`user-manage-${row.original.username}`}
      >
        管理
      </Link>
    ),
  }),
]);
