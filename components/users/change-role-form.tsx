"use client";

import type { Role } from "@/lib/domain-types";
import { changeUserRoleAction } from "@/lib/users/actions";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { RoleOptions } from "./role-options";

export function ChangeRoleForm({ userId, role, isSelf }: { userId: string; role: Role; isSelf: boolean }) {
  const { result, onSubmit, pending } = useFormAction(changeUserRoleAction);
  const roleError = fieldError(result, "role");
  return (
    <form onSubmit={onSubmit} className="form" data-testid="change-role-form">
      <ActionNotice result={result} />
      <input type="hidden" name="userId" value={userId} />
      <div className="field">
        <label htmlFor="user-role">角色</label>
        <select id="user-role" name="role" defaultValue={role} required>
          <RoleOptions />
        </select>
        <span className="hint">
          {isSelf ? "更改自己的角色后需重新登录。" : "更改后该用户需重新登录。"}本单位至少需要保留一名启用的管理员。
        </span>
        {roleError ? <span className="error">{roleError}</span> : null}
      </div>
      <div>
        <SubmitButton pending={pending}>保存角色</SubmitButton>
      </div>
    </form>
  );
}
