"use client";

import { setUserActiveAction } from "@/lib/users/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Disables an active account (after ticking a confirmation) or enables a disabled one. One component for
 * both, so that the success message stays on screen when the page re-renders with the new state.
 */
export function SetUserActiveForm({ userId, active, isSelf }: { userId: string; active: boolean; isSelf: boolean }) {
  const { result, onSubmit, pending, formRef } = useFormAction(setUserActiveAction, { resetOnSuccess: true });

  if (active && isSelf) {
    return (
      <div className="stack">
        <ActionNotice result={result} />
        <p className="muted">这是您自己的账户，不能停用。</p>
      </div>
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="form" data-testid="set-active-form">
      <ActionNotice result={result} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      {active ? (
        <>
          <p className="muted">停用后该用户立即退出登录、不能再登录；其登记和办理的记录保留。可随时重新启用。</p>
          <label className="checkbox">
            <input type="checkbox" required data-testid="confirm-disable" />
            确认停用该账户
          </label>
          <div>
            <SubmitButton pending={pending} variant="danger" pendingText="正在停用…">
              停用账户
            </SubmitButton>
          </div>
        </>
      ) : (
        <>
          <p className="muted">该账户已停用。启用后该用户可以用原密码登录，临时锁定同时解除。</p>
          <div>
            <SubmitButton pending={pending} pendingText="正在启用…">启用账户</SubmitButton>
          </div>
        </>
      )}
    </form>
  );
}
