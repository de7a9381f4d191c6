import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getSignedIn } from "@/lib/auth/session";
import { SIGN_IN_MESSAGES } from "@/lib/auth/sign-in";
import { getEnv } from "@/lib/env";
import { hasActiveDemoAccounts } from "@/lib/users/demo";
import { LoginForm } from "@/components/auth/login-form";
import styles from "@/components/auth/login.module.css";

export const metadata: Metadata = { title: "登录" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const requested = Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl;
  const callbackUrl = safeCallbackPath(requested);
  if (await getSignedIn()) redirect(callbackUrl);
  const { LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES } = getEnv();
  const demo = await hasActiveDemoAccounts();
  return (
    <div className={styles.screen}>
      <div className={styles.panel}>
        <div className={styles.brand}>
          <span className={styles.logo} aria-hidden>
            公
          </span>
          <div>
            <h1>政府信息公开申请办理系统</h1>
            <p className="muted">登记 · 办理期限 · 年度报告</p>
          </div>
        </div>
        {demo ? (
          <div className="notice warning" data-testid="demo-notice">
            本系统为演示环境：含有密码公开的演示账户（clerk、manager、admin），数据只存放在本机内置数据库中。请勿录入真实申请人信息；正式使用请按部署说明使用外部数据库，不会创建演示账户。
          </div>
        ) : null}
        <LoginForm callbackUrl={callbackUrl} messages={SIGN_IN_MESSAGES} />
        <p className={`muted ${styles.footnote}`}>
          连续输错 {LOGIN_MAX_FAILURES} 次，账户将锁定 {LOGIN_LOCK_MINUTES} 分钟。无法登录时请联系本单位管理员。
        </p>
      </div>
    </div>
  );
}
