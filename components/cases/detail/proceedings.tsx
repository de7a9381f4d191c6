"use client";

import type { LitigationRoute, ProceedingDisposition, ProceedingInstanceLevel, ProceedingKind, ProceedingResult } from "@/lib/domain-types";
import { useState, useTransition, type FormEvent } from "react";
import { deleteProceedingAction, saveProceedingAction } from "@/lib/appeals/actions";
import { LITIGATION_ROUTE_LABELS, PROCEEDING_KIND_LABELS, PROCEEDING_RESULT_LABELS } from "@/lib/cases/labels";
import {
  DISPOSITION_LABELS,
  DISPOSITION_RESULTS,
  INSTANCE_LEVEL_LABELS,
  RECONSIDERATION_DISPOSITIONS,
  INSTANCE_DISPOSITIONS,
  deriveLitigationResult,
  deriveReconsiderationResult,
} from "@/lib/appeals/dispositions";
import type { ActionResult } from "@/lib/errors";
import { callAction } from "@/components/ui/call-action";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import styles from "./case-page.module.css";

export interface ProceedingInstanceView {
  level: ProceedingInstanceLevel;
  filedOn: string;
  disposition: ProceedingDisposition | null;
  decidedOn: string | null;
  note: string | null;
}

export interface ProceedingView {
  id: string;
  /** As the page was loaded: an edit saved meanwhile by someone else makes this one stale. */
  version: number;
  kind: ProceedingKind;
  route: LitigationRoute | null;
  reconsiderationId: string | null;
  onlyCoDefendantAsReviewOrgan: boolean;
  filedOn: string;
  disposition: ProceedingDisposition | null;
  result: ProceedingResult | null;
  decidedOn: string | null;
  resultDetail: string | null;
  notes: string | null;
  instances: ProceedingInstanceView[];
}

/** A result recorded without a decision or instances (a ledger import). */
function hasUnnamedResult(proceeding: ProceedingView): boolean {
  return proceeding.result !== null && proceeding.disposition === null && proceeding.instances.length === 0;
}

function dispositionOption(disposition: ProceedingDisposition): string {
  const result = DISPOSITION_RESULTS[disposition];
  return result ? `${DISPOSITION_LABELS[disposition]}（${PROCEEDING_RESULT_LABELS[result]}）` : DISPOSITION_LABELS[disposition];
}

function resultLine(proceeding: ProceedingView): string {
  if (!proceeding.result) return "尚未审结";
  const named = proceeding.disposition ? `${DISPOSITION_LABELS[proceeding.disposition]} · ` : "";
  const unnamed = hasUnnamedResult(proceeding) ? "（未注明具体决定或审级）" : "";
  return `${named}${PROCEEDING_RESULT_LABELS[proceeding.result]}${unnamed} · ${proceeding.decidedOn}`;
}

