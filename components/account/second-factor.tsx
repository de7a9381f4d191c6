"use client";

import { startTransition, useActionState } from "react";
import {
  confirmSecondFactorEnrolmentAction,
  removeOwnSecondFactorAction,
  renewRecoveryCodesAction,
  startSecondFactorEnrolmentAction,
} from "@/lib/account/actions";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { RecoveryCodes } from "./recovery-codes";
import styles from "./account.module.css";

function CodeField({ result, label = "验证码" }: { result: Parameters<typeof fieldError>[0]; label?: string }) {
  const error = fieldError(result, "code");
  return (
    <div className="field">
      <label htmlFor="second-factor-code">{label}</label>
      <input id="second-factor-code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required />
      {error ? <span className="error">{error}</span> : null}
    </div>
  );
}

export function StartEnrolmentButton({ restart = false }: { restart?: boolean }) {
  const [result, dispatch, pending] = useActionState(startSecondFactorEnrolmentAction, null);
  return (
    <div className="stack">
      {result && !result.ok ? <ActionNotice result={result} /> : null}
      <div>
        <button type="button" className={restart ? "button small" : "button primary"} disabled={pending} onClick={() => startTransition(() => dispatch())}>
          {restart ? "重新生成二维码" : "开始设置"}
        </button>
      </div>
    </div>
  );
}

export function ConfirmEnrolmentForm({ qrSvg, secret }: { qrSvg: string; secret: string }) {
  const { result, onSubmit, pending } = useFormAction(confirmSecondFactorEnrolmentAction);
  if (result?.ok && result.data) {
    return (
      <div className="stack">
        <ActionNotice result={result} />
        <RecoveryCodes codes={result.data.recoveryCodes} className={styles.codes} />
        <div>
          {/* A full page load, so the new session (second factor satisfied) is read afresh. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a className="button primary" href="/">
            继续使用系统
          </a>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="form" data-testid="second-factor-enrolment">
      <ActionNotice result={result} />
      <p>1. 在手机上打开认证器应用（如 Microsoft Authenticator、Google 身份验证器、FreeOTP 或政务版认证器），扫描二维码：</p>
      {/* The SVG is made on the server from the otpauth:// URI; data: images are allowed by the CSP. */}
      {/* eslint-disable-next-line @next/next/no-img-element -- an inline data: SVG, nothing to optimize */}
      <img className={styles.qr} src={`data:image/svg+xml;base64,${btoa(qrSvg)}`} alt="双因素认证二维码" data-testid="second-factor-qr" />
      <p>
        无法扫码时，手动输入密钥：<span className={styles.secret} data-testid="second-factor-secret">{secret}</span>
      </p>
      <p>2. 输入应用显示的 6 位数字：</p>
      <CodeField result={result} />
      <div>
        <SubmitButton pending={pending} pendingText="正在验证…">确认开启</SubmitButton>
      </div>
    </form>
  );
}

export function RenewRecoveryCodesForm() {
  const { result, onSubmit, pending, formRef } = useFormAction(renewRecoveryCodesAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="form" data-testid="renew-recovery-codes">
      <ActionNotice result={result} />
      {result?.ok && result.data ? <RecoveryCodes codes={result.data.recoveryCodes} className={styles.codes} /> : null}
      <p className="muted">恢复码用完或遗失时，生成一组新的（原有的全部作废）。</p>
      <CodeField result={result} label="认证器应用当前的验证码" />
      <div>
        <SubmitButton pending={pending} variant="default">
          生成新的恢复码
        </SubmitButton>
      </div>
    </form>
  );
}

export function RemoveSecondFactorForm() {
  const { result, onSubmit, pending } = useFormAction(removeOwnSecondFactorAction);
  const error = fieldError(result, "password");
  return (
    <form onSubmit={onSubmit} className="form" data-testid="remove-second-factor">
      <ActionNotice result={result} />
      <div className="field">
        <label htmlFor="remove-second-factor-password">密码</label>
        <input id="remove-second-factor-password" name="password" type="password" autoComplete="current-password" required />
        {error ? <span className="error">{error}</span> : null}
      </div>
      <div>
        <SubmitButton pending={pending} variant="danger">
          关闭双因素认证
        </SubmitButton>
      </div>
    </form>
  );
}
