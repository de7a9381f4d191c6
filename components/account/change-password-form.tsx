"use client";

import { changeOwnPasswordAction } from "@/lib/account/actions";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { NewPasswordFields } from "@/components/users/new-password-fields";

export function ChangePasswordForm() {
  const { result, onSubmit, pending, formRef } = useFormAction(changeOwnPasswordAction, { resetOnSuccess: true });
  const currentError = fieldError(result, "currentPassword");
  return (
    <form ref={formRef} onSubmit={onSubmit} className="form" data-testid="change-password-form">
      <ActionNotice result={result} />
      <div className="field">
        <label htmlFor="currentPassword">当前密码</label>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required aria-invalid={currentError ? true : undefined} />
        {currentError ? <span className="error">{currentError}</span> : null}
      </div>
      <NewPasswordFields label="新密码" result={result} />
      <div>
        <SubmitButton pending={pending} pendingText="正在保存…">修改密码</SubmitButton>
      </div>
    </form>
  );
}