export function Proceedings({
  applicationId,
  proceedings,
  editable,
}: {
  applicationId: string;
  proceedings: ProceedingView[];
  /** False for a voided case. */
  editable: boolean;
}) {
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
            {proceeding.instances.length > 0 ? (
              <ol className={styles.instances} data-testid="proceeding-instances">
                {proceeding.instances.map((instance, index) => (
                  <li key={index}>
                    {INSTANCE_LEVEL_LABELS[instance.level]} {instance.filedOn} 立案
                    {instance.disposition ? ` · ${instance.decidedOn} ${DISPOSITION_LABELS[instance.disposition]}` : " · 尚未裁判"}
                    {instance.note ? <span className="muted"> · {instance.note}</span> : null}
                  </li>
                ))}
              </ol>
            ) : null}
            <div data-testid="proceeding-result">
              {proceeding.kind === "LITIGATION" && proceeding.instances.length > 0 ? "生效结果：" : ""}
              {resultLine(proceeding)}
              {proceeding.resultDetail ? `（${proceeding.resultDetail}）` : ""}
              {proceeding.onlyCoDefendantAsReviewOrgan ? " · 本机关仅作为复议机关共同被告（不计入年度报告）" : ""}
            </div>
            {proceeding.notes ? <div className="muted">{proceeding.notes}</div> : null}
            {editable ? (
              <div className="row">
                <button type="button" className="button link" onClick={() => (setEditing(proceeding.id), setResult(null))}>
                  编辑
                </button>
                <DeleteProceeding applicationId={applicationId} proceeding={proceeding} onDone={setResult} />
              </div>
            ) : null}
          </div>
        ),
      )}
      {!editable ? null : editing === "new" ? (
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

interface InstanceDraft {
  level: ProceedingInstanceLevel;
  filedOn: string;
  disposition: ProceedingDisposition | "";
  decidedOn: string;
  note: string;
}

function draftOf(instance: ProceedingInstanceView): InstanceDraft {
  return {
    level: instance.level,
    filedOn: instance.filedOn,
    disposition: instance.disposition ?? "",
    decidedOn: instance.decidedOn ?? "",
    note: instance.note ?? "",
  };
}

const LEVELS: ProceedingInstanceLevel[] = ["FIRST", "SECOND", "RETRIAL"];

/** The level that usually follows: an appeal after a first instance, a retrial after an appeal, a new trial after a remand. */
function nextLevel(instances: InstanceDraft[]): ProceedingInstanceLevel {
  const last = instances.at(-1);
  if (!last) return "FIRST";
  if (last.disposition === "REMAND") return "FIRST";
  return last.level === "FIRST" ? "SECOND" : "RETRIAL";
}

const FILED_LABELS: Record<ProceedingInstanceLevel, string> = { FIRST: "立案（起诉）日期", SECOND: "上诉日期", RETRIAL: "再审立案日期" };

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
  const [filedOn, setFiledOn] = useState(proceeding?.filedOn ?? "");
  const [disposition, setDisposition] = useState<ProceedingDisposition | "">(proceeding?.disposition ?? "");
  const [decidedOn, setDecidedOn] = useState(proceeding?.kind === "RECONSIDERATION" && proceeding.disposition ? (proceeding.decidedOn ?? "") : "");
  const [instances, setInstances] = useState<InstanceDraft[]>(
    proceeding?.instances.length ? proceeding.instances.map(draftOf) : proceeding && hasUnnamedResult(proceeding) ? [] : [{ level: "FIRST", filedOn: "", disposition: "", decidedOn: "", note: "" }],
  );
  const unnamed = proceeding !== null && hasUnnamedResult(proceeding);
  const [keepRecordedResult, setKeepRecordedResult] = useState(unnamed);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  const effectiveInstances = instances.map((instance, index) => ({
    level: instance.level,
    filedOn: instance.filedOn || (index === 0 ? filedOn : ""),
    disposition: instance.disposition || null,
    decidedOn: instance.decidedOn || null,
  }));
  const missingDate = kind === "LITIGATION" ? effectiveInstances.findIndex((instance) => !instance.filedOn) : -1;
  const preview = !filedOn
    ? null
    : missingDate >= 0
      ? { ok: false as const, message: `请填写第 ${missingDate + 1} 项（${INSTANCE_LEVEL_LABELS[effectiveInstances[missingDate]!.level]}）的${FILED_LABELS[effectiveInstances[missingDate]!.level]}` }
      : kind === "RECONSIDERATION"
      ? deriveReconsiderationResult(disposition || null, decidedOn || null, filedOn)
      : deriveLitigationResult(effectiveInstances, filedOn);
  const keeping = unnamed && keepRecordedResult && (kind === "RECONSIDERATION" ? !disposition && !decidedOn : instances.length === 0);

  const update = (index: number, change: Partial<InstanceDraft>) =>
    setInstances((current) => current.map((instance, position) => (position === index ? { ...instance, ...change } : instance)));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (key: string) => String(form.get(key) ?? "");
    const payload = {
      kind,
      route: kind === "LITIGATION" ? route : undefined,
      reconsiderationId: kind === "LITIGATION" && route === "AFTER_RECONSIDERATION" ? value("reconsiderationId") : undefined,
      onlyCoDefendantAsReviewOrgan: form.get("onlyCoDefendantAsReviewOrgan") === "on",
      filedOn,
      disposition: kind === "RECONSIDERATION" ? disposition : "",
      decidedOn: kind === "RECONSIDERATION" ? decidedOn : "",
      instances:
        kind === "LITIGATION"
          ? instances.map((instance, index) => ({ ...instance, filedOn: instance.filedOn || (index === 0 ? filedOn : "") }))
          : [],
      keepRecordedResult,
      resultDetail: value("resultDetail"),
      notes: value("notes"),
    };
    startTransition(async () => {
      const outcome = await callAction(saveProceedingAction(applicationId, proceeding?.id ?? null, proceeding?.version ?? null, payload));
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
          <input id="proceeding-filedOn" type="date" value={filedOn} onChange={(event) => setFiledOn(event.target.value)} required />
        </div>
        {kind === "RECONSIDERATION" ? (
          <>
            <div className="field">
              <label htmlFor="proceeding-disposition">复议决定</label>
              <select id="proceeding-disposition" value={disposition} onChange={(event) => setDisposition(event.target.value as ProceedingDisposition | "")}>
                <option value="">尚未作出决定</option>
                {RECONSIDERATION_DISPOSITIONS.map((option) => (
                  <option key={option} value={option}>
                    {dispositionOption(option)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="proceeding-decidedOn">决定日期</label>
              <input id="proceeding-decidedOn" type="date" value={decidedOn} onChange={(event) => setDecidedOn(event.target.value)} />
            </div>
          </>
        ) : null}
      </div>

      {kind === "LITIGATION" ? (
        <div className={styles.items} data-testid="proceeding-instance-editor">
          <span className="label">审级（一审、二审、再审，按发生顺序）：以最后生效的裁判为结果；一审判决被上诉的不生效，二审未决的按尚未审结统计</span>
          {instances.length > 0 ? (
            <div className={`${styles.instanceRow} muted`} aria-hidden="true">
              <span>审级</span>
              <span>立案（上诉）日期</span>
              <span>裁判结果</span>
              <span>裁判日期</span>
              <span>备注</span>
              <span />
            </div>
          ) : null}
          {instances.map((instance, index) => (
            <div key={index} className={styles.instanceRow} data-testid={`instance-${index}`}>
              <select aria-label={`第 ${index + 1} 项审级`} value={instance.level} onChange={(event) => update(index, { level: event.target.value as ProceedingInstanceLevel, disposition: "" })}>
                {LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {INSTANCE_LEVEL_LABELS[level]}
                  </option>
                ))}
              </select>
              <input
                type="date"
                aria-label={`第 ${index + 1} 项${FILED_LABELS[instance.level]}`}
                title={FILED_LABELS[instance.level]}
                value={instance.filedOn || (index === 0 ? filedOn : "")}
                onChange={(event) => update(index, { filedOn: event.target.value })}
              />
              <select aria-label={`第 ${index + 1} 项裁判结果`} value={instance.disposition} onChange={(event) => update(index, { disposition: event.target.value as ProceedingDisposition | "" })}>
                <option value="">尚未裁判</option>
                {INSTANCE_DISPOSITIONS[instance.level].map((option) => (
                  <option key={option} value={option}>
                    {dispositionOption(option)}
                  </option>
                ))}
              </select>
              <input type="date" aria-label={`第 ${index + 1} 项裁判日期`} title="裁判日期" value={instance.decidedOn} onChange={(event) => update(index, { decidedOn: event.target.value })} />
              <input type="text" aria-label={`第 ${index + 1} 项备注`} placeholder="案号、法院等" value={instance.note} onChange={(event) => update(index, { note: event.target.value })} />
              <button type="button" className="button small" onClick={() => setInstances((current) => current.filter((_, position) => position !== index))}>
                删除
              </button>
            </div>
          ))}
          <div>
            <button
              type="button"
              className="button small"
              onClick={() => setInstances((current) => [...current, { level: nextLevel(current), filedOn: "", disposition: "", decidedOn: "", note: "" }])}
            >
              增加审级
            </button>
          </div>
        </div>
      ) : null}

      {unnamed && proceeding ? (
        <label className="checkbox">
          <input type="checkbox" checked={keepRecordedResult} onChange={(event) => setKeepRecordedResult(event.target.checked)} />
          在登记{proceeding.kind === "LITIGATION" ? "审级" : "具体决定"}之前，保留原登记的结果：{PROCEEDING_RESULT_LABELS[proceeding.result!]}（{proceeding.decidedOn}，台账导入，未注明具体决定或审级）
        </label>
      ) : null}

      <p className="hint" data-testid="proceeding-result-preview">
        {keeping && proceeding
          ? `统计结果：${PROCEEDING_RESULT_LABELS[proceeding.result!]}（保留原登记）`
          : preview === null
            ? "填写日期后显示统计结果"
            : preview.ok
              ? `统计结果：${preview.result ? `${PROCEEDING_RESULT_LABELS[preview.result]}（${preview.decidedOn}）` : "尚未审结"}`
              : preview.message}
      </p>

      <div className={styles.fieldRow}>
        <div className="field">
          <label htmlFor="proceeding-resultDetail">结果说明</label>
          <input id="proceeding-resultDetail" name="resultDetail" type="text" defaultValue={proceeding?.resultDetail ?? ""} placeholder="如：文书编号" />
        </div>
      </div>
      {kind === "LITIGATION" ? (
        <label className="checkbox">
          <input type="checkbox" name="onlyCoDefendantAsReviewOrgan" defaultChecked={proceeding?.onlyCoDefendantAsReviewOrgan} />
          本机关仅作为复议机关共同被告（按国办公开办函〔2016〕201号，不计入本机关年度报告）
        </label>
      ) : null}
      <div className="field">
        <label htmlFor="proceeding-notes">备注</label>
        <textarea id="proceeding-notes" name="notes" rows={2} defaultValue={proceeding?.notes ?? ""} />
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
  proceeding,
  onDone,
}: {
  applicationId: string;
  proceeding: ProceedingView;
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
      const outcome = await callAction(deleteProceedingAction(applicationId, proceeding.id, proceeding.version, reason));
      onDone(outcome);
      if (outcome.ok) setOpen(false);
    });
  }
  return (
    <form className="form-inline" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`delete-reason-${proceeding.id}`}>删除理由</label>
        <input id={`delete-reason-${proceeding.id}`} name="reason" type="text" required />
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
