"use client";

import { createUserAction } from "@/lib/users/actions";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { NewPasswordFields } from "./new-password-fields";
import { RoleOptions } from "./role-options";
import styles from "./users.module.css";

export function CreateUserForm() {
  // A refused submission (e.g. a username already taken) keeps what was typed; emptied once created.
  const { result, onSubmit, pending, formRef } = useFormAction(createUserAction, { resetOnSuccess: true });
  const usernameError = fieldError(result, "username");
  const displayNameError = fieldError(result, "displayName");
  const roleError = fieldError(result, "role");

  return (
    <form ref={formRef} onSubmit={onSubmit} className="form" data-testid="create-user-form">
      <ActionNotice result={result} />
      <div className={styles.fieldGrid}>
        <div className="field">
          <label htmlFor="new-user-username">用户名</label>
          <input
            id="new-user-username"
            name="username"
            type="text"
            autoComplete="off"
            spellCheck={false}
            required
            maxLength={40}
            aria-invalid={usernameError ? true : undefined}
          />
          <span className="hint">登录用，2–40 位小写字母、数字或 . _ -</span>
          {usernameError ? <span className="error">{usernameError}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="new-user-display-name">姓名</label>
          <input
            id="new-user-display-name"
            name="displayName"
            type="text"
            autoComplete="off"
            required
            maxLength={40}
            aria-invalid={displayNameError ? true : undefined}
          />
          {displayNameError ? <span className="error">{displayNameError}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="new-user-role">角色</label>
          <select id="new-user-role" name="role" required defaultValue="CLERK">
            <RoleOptions />
          </select>
          {roleError ? <span className="error">{roleError}</span> : null}
        </div>
      </div>
      <NewPasswordFields label="初始密码" result={result} />
      <div>
        <SubmitButton pending={pending} pendingText="正在创建…">
          创建用户
        </SubmitButton>
      </div>
    </form>
  );
}
