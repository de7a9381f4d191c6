import type { Metadata } from "next";
import type { SortingState } from "@tanstack/react-table";
import { requireActor } from "@/lib/auth/session";
import { findUsers } from "@/lib/users/queries";
import { PageHeader } from "@/components/ui/page-header";
import { UsersTable } from "@/components/users/users-table";
import { CreateUserForm } from "@/components/users/create-user-form";
import { toUserRow } from "@/components/users/user-row";
import { formatSortParam, parseSortParam } from "@/components/data-table/sorting";

export const metadata: Metadata = { title: "用户管理" };

const USERS_PATH = "/settings/users";
const SORTABLE_COLUMNS = ["username", "displayName", "role", "status", "lastLoginAt"];

function usersHref(sorting: SortingState): string {
  const sort = formatSortParam(sorting);
  return sort ? `${USERS_PATH}?${new URLSearchParams({ sort })}` : USERS_PATH;
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor({ roles: ["ADMIN"] });
  const sorting = parseSortParam((await searchParams).sort, SORTABLE_COLUMNS);
  const users = await findUsers({ actor });
  const now = new Date();
  const userRows = users.map((user) => toUserRow(user, now));
  return (
    <div className="page">
      <PageHeader title="用户管理" subtitle={`${actor.organizationName} · 共 ${users.length} 个账户`} />
      <div className="card">
        <UsersTable users={userRows} sorting={sorting} sortHref={usersHref} />
      </div>
      <section className="card" aria-labelledby="create-user-heading">
        <h2 id="create-user-heading">新建用户</h2>
        <CreateUserForm />
      </section>
    </div>
  );
}
