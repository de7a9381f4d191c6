"use client";

import { resetUserPasswordAction } from "@/lib/users/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { NewPasswordFields } from "./new-password-fields";

export function ResetPasswordForm({ userId }: { userId: string }) {
  const { result, onSubmit, pending, formRef } = useFormAction(resetUserPasswordAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="form" data-testid="reset-password-form">
      <ActionNotice result={result} />
      <input type="hidden" name="userId" value={userId} />
      <p className="muted">由管理员设定新密码并告知本人。重置后临时锁定解除，该用户原有的登录全部失效。</p>
      <NewPasswordFields label="新密码" result={result} />
      <div>
        <SubmitButton pending={pending} pendingText="正在重置…">重置密码</SubmitButton>
      </div>
    </form>
  );
}
