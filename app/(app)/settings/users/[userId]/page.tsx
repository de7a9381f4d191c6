import type { Metadata } from "next";
import { Link } from "@/components/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { getUser } from "@/lib/users/queries";
import { PageHeader } from "@/components/ui/page-header";
import { ChangeRoleForm } from "@/components/users/change-role-form";
import { ResetPasswordForm } from "@/components/users/reset-password-form";
import { SetUserActiveForm } from "@/components/users/set-user-active-form";
import { EmailSettingsForm } from "@/components/users/email-settings-form";
import { ResetSecondFactorForm } from "@/components/users/reset-second-factor-form";
import { UserStatusBadge } from "@/components/users/user-status-badge";
import { userStatus } from "@/components/users/user-row";
import styles from "@/components/users/users.module.css";

export const metadata: Metadata = { title: "用户管理" };

/** The user, or the 404 page for an id that is not one of the organization's users. */
async function getUserOrNotFound(actor: Actor, userId: string) {
  try {
    return await getUser({ actor, userId });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await requireActor({ roles: ["ADMIN"] });
  const { userId } = await params;
  const user = await getUserOrNotFound(actor, userId);
  const status = userStatus(user, new Date());
  const isSelf = user.id === actor.userId;

  return (
    <div className="page">
      <PageHeader
        title={`${user.displayName}（${user.username}）`}
        subtitle={
          // PageHeader puts the subtitle in a <p>: phrasing content only.
          <span className={styles.summary}>
            <span>
              角色 <strong data-testid="user-role">{ROLE_LABELS[user.role]}</strong>
            </span>
            <span>
              状态 <UserStatusBadge status={status} testId="user-status" />
            </span>
            <span>最近登录 {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "从未登录"}</span>
            <span>创建于 {formatDateTime(user.createdAt)}</span>
          </span>
        }
        actions={
          <Link href="/settings/users" className="button">
            返回用户列表
          </Link>
        }
      />
      {status.kind === "locked" ? (
        <div className="notice warning">该账户因多次登录失败已{status.label}；重置密码可立即解锁。</div>
      ) : null}
      <div className={styles.userActions}>
        <section className="card" aria-labelledby="role-heading">
          <h2 id="role-heading">更改角色</h2>
          <ChangeRoleForm userId={user.id} role={user.role} isSelf={isSelf} />
        </section>
        <section className="card" aria-labelledby="active-heading">
          <h2 id="active-heading">{user.active ? "停用账户" : "启用账户"}</h2>
          <SetUserActiveForm userId={user.id} active={user.active} isSelf={isSelf} />
        </section>
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">重置密码</h2>
          <ResetPasswordForm userId={user.id} />
        </section>
        <section className="card" aria-labelledby="second-factor-heading">
          <h2 id="second-factor-heading">双因素认证</h2>
          <ResetSecondFactorForm userId={user.id} enabled={Boolean(user.totpEnabledAt)} />
        </section>
        <section className="card" aria-labelledby="email-heading">
          <h2 id="email-heading">邮件提醒</h2>
          <EmailSettingsForm userId={user.id} email={user.email} emailDigest={user.emailDigest} />
        </section>
      </div>
    </div>
  );
}
