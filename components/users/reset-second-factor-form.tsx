"use client";

import { resetUserSecondFactorAction } from "@/lib/users/actions";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

export function ResetSecondFactorForm({ userId, enabled }: { userId: string; enabled: boolean }) {
  const { result, onSubmit, pending } = useFormAction(resetUserSecondFactorAction);
  return (
    <form onSubmit={onSubmit} className="form" data-testid="reset-second-factor-form">
      <ActionNotice result={result} />
      <input type="hidden" name="userId" value={userId} />
      {enabled ? (
        <>
          <p className="muted">已开启。用户手机遗失或更换且恢复码用完时，在核实本人身份后重置；重置后该用户立即退出登录。</p>
          <div>
            <SubmitButton pending={pending} variant="danger" pendingText="正在重置…">
              重置双因素认证
            </SubmitButton>
          </div>
        </>
      ) : (
        <p className="muted">未开启。用户可在“我的账户”中自行设置。</p>
      )}
    </form>
  );
}
