"use client";

import { updateOrganizationSettingsAction } from "@/lib/organizations/actions";
import { APPEALS_BASIS_LABELS } from "@/lib/organizations/schemas";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

interface Settings {
  name: string;
  appealsBasis: keyof typeof APPEALS_BASIS_LABELS;
  feeStopsClock: boolean;
  caseNumberPrefix: string;
  caseNumberPattern: string;
  /** The organization's version as the page was loaded: another administrator's save meanwhile makes the form stale. */
  version: number;
  requireTotp: boolean;
}

export function OrganizationSettingsForm({ settings }: { settings: Settings }) {
  const { result, onSubmit, pending } = useFormAction(updateOrganizationSettingsAction);
  return (
    <form onSubmit={onSubmit} className="form" data-testid="organization-settings-form">
      <ActionNotice result={result} />
      <input type="hidden" name="expectedVersion" value={settings.version} />
      <div className="field">
        <label htmlFor="name">机构名称</label>
        <input id="name" name="name" type="text" defaultValue={settings.name} required />
        {fieldError(result, "name") ? <span className="error">{fieldError(result, "name")}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="caseNumberPrefix">案件编号前缀</label>
        <input id="caseNumberPrefix" name="caseNumberPrefix" type="text" defaultValue={settings.caseNumberPrefix} required />
        {fieldError(result, "caseNumberPrefix") ? <span className="error">{fieldError(result, "caseNumberPrefix")}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="caseNumberPattern">案件编号规则</label>
        <input id="caseNumberPattern" name="caseNumberPattern" type="text" defaultValue={settings.caseNumberPattern} required />
        <span className="hint">可用 {"{前缀}"}、{"{年}"}、{"{序号}"} 或 {"{序号:位数}"}，须含年和序号；默认 {"{前缀}-{年}-{序号:6}"}，如 GK-2026-000123。序号按年份重新编号。</span>
        {fieldError(result, "caseNumberPattern") ? <span className="error">{fieldError(result, "caseNumberPattern")}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="appealsBasis">年度报告表四（复议、诉讼）统计口径</label>
        <select id="appealsBasis" name="appealsBasis" defaultValue={settings.appealsBasis}>
          {Object.entries(APPEALS_BASIS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" name="feeStopsClock" defaultChecked={settings.feeStopsClock} />
        发出收费通知至缴费之日，答复期限停止计算（国办函〔2020〕109号，默认开启）
      </label>
      <label className="checkbox">
        <input type="checkbox" name="requireTotp" defaultChecked={settings.requireTotp} data-testid="require-totp" />
        管理员和负责人登录须使用双因素认证（密码加认证器应用验证码）；开启后，尚未设置的账户在下次登录时须先设置
      </label>
      <div>
        <SubmitButton pending={pending}>保存</SubmitButton>
      </div>
    </form>
  );
}
