"use client";

import type { LitigationRoute, ProceedingKind, ProceedingResult } from "@/lib/domain-types";
import { useState, useTransition, type FormEvent } from "react";
import { deleteProceedingAction, saveProceedingAction } from "@/lib/cases/actions";
import { LITIGATION_ROUTE_LABELS, PROCEEDING_KIND_LABELS, PROCEEDING_RESULT_LABELS } from "@/lib/cases/labels";
import type { ActionResult } from "@/lib/errors";
import { callAction } from "@/components/ui/call-action";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import styles from "./case-page.module.css";

export interface ProceedingView {
  id: string;
  kind: ProceedingKind;
  route: LitigationRoute | null;
  reconsiderationId: string | null;
  onlyCoDefendantAsReviewOrgan: boolean;
  filedOn: string;
  result: ProceedingResult | null;
  decidedOn: string | null;
  resultDetail: string | null;
  notes: string | null;
}

export function Proceedings({ applicationId, proceedings }: { applicationId: string; proceedings: ProceedingView[] }) {
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const reconsiderations = proceedings.filter((proceeding) => proceeding.kind === "RECONSIDERATION");
  return (
    <div className="stack">
      {editing === null ? <ActionNotice result={result} /> : null}
      {proceedings.length === 0 ? <p className="muted">暂无行政复议或行政诉讼。</p> : null}
      {proceedings.map((proceeding) =>
        editing === proceeding.id ? (
          <ProceedingForm
            key={proceeding.id}
            applicationId={applicationId}
            proceeding={proceeding}
            reconsiderations={reconsiderations.filter((item) => item.id !== proceeding.id)}
            onDone={(outcome) => (setResult(outcome), outcome.ok && setEditing(null))}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <div key={proceeding.id} className={styles.proceeding} data-testid={`proceeding-${proceeding.kind}`}>
            <div className={styles.eventTitle}>
              {PROCEEDING_KIND_LABELS[proceeding.kind]}
              {proceeding.route ? `（${LITIGATION_ROUTE_LABELS[proceeding.route]}）` : ""} · {proceeding.filedOn}
            </div>
            <div>
              {proceeding.result
                ? `${PROCEEDING_RESULT_LABELS[proceeding.result]}${proceeding.resultDetail ? `（${proceeding.resultDetail}）` : ""} · ${proceeding.decidedOn}`
                : "尚未审结"}
              {proceeding.onlyCoDefendantAsReviewOrgan ? " · 本机关仅作为复议机关共同被告（不计入年度报告）" : ""}
            </div>
            {proceeding.notes ? <div className="muted">{proceeding.notes}</div> : null}
            <div className="row">
              <button type="button" className="button link" onClick={() => (setEditing(proceeding.id), setResult(null))}>
                编辑
              </button>
              <DeleteProceeding applicationId={applicationId} proceedingId={proceeding.id} onDone={setResult} />
            </div>
          </div>
        ),
      )}
      {editing === "new" ? (
        <ProceedingForm
          applicationId={applicationId}
          proceeding={null}
          reconsiderations={reconsiderations}
          onDone={(outcome) => (setResult(outcome), outcome.ok && setEditing(null))}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div>
          <button type="button" className="button" onClick={() => (setEditing("new"), setResult(null))}>
            登记复议或诉讼
          </button>
        </div>
      )}
    </div>
  );
}

