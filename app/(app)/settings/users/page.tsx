import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { findUsers } from "@/lib/users/queries";
import { PageHeader } from "@/components/ui/page-header";
import { UsersTable } from "@/components/users/users-table";
import { CreateUserForm } from "@/components/users/create-user-form";
import { toUserRow } from "@/components/users/user-row";

export const metadata: Metadata = { title: "用户管理" };

export default async function UsersPage() {
  const actor = await requireActor({ roles: ["ADMIN"] });
  const users = await findUsers({ actor });
  const now = new Date();
  const userRows = users.map((user) => toUserRow(user, now));
  return (
    <div className="page">
      <PageHeader title="用户管理" subtitle={`${actor.organizationName} · 共 ${users.length} 个账户`} />
      <div className="card">
        <UsersTable users={userRows} />
      </div>
      <section className="card" aria-labelledby="create-user-heading">
        <h2 id="create-user-heading">新建用户</h2>
        <CreateUserForm />
      </section>
    </div>
  );
}
