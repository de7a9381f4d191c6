"use client";

import { outcomeTitle } from "@/lib/cases/outcome-title";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { LetterKind, Outcome } from "@/lib/domain-types";
import { draftLetterAction, issueLetterAction, type LetterDraft } from "@/lib/letters/actions";
import { LETTER_KIND_LABELS, LETTER_STEPS } from "@/lib/letters/definitions";
import { OUTCOMES } from "@/lib/cases/labels";
import { perVolumeFee } from "@/lib/fees/calculator";
import type { ActionResult } from "@/lib/errors";
import { callAction } from "@/components/ui/call-action";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import type { RecordedExtension } from "@/lib/letters/values";

interface Props {
  applicationId: string;
  /** The case's version as the page was loaded: a letter that records a step refuses a stale case. */
  caseVersion: number;
  caseNumber: string;
  kind: LetterKind;
  today: string;
  receivedOn: string;
  /** The case's outcome, when it is closed: the 答复书 answers it. */
  outcome: Outcome | null;
  /** The recorded 答复办结 date, when it is closed: a 答复书 written afterwards is dated that day. */
  closedOn: string | null;
  /** 按件: the fee of this application's place in the applicant's month. */
  perApplicationAmount: number;
  /** The extension already recorded (approved by a manager): the notice states it as recorded. */
  recordedExtension: RecordedExtension | null;
}

/** The facts of the letter, read from the form, in the shape of lib/letters/schemas.ts letterInputsSchema. */
function inputsFrom(kind: LetterKind, form: FormData): Record<string, unknown> {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const optional = (name: string) => text(name) || undefined;
  switch (kind) {
    case "RECEIPT":
      return { kind };
    case "CORRECTION_NOTICE":
      return { kind, matters: text("matters"), deadlineOn: text("deadlineOn"), lateReason: optional("lateReason") };
    case "EXTENSION_NOTICE":
      return { kind, workdays: text("workdays"), approvedBy: text("approvedBy"), approvedOn: text("approvedOn"), reason: text("reason") };
    case "THIRD_PARTY_CONSULTATION":
    case "AGENCY_CONSULTATION":
      return { kind, partyName: text("partyName") };
    case "FEE_NOTICE":
      return {
        kind,
        method: text("method"),
        pages: optional("pages"),
        amount: text("amount"),
        adjustmentReason: optional("adjustmentReason"),
        paymentMethod: text("paymentMethod"),
        applicantReceivedOn: optional("applicantReceivedOn"),
      };
    case "DECISION":
      return { kind, outcome: text("outcome"), explanation: optional("explanation") };
  }
}

function FieldError({ result, name }: { result: ActionResult<unknown> | null; name: string }) {
  const message = fieldError(result, name) ?? fieldError(result, `inputs.${name}`);
  return message ? <span className="error">{message}</span> : null;
}

/** An extension already recorded: the notice states it as recorded, read-only (the server uses the recorded step). */
function RecordedExtensionFields({ extension }: { extension: RecordedExtension }) {
  return (
    <div className="stack" data-testid="recorded-extension">
      <p className="notice info" style={{ margin: 0 }}>
        本案已登记延期：经{extension.approvedBy}同意（{extension.approvedOn}），延长答复期限 {extension.workdays} 个工作日。告知书按已登记的延期出具，不再另行登记步骤。
      </p>
      <p style={{ margin: 0 }}>延期理由：{extension.reason}</p>
      <input type="hidden" name="workdays" value={extension.workdays} />
      <input type="hidden" name="approvedBy" value={extension.approvedBy} />
      <input type="hidden" name="approvedOn" value={extension.approvedOn} />
      <input type="hidden" name="reason" value={extension.reason} />
    </div>
  );
}

