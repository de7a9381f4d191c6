"use client";

import { createApiTokenAction } from "@/lib/api-tokens/actions";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import styles from "@/components/account/account.module.css";

export function CreateApiTokenForm({ apiExample }: { apiExample: string }) {
  const { result, onSubmit, pending, formRef } = useFormAction(createApiTokenAction, { resetOnSuccess: true });
  const nameError = fieldError(result, "name");
  return (
    <form ref={formRef} onSubmit={onSubmit} className="form" data-testid="create-api-token-form">
      <ActionNotice result={result} />
      {result?.ok && result.data ? (
        <div className="stack">
          <code className={styles.token} data-testid="new-api-token">
            {result.data.token}
          </code>
          <p className="muted">
            调用示例：<code>curl -H &quot;Authorization: Bearer {result.data.token.slice(0, 10)}…&quot; {apiExample}</code>
          </p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="api-token-name">用途</label>
        <input id="api-token-name" name="name" type="text" maxLength={60} required placeholder="如：市政府办公室年度报告汇总" />
        {nameError ? <span className="error">{nameError}</span> : null}
      </div>
      <div>
        <SubmitButton pending={pending} pendingText="正在创建…">创建令牌</SubmitButton>
      </div>
    </form>
  );
}
