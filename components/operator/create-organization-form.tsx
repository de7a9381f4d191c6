"use client";

import { createOrganizationAction } from "@/lib/organizations/actions";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

function Field({ name, label, hint, result, type = "text", required = true }: {
  name: string;
  label: string;
  hint?: string;
  result: Parameters<typeof fieldError>[0];
  type?: string;
  required?: boolean;
}) {
  const error = fieldError(result, name);
  return (
    <div className="field">
      <label htmlFor={`org-${name}`}>{label}</label>
      <input id={`org-${name}`} name={name} type={type} required={required} autoComplete={type === "password" ? "new-password" : "off"} aria-invalid={error ? true : undefined} />
      {hint ? <span className="hint">{hint}</span> : null}
      {error ? <span className="error">{error}</span> : null}
    </div>
  );
}

export function CreateOrganizationForm() {
  const { result, onSubmit, pending, formRef } = useFormAction(createOrganizationAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="form" data-testid="create-organization-form">
      <ActionNotice result={result} />
      <Field name="code" label="机构代码" hint="2–32 位小写字母、数字或连字符，用于接口地址和命令行，如 sfj-dongcheng" result={result} />
      <Field name="name" label="机构名称" result={result} />
      <Field name="parentCode" label="上级机构代码（可不填）" result={result} required={false} />
      <label className="checkbox">
        <input type="checkbox" name="requireTotp" defaultChecked />
        管理员和负责人登录须使用双因素认证（建议开启）
      </label>
      <h3>首位管理员</h3>
      <Field name="adminUsername" label="管理员用户名" result={result} />
      <Field name="adminDisplayName" label="管理员姓名" result={result} />
      <Field name="adminPassword" label="初始密码" type="password" hint="至少 12 位，含字母和数字；告知本人后，首次登录须改为自己的密码" result={result} />
      <div>
        <SubmitButton pending={pending} pendingText="正在创建…">创建机构</SubmitButton>
      </div>
    </form>
  );
}
