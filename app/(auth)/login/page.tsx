import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/login-form";
import styles from "@/components/auth/login.module.css";

export const metadata: Metadata = { title: "登录" };
export const dynamic = "force-dynamic";

function safeCallback(value: string | string[] | undefined): string {
  const target = Array.isArray(value) ? value[0] : value;
  // Only same-site paths: never redirect to another host after sign-in.
  if (!target) return "/";
  try {
    const url = new URL(target, "http://local");
    return url.origin === "http://local" && url.pathname !== "/login" ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
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
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </div>
  );
}