function ProceedingForm({
  applicationId,
  proceeding,
  reconsiderations,
  onDone,
  onCancel,
}: {
  applicationId: string;
  proceeding: ProceedingView | null;
  reconsiderations: ProceedingView[];
  onDone: (result: ActionResult) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<ProceedingKind>(proceeding?.kind ?? "RECONSIDERATION");
  const [route, setRoute] = useState<LitigationRoute>(proceeding?.route ?? "DIRECT");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (key: string) => String(form.get(key) ?? "");
    const payload = {
      kind,
      route: kind === "LITIGATION" ? route : undefined,
      reconsiderationId: kind === "LITIGATION" && route === "AFTER_RECONSIDERATION" ? value("reconsiderationId") : undefined,
      onlyCoDefendantAsReviewOrgan: form.get("onlyCoDefendantAsReviewOrgan") === "on",
      filedOn: value("filedOn"),
      result: value("result"),
      decidedOn: value("decidedOn"),
      resultDetail: value("resultDetail"),
      notes: value("notes"),
    };
    startTransition(async () => {
      const outcome = await callAction(saveProceedingAction(applicationId, proceeding?.id ?? null, payload));
      setResult(outcome);
      onDone(outcome);
    });
  }

  return (
    <form className="form" style={{ maxWidth: "none" }} onSubmit={onSubmit} data-testid="proceeding-form">
      <ActionNotice result={result} />
      <div className={styles.fieldRow}>
        <div className="field">
          <label htmlFor="proceeding-kind">类别</label>
          <select id="proceeding-kind" value={kind} disabled={proceeding !== null} onChange={(event) => setKind(event.target.value as ProceedingKind)}>
            <option value="RECONSIDERATION">行政复议</option>
            <option value="LITIGATION">行政诉讼</option>
          </select>
        </div>
        {kind === "LITIGATION" ? (
          <div className="field">
            <label htmlFor="proceeding-route">诉讼类型</label>
            <select id="proceeding-route" value={route} onChange={(event) => setRoute(event.target.value as LitigationRoute)}>
              <option value="DIRECT">未经复议直接起诉</option>
              <option value="AFTER_RECONSIDERATION">复议后起诉</option>
            </select>
          </div>
        ) : null}
        {kind === "LITIGATION" && route === "AFTER_RECONSIDERATION" ? (
          <div className="field">
            <label htmlFor="proceeding-reconsideration">所经行政复议</label>
            <select id="proceeding-reconsideration" name="reconsiderationId" defaultValue={proceeding?.reconsiderationId ?? reconsiderations[0]?.id ?? ""}>
              {reconsiderations.length === 0 ? <option value="">（本案尚未登记行政复议）</option> : null}
              {reconsiderations.map((item) => (
                <option key={item.id} value={item.id}>
                  行政复议 · {item.filedOn}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="proceeding-filedOn">{kind === "LITIGATION" ? "起诉日期" : "复议申请日期"}</label>
          <input id="proceeding-filedOn" name="filedOn" type="date" defaultValue={proceeding?.filedOn} required />
        </div>
        <div className="field">
          <label htmlFor="proceeding-result">结果</label>
          <select id="proceeding-result" name="result" defaultValue={proceeding?.result ?? ""}>
            <option value="">尚未审结</option>
            <option value="UPHELD">结果维持（维持、驳回复议申请、驳回诉讼请求）</option>
            <option value="CORRECTED">结果纠正（撤销、变更、确认违法、责令履行或重新答复）</option>
            <option value="OTHER">其他结果（终止、撤回、驳回起诉、调解和解）</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="proceeding-decidedOn">结果日期</label>
          <input id="proceeding-decidedOn" name="decidedOn" type="date" defaultValue={proceeding?.decidedOn ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="proceeding-resultDetail">结果说明</label>
          <input id="proceeding-resultDetail" name="resultDetail" type="text" defaultValue={proceeding?.resultDetail ?? ""} placeholder="如：撤销、确认违法" />
        </div>
      </div>
      {kind === "LITIGATION" ? (
        <label className="checkbox">
          <input type="checkbox" name="onlyCoDefendantAsReviewOrgan" defaultChecked={proceeding?.onlyCoDefendantAsReviewOrgan} />
          本机关仅作为复议机关共同被告（按国办公开办函〔2016〕201号，不计入本机关年度报告）
        </label>
      ) : null}
      <div className="field">
        <label htmlFor="proceeding-notes">各审级情况与备注</label>
        <textarea id="proceeding-notes" name="notes" rows={2} defaultValue={proceeding?.notes ?? ""} placeholder="如：一审 2026-03-01 判决驳回；二审上诉中" />
        <span className="hint">诉讼以最后生效的裁判为结果；一审判决后上诉、年底二审未决的，按尚未审结统计。</span>
      </div>
      <div className="row">
        <SubmitButton pending={pending}>保存</SubmitButton>
        <button type="button" className="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}

function DeleteProceeding({
  applicationId,
  proceedingId,
  onDone,
}: {
  applicationId: string;
  proceedingId: string;
  onDone: (result: ActionResult) => void;
}) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  if (!open) {
    return (
      <button type="button" className="button link" onClick={() => setOpen(true)}>
        删除
      </button>
    );
  }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    startTransition(async () => {
      const outcome = await callAction(deleteProceedingAction(applicationId, proceedingId, reason));
      onDone(outcome);
      if (outcome.ok) setOpen(false);
    });
  }
  return (
    <form className="form-inline" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`delete-reason-${proceedingId}`}>删除理由</label>
        <input id={`delete-reason-${proceedingId}`} name="reason" type="text" required />
      </div>
      <SubmitButton pending={pending} variant="danger" size="small">
        确认删除
      </SubmitButton>
      <button type="button" className="button small" onClick={() => setOpen(false)}>
        取消
      </button>
    </form>
  );
}
