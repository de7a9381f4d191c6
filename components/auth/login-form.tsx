"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";

/** The failure codes of lib/auth/sign-in.ts with their texts (passed from the server page). */
type Messages = Record<string, string>;

export function LoginForm({ callbackUrl, messages }: { callbackUrl: string; messages: Messages }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // After the password was accepted and a second factor is asked for: the code step.
  const [credentials, setCredentials] = useState<{ username: string; password: string } | null>(null);
  const otpRef = useRef<HTMLInputElement>(null);

  async function submit(username: string, password: string, otp?: string) {
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { username, password, otp: otp ?? "", redirect: false });
      if (result && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      const code = result?.error ?? "INVALID";
      if (code === "SECOND_FACTOR_REQUIRED") {
        setCredentials({ username, password });
        setTimeout(() => otpRef.current?.focus(), 0);
        return;
      }
      if (code === "INVALID") setCredentials(null);
      setError(messages[code] ?? messages.INVALID ?? "用户名或密码错误");
    } catch {
      setError("无法连接服务器，请稍后重试");
    } finally {
      setPending(false);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (credentials) {
      const otp = String(form.get("otp") ?? "").trim();
      if (!otp) {
        setError("请输入验证码");
        return;
      }
      await submit(credentials.username, credentials.password, otp);
      return;
    }
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) {
      setError("请输入用户名和密码");
      return;
    }
    await submit(username, password);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {error ? (
        <div className="notice error" role="alert">
          {error}
        </div>
      ) : null}
      {credentials ? (
        <>
          <p className="muted" data-testid="second-factor-step">
            账户 {credentials.username} 已开启双因素认证。请打开手机上的认证器应用，输入显示的 6 位验证码；手机不在身边时，可输入一个恢复码。
          </p>
          <div className="field">
            <label htmlFor="otp">验证码</label>
            <input ref={otpRef} id="otp" name="otp" type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={20} required />
          </div>
          <button type="submit" className="button primary" disabled={pending}>
            {pending ? "正在验证…" : "验证并登录"}
          </button>
          <button type="button" className="button" onClick={() => { setCredentials(null); setError(null); }}>
            返回
          </button>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor="username">用户名</label>
            <input id="username" name="username" type="text" autoComplete="username" autoFocus required />
          </div>
          <div className="field">
            <label htmlFor="password">密码</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required />
          </div>
          <button type="submit" className="button primary" disabled={pending}>
            {pending ? "正在登录…" : "登录"}
          </button>
        </>
      )}
    </form>
  );
}
