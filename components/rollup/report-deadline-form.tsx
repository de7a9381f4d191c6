"use client";

import { useState } from "react";
import { setReportDeadlineAction } from "@/lib/rollup/actions";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * Whether the organization publishes as a department (by 31 January) or as a government, by a date it
 * sets (条例 Art. 49: 县级以上地方人民政府 by 31 March).
 */
export function ReportDeadlineForm({ reportDeadline }: { reportDeadline: string | null }) {
  const { result, onSubmit, pending } = useFormAction(setReportDeadlineAction);
  const [kind, setKind] = useState<"department" | "government">(reportDeadline ? "government" : "department");
  const error = fieldError(result, "reportDeadline");
  return (
    <form onSubmit={onSubmit} className="form" data-testid="report-deadline-form">
      <ActionNotice result={result} />
      <fieldset className="stack" style={{ border: "none", margin: 0, padding: 0 }}>
        <legend className="label">本机构的年度报告发布期限</legend>
        <label className="checkbox">
          <input type="radio" name="kind" value="department" checked={kind === "department"} onChange={() => setKind("department")} />
          政府部门：次年 1 月 31 日前
        </label>
        <label className="checkbox">
          <input type="radio" name="kind" value="government" checked={kind === "government"} onChange={() => setKind("government")} />
          人民政府（含其办公厅、办公室汇总的年度报告）：自定期限
        </label>
      </fieldset>
      {kind === "government" ? (
        <div className="field">
          <label htmlFor="report-deadline">次年的发布期限（月-日）</label>
          <input id="report-deadline" name="reportDeadline" type="text" inputMode="numeric" maxLength={5} defaultValue={reportDeadline ?? "03-31"} placeholder="03-31" />
          <span className="hint">《政府信息公开条例》第四十九条：县级以上地方人民政府应于每年 3 月 31 日前公布。</span>
          {error ? <span className="error">{error}</span> : null}
        </div>
      ) : null}
      <div>
        <SubmitButton pending={pending}>保存</SubmitButton>
      </div>
    </form>
  );
}
