// The organization's users, rendered on the server (ServerDataTable): a header is a link to the URL of
// its next sorting (?sort=role.desc), and the rows are sorted by the columns' own sort functions.
import type { SortingState } from "@tanstack/react-table";
import { ServerDataTable } from "@/components/data-table/server-data-table";
import { userColumns } from "./user-columns";
import type { UserRow } from "./user-row";

function userRowId(user: UserRow): string {
  return user.id;
}

function userRowTestId(user: UserRow): string {
  return `user-row-${user.username}`;
}

export function UsersTable({ users, sorting, sortHref }: { users: UserRow[]; sorting: SortingState; sortHref: (sorting: SortingState) => string }) {
  return (
    <ServerDataTable
      columns={userColumns}
      data={users}
      getRowId={userRowId}
      getRowTestId={userRowTestId}
      caption="本单位用户"
      emptyMessage="还没有用户"
      sorting={sorting}
      sortHref={sortHref}
    />
  );
}
