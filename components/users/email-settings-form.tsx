"use client";

import { setUserEmailSettingsAction } from "@/lib/users/actions";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

export function EmailSettingsForm({ userId, email, emailDigest }: { userId: string; email: string | null; emailDigest: boolean }) {
  const { result, onSubmit, pending } = useFormAction(setUserEmailSettingsAction);
  const emailError = fieldError(result, "email");
  return (
    <form onSubmit={onSubmit} className="form" data-testid="email-settings-form">
      <ActionNotice result={result} />
      <input type="hidden" name="userId" value={userId} />
      <div className="field">
        <label htmlFor="user-email">邮箱地址</label>
        <input id="user-email" name="email" type="text" inputMode="email" defaultValue={email ?? ""} />
        {emailError ? <span className="error">{emailError}</span> : null}
      </div>
      <label className="checkbox">
        <input type="checkbox" name="emailDigest" defaultChecked={emailDigest} />
        每天早上发送到期提醒邮件（需管理员配置 SMTP 服务器）
      </label>
      <div>
        <SubmitButton pending={pending}>保存</SubmitButton>
      </div>
    </form>
  );
}
