"use client";

import { useState } from "react";
import { removeOpeningBalanceAction, saveOpeningBalanceAction } from "@/lib/reports/opening-balance-actions";
import { APPLICANT_COLUMN_KEYS, COLUMN_LABELS } from "@/lib/reports/definitions";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import styles from "./opening-balance.module.css";

interface Props {
  balance: { year: number; carriedOut: number[]; source: string; updatedAt: string } | null;
  suggestedYear: number;
}

/** Enters or corrects 四 of the report published for the year before the first year in the system. */
export function OpeningBalanceForm({ balance, suggestedYear }: Props) {
  const { result, onSubmit, pending } = useFormAction(saveOpeningBalanceAction);
  const [counts, setCounts] = useState<string[]>(APPLICANT_COLUMN_KEYS.map((_key, index) => String(balance?.carriedOut[index] ?? 0)));
  const total = counts.reduce((sum, count) => sum + (Number.isInteger(Number(count)) ? Number(count) : 0), 0);
  const error = (field: string) => fieldError(result, field);
  return (
    <form onSubmit={onSubmit} className={`form ${styles.form}`} data-testid="opening-balance-form">
      <ActionNotice result={result} />
      <input type="hidden" name="expectedUpdatedAt" value={balance?.updatedAt ?? ""} />
      <div className="field">
        <label htmlFor="opening-year">年度（本机构在系统中第一个年度的上一年）</label>
        <input id="opening-year" name="year" type="number" min={2018} max={2100} defaultValue={balance?.year ?? suggestedYear} required />
        {error("year") ? <span className="error">{error("year")}</span> : null}
      </div>
      <fieldset className={styles.countFields}>
        <legend>该年度已发布报告“四、结转下年度继续办理”的件数</legend>
        {APPLICANT_COLUMN_KEYS.map((key, index) => (
          <div className="field" key={key}>
            <label htmlFor={`opening-${key}`}>{COLUMN_LABELS[key]}</label>
            <input
              id={`opening-${key}`}
              name={`count.${key}`}
              type="number"
              min={0}
              step={1}
              value={counts[index]}
              onChange={(event) => setCounts((previous) => previous.map((value, position) => (position === index ? event.target.value : value)))}
            />
            {error(`counts.${key}`) ? <span className="error">{error(`counts.${key}`)}</span> : null}
          </div>
        ))}
        <div className="field">
          <span className="label">总计</span>
          <output data-testid="opening-balance-total">{total}</output>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="opening-source">来源文件</label>
        <input
          id="opening-source"
          name="source"
          type="text"
          maxLength={300}
          defaultValue={balance?.source ?? ""}
          placeholder="《××局2023年政府信息公开工作年度报告》（2024年1月20日发布）"
        />
        {error("source") ? <span className="error">{error("source")}</span> : null}
      </div>
      {balance ? (
        <div className="field">
          <label htmlFor="opening-reason">更正理由</label>
          <input id="opening-reason" name="reason" type="text" maxLength={500} placeholder="如：按更正后的报告录入" />
          {error("reason") ? <span className="error">{error("reason")}</span> : null}
        </div>
      ) : null}
      <div>
        <SubmitButton pending={pending}>{balance ? "保存更正" : "保存期初余额"}</SubmitButton>
      </div>
    </form>
  );
}

export function RemoveOpeningBalanceForm({ updatedAt }: { updatedAt: string }) {
  const { result, onSubmit, pending } = useFormAction(removeOpeningBalanceAction);
  return (
    <form onSubmit={onSubmit} className="form" data-testid="remove-opening-balance-form">
      <ActionNotice result={result} />
      <input type="hidden" name="expectedUpdatedAt" value={updatedAt} />
      <div className="field">
        <label htmlFor="opening-remove-reason">删除理由</label>
        <input id="opening-remove-reason" name="reason" type="text" maxLength={500} placeholder="如：已导入上年未办结的申请" />
        {fieldError(result, "reason") ? <span className="error">{fieldError(result, "reason")}</span> : null}
      </div>
      <div>
        <SubmitButton pending={pending} variant="danger">
          删除期初余额
        </SubmitButton>
      </div>
    </form>
  );
}
