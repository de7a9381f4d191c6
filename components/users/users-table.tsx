"use client";

import { DataTable } from "@/components/data-table/data-table";
import { userColumns } from "./user-columns";
import type { UserRow } from "./user-row";

function userRowId(user: UserRow): string {
  return user.id;
}

function userRowTestId(user: UserRow): string {
  return `user-row-${user.username}`;
}

/** The organization's users, sortable in the browser (an organization has tens of users, not thousands). */
export function UsersTable({ users }: { users: UserRow[] }) {
  return (
    <DataTable
      columns={userColumns}
      data={users}
      getRowId={userRowId}
      getRowTestId={userRowTestId}
      caption="本单位用户"
      emptyMessage="还没有用户"
      enableSorting
    />
  );
}
