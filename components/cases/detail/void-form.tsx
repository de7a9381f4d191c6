"use client";

// 作废 and 恢复 (managers and administrators): a case registered by mistake or twice leaves every list,
// count and report but is never deleted; restoring brings it back. Both need a reason.
import { useState, useTransition, type FormEvent } from "react";
import { restoreApplicationAction, voidApplicationAction } from "@/lib/cases/actions";
import type { ActionResult } from "@/lib/errors";
import { callAction } from "@/components/ui/call-action";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import styles from "./case-page.module.css";

const VOID_REASONS = ["误登记（不是政府信息公开申请）", "重复登记"] as const;

export function VoidCaseForm({
  applicationId,
  version,
  publishedReports,
}: {
  applicationId: string;
  version: number;
  /** "2025 年度报告（第 1 版）": published reports that count the case (they stay as published). */
  publishedReports: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const outcome = await callAction(voidApplicationAction(applicationId, version, reason));
      setResult(outcome);
      if (outcome.ok) setOpen(false);
    });
  }

  if (!open) {
    return (
      <div className="stack">
        <ActionNotice result={result} />
        <p className="muted">登记错误或重复登记的案件可以作废：不再计入台账、统计和年度报告，记录保留，可以恢复。</p>
        <div>
          <button type="button" className="button danger small" onClick={() => (setOpen(true), setResult(null))} data-testid="void-open">
            作废案件
          </button>
        </div>
      </div>
    );
  }
  return (
    <form className="form" onSubmit={onSubmit} data-testid="void-form">
      <ActionNotice result={result} />
      {publishedReports ? (
        <div className="notice warning" data-testid="void-published-warning">
          本案计入已发布的{publishedReports}。作废后已发布的版本不变，报告页将显示与当前数据的差异；如需更正，请重新发布。
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="void-reason">作废理由</label>
        <div className={styles.reasonPresets}>
          {VOID_REASONS.map((preset) => (
            <button key={preset} type="button" className="button small" onClick={() => setReason(preset)}>
              {preset}
            </button>
          ))}
        </div>
        <textarea id="void-reason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} required placeholder="如：与 GK-2026-000123 重复登记" />
      </div>
      <div className="row">
        <SubmitButton pending={pending} variant="danger">
          确认作废
        </SubmitButton>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          取消
        </button>
      </div>
    </form>
  );
}

export function RestoreCaseForm({ applicationId, version }: { applicationId: string; version: number }) {
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => setResult(await callAction(restoreApplicationAction(applicationId, version, reason))));
  }
  return (
    <form className="form-inline" onSubmit={onSubmit} data-testid="restore-form">
      <div className="field">
        <label htmlFor="restore-reason">恢复理由</label>
        <input id="restore-reason" type="text" value={reason} onChange={(event) => setReason(event.target.value)} required />
      </div>
      <SubmitButton pending={pending} size="small">
        恢复案件
      </SubmitButton>
      <ActionNotice result={result} />
    </form>
  );
}