function FeeFields({ perApplicationAmount, result }: { perApplicationAmount: number; result: ActionResult<unknown> | null }) {
  const [method, setMethod] = useState("PER_APPLICATION");
  const [pages, setPages] = useState("0");
  const calculated = (method === "PER_APPLICATION" ? perApplicationAmount : perVolumeFee(Math.max(0, Math.floor(Number(pages) || 0)))).toFixed(2);
  const [amount, setAmount] = useState(calculated);
  return (
    <>
      <div className="row">
        <div className="field">
          <label htmlFor="method">计收方式</label>
          <select
            id="method"
            name="method"
            value={method}
            onChange={(event) => {
              setMethod(event.target.value);
              setAmount((event.target.value === "PER_APPLICATION" ? perApplicationAmount : perVolumeFee(Math.floor(Number(pages) || 0))).toFixed(2));
            }}
          >
            <option value="PER_APPLICATION">按件计收</option>
            <option value="PER_VOLUME">按量计收</option>
          </select>
        </div>
        {method === "PER_VOLUME" ? (
          <div className="field">
            <label htmlFor="pages">页数</label>
            <input
              id="pages"
              name="pages"
              type="number"
              min={0}
              value={pages}
              onChange={(event) => {
                setPages(event.target.value);
                setAmount(perVolumeFee(Math.max(0, Math.floor(Number(event.target.value) || 0))).toFixed(2));
              }}
            />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="amount">收费金额（元）</label>
          <input id="amount" name="amount" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} required />
          <span className="hint">按标准计算：{calculated} 元</span>
          <FieldError result={result} name="amount" />
        </div>
      </div>
      {amount !== calculated ? (
        <div className="field">
          <label htmlFor="adjustmentReason">调整理由</label>
          <input id="adjustmentReason" name="adjustmentReason" />
          <FieldError result={result} name="adjustmentReason" />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="paymentMethod">缴纳方式</label>
        <input id="paymentMethod" name="paymentMethod" defaultValue="通过非税收入缴款码或到本机关窗口缴纳" required />
      </div>
      <div className="field">
        <label htmlFor="applicantReceivedOn">申请人收到通知的日期（当面送达时填写）</label>
        <input id="applicantReceivedOn" name="applicantReceivedOn" type="date" />
        <span className="hint">填写后，出具时同时登记“收费通知”步骤；邮寄的，请在申请人收到后于办理步骤中登记。</span>
      </div>
    </>
  );
}

export function LetterForm({ applicationId, caseVersion, caseNumber, kind, today, receivedOn, outcome, closedOn, perApplicationAmount, recordedExtension }: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<LetterDraft | null>(null);
  const [body, setBody] = useState("");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  function payload() {
    const form = new FormData(formRef.current!);
    return { applicationId, issuedOn: String(form.get("issuedOn") ?? ""), inputs: inputsFrom(kind, form) };
  }

  function generate() {
    if (draft && body !== draft.body && !window.confirm("重新生成会替换已修改的文字，确定吗？")) return;
    startTransition(async () => {
      const drafted = await callAction(draftLetterAction(payload()));
      setResult(drafted.ok ? null : drafted);
      if (drafted.ok && drafted.data) {
        setDraft(drafted.data);
        setBody(drafted.data.body);
      }
    });
  }

  function issue() {
    startTransition(async () => {
      const issued = await callAction(issueLetterAction({ ...payload(), body, caseVersion }));
      setResult(issued);
      if (issued.ok) {
        router.push(`/cases/${applicationId}`);
        router.refresh();
      }
    });
  }

  return (
    <form ref={formRef} className="stack" data-testid="letter-form" onSubmit={(event) => event.preventDefault()}>
      <p className="muted">
        案件 {caseNumber} · {LETTER_KIND_LABELS[kind]}
        {LETTER_STEPS[kind] ? ` · 出具后同时登记：${LETTER_STEPS[kind]}` : ""}
      </p>
      <div className="field">
        <label htmlFor="issuedOn">文书日期</label>
        <input id="issuedOn" name="issuedOn" type="date" defaultValue={kind === "DECISION" && closedOn ? closedOn : today} min={receivedOn} max={today} required />
        <FieldError result={result} name="issuedOn" />
      </div>
      {kind === "CORRECTION_NOTICE" ? (
        <>
          <div className="field">
            <label htmlFor="matters">需要补正的事项</label>
            <textarea id="matters" name="matters" rows={3} required />
            <FieldError result={result} name="matters" />
          </div>
          <div className="field">
            <label htmlFor="deadlineOn">补正期限</label>
            <input id="deadlineOn" name="deadlineOn" type="date" required />
            <FieldError result={result} name="deadlineOn" />
          </div>
          <div className="field">
            <label htmlFor="lateReason">逾期告知的理由（超过收到申请后 7 个工作日才告知时必填）</label>
            <input id="lateReason" name="lateReason" type="text" />
            <FieldError result={result} name="lateReason" />
          </div>
        </>
      ) : null}
      {kind === "EXTENSION_NOTICE" ? (
        recordedExtension ? (
          <RecordedExtensionFields extension={recordedExtension} />
        ) : (
          <div className="row">
            <div className="field">
              <label htmlFor="workdays">延长工作日数</label>
              <input id="workdays" name="workdays" type="number" min={1} max={20} defaultValue={20} required />
            </div>
            <div className="field">
              <label htmlFor="approvedBy">批准人</label>
              <input id="approvedBy" name="approvedBy" required />
            </div>
            <div className="field">
              <label htmlFor="approvedOn">批准日期</label>
              <input id="approvedOn" name="approvedOn" type="date" defaultValue={today} required />
            </div>
            <div className="field">
              <label htmlFor="reason">延期理由</label>
              <input id="reason" name="reason" required />
            </div>
          </div>
        )
      ) : null}
      {kind === "THIRD_PARTY_CONSULTATION" || kind === "AGENCY_CONSULTATION" ? (
        <div className="field">
          <label htmlFor="partyName">{kind === "THIRD_PARTY_CONSULTATION" ? "第三方名称" : "被征求意见机关"}</label>
          <input id="partyName" name="partyName" required />
          <FieldError result={result} name="partyName" />
        </div>
      ) : null}
      {kind === "FEE_NOTICE" ? <FeeFields perApplicationAmount={perApplicationAmount} result={result} /> : null}
      {kind === "DECISION" ? (
        <>
          <div className="field">
            <label htmlFor="outcome">办理结果</label>
            <select id="outcome" name="outcome" defaultValue={outcome ?? "GRANTED"}>
              {OUTCOMES.map((value) => (
                <option key={value} value={value}>
                  {outcomeTitle(value)}
                </option>
              ))}
            </select>
            <span className="hint">
              {closedOn ? `本案已于 ${closedOn} 登记答复办结；文书日期默认为该日。` : "出具答复书不登记办结；送达后请在办理步骤中登记“答复办结”。"}
            </span>
          </div>
          <div className="field">
            <label htmlFor="explanation">处理说明</label>
            <textarea id="explanation" name="explanation" rows={3} placeholder="提供的方式、不予公开的内容和理由、负责公开的机关等" />
          </div>
        </>
      ) : null}
      <div>
        <button type="button" className="button" onClick={generate} disabled={pending}>
          {draft ? "重新生成文字" : "生成文书文字"}
        </button>
      </div>
      {draft ? (
        <section className="stack" aria-label="文书文字">
          <h2>
            {draft.title} <span className="muted">致 {draft.recipient}</span>
          </h2>
          <p className="hint muted">
            请核对文字，可直接修改；“{"{文号}"}”在出具时换成本文书的编号。模板{draft.templateVersion === 0 ? "为系统内置文本" : `为第 ${draft.templateVersion} 版`}。
          </p>
          <textarea aria-label="文书正文" value={body} onChange={(event) => setBody(event.target.value)} rows={16} />
          <FieldError result={result} name="body" />
        </section>
      ) : null}
      <ActionNotice result={result} />
      {draft ? (
        <div>
          <button type="button" className="button primary" onClick={issue} disabled={pending} aria-busy={pending}>
            {pending ? "处理中…" : "出具文书"}
          </button>
        </div>
      ) : null}
    </form>
  );
}
