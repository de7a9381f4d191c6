import type { Metadata } from "next";
import { getOwnAccount } from "@/lib/account/queries";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePrincipal } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import {
  ConfirmEnrolmentForm,
  RemoveSecondFactorForm,
  RenewRecoveryCodesForm,
  StartEnrolmentButton,
} from "@/components/account/second-factor";

export const metadata: Metadata = { title: "我的账户" };

export default async function AccountPage() {
  const signedIn = await requirePrincipal({ allowPending: true });
  const account = await getOwnAccount({ signedIn });
  const { principal, pending, totpRequired } = signedIn;
  return (
    <div className="page">
      <PageHeader
        title="我的账户"
        subtitle={`${principal.displayName}（${account.username}，${ROLE_LABELS[principal.role]}）· 上次登录 ${account.lastLoginAt ? formatDateTime(account.lastLoginAt) : "—"}`}
      />
      {pending === "CHANGE_PASSWORD" ? (
        <div className="notice warning" role="alert" data-testid="pending-step">
          您的密码由管理员设定（新建账户或重置密码）。请先设置只有您自己知道的新密码，然后才能使用系统。
        </div>
      ) : null}
      {pending === "ENROL_SECOND_FACTOR" ? (
        <div className="notice warning" role="alert" data-testid="pending-step">
          {principal.role === "OPERATOR" ? "系统管理员" : "本单位要求管理员和负责人"}登录须使用双因素认证。请先完成下面的设置，然后才能使用系统。
        </div>
      ) : null}
      <div className="grid-2">
        <section className="card stack" aria-labelledby="password-heading">
          <h2 id="password-heading">修改密码</h2>
          <p className="muted">
            {account.passwordChangedAt ? `上次修改：${formatDateTime(account.passwordChangedAt)}。` : ""}修改后，您在其他设备上的登录全部退出。
          </p>
          <ChangePasswordForm />
        </section>
        <section className="card stack" aria-labelledby="second-factor-heading" data-testid="second-factor-section">
          <h2 id="second-factor-heading">双因素认证</h2>
          {account.secondFactorEnabledAt ? (
            <>
              <div className="notice success" data-testid="second-factor-status">
                已开启（{formatDateTime(account.secondFactorEnabledAt)}）：登录时须输入认证器应用的验证码。剩余可用恢复码 {account.recoveryCodesLeft} 个。
              </div>
              <RenewRecoveryCodesForm />
              {totpRequired ? (
                <p className="muted">本账户必须使用双因素认证，不能关闭。手机遗失时，请联系{principal.role === "OPERATOR" ? "其他系统管理员" : "本单位管理员"}重置。</p>
              ) : (
                <RemoveSecondFactorForm />
              )}
            </>
          ) : account.enrolment ? (
            <>
              <ConfirmEnrolmentForm qrSvg={account.enrolment.qrSvg} secret={account.enrolment.secret} />
              <StartEnrolmentButton restart />
            </>
          ) : (
            <>
              <p>
                开启后，登录时除密码外还须输入手机认证器应用（基于时间的一次性密码，RFC 6238）显示的 6 位验证码；密码泄露也无法登录您的账户。
              </p>
              <StartEnrolmentButton />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
