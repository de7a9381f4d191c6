"use client";

import type { CaseEventType, Outcome } from "@/lib/domain-types";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { recordCaseEventAction } from "@/lib/cases/actions";
import { requestExtensionAction } from "@/lib/extensions/actions";
import type { ExtensionRequestView } from "@/lib/extensions/queries";
import { EXTENSION_REASON_MAX } from "@/lib/cases/limits";
import { CountedText } from "@/components/ui/char-count";
import { FieldMessage } from "@/components/ui/field-message";
import { Link } from "@/components/link";
import { CASE_EVENT_BUTTON_LABELS, CASE_EVENT_LABELS, OUTCOMES } from "@/lib/cases/labels";
import type { CaseProjection } from "@/lib/cases/projection";
import type { ActionResult } from "@/lib/errors";
import { callAction } from "@/components/ui/call-action";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { FieldErrorsProvider } from "@/components/ui/field-message";
import { markInvalidFields } from "@/components/ui/mark-invalid-fields";
import { StepFields, stepPayload } from "./step-fields";
import { ExtensionRequestPanel } from "./extension-request-panel";
import styles from "./case-page.module.css";

/** Dispositions that fit the clock's state when closing (also 当场答复 at registration). */
export function outcomesFor(phase: CaseProjection["clockPhase"]): Outcome[] {
  if (phase === "AWAITING_CORRECTION") return ["OTHER_NO_CORRECTION"];
  if (phase === "AWAITING_FEE") return ["OTHER_FEE_UNPAID"];
  return OUTCOMES.filter((outcome) => outcome !== "OTHER_NO_CORRECTION" && outcome !== "OTHER_FEE_UNPAID");
}

export function StepPanel({
  applicationId,
  version,
  steps,
  today,
  projection,
  fee,
  requestContent,
  extension,
}: {
  /**
   * Extension approval in the system (docs/decisions/0075): the case's requests, and whether the actor
   * may approve (then 延期 records the step at once, the actor as approver); otherwise 延期 is a request.
   */
  extension: { requests: ExtensionRequestView[]; canApprove: boolean; currentUserId: string; currentUserName: string };
  applicationId: string;
  /** The case's version as the page was loaded: a step recorded meanwhile by someone else makes this form stale. */
  version: number;
  steps: CaseEventType[];
  today: string;
  receivedOn: string;
  projection: CaseProjection;
  fee: { monthlyOrdinal: number; perApplicationAmount: number };
  requestContent: string;
}) {
  const [selected, setSelected] = useState<CaseEventType | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  // A refused step: each field the server objected to is marked, and the first one gets the focus.
  useEffect(() => {
    if (formRef.current) markInvalidFields(formRef.current, result && !result.ok ? result.fieldErrors : undefined);
  }, [result]);

  const pendingExtension = extension.requests.some((request) => request.status === "PENDING");
  const panel = (
    <ExtensionRequestPanel
      applicationId={applicationId}
      requests={extension.requests}
      currentUserId={extension.currentUserId}
      canDecide={extension.canApprove}
    />
  );
  if (steps.length === 0) return <p className="muted">案件已办结，没有可登记的后续步骤。如有登记错误，可在办理记录中更正。</p>;
  // While a request waits, 延期 is the manager's decision above, not a new entry.
  const offered = pendingExtension ? steps.filter((step) => step !== "EXTENSION") : steps;
  const requesting = selected === "EXTENSION" && !extension.canApprove;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!selected) return;
    const form = new FormData(event.currentTarget);
    const value = (key: string) => {
      const entry = form.get(key);
      return typeof entry === "string" ? entry : "";
    };
    startTransition(async () => {
      const outcome = requesting
        ? await callAction(requestExtensionAction(applicationId, version, { workdays: value("workdays"), reason: value("reason") }))
        : await callAction(recordCaseEventAction(applicationId, version, stepPayload(selected, form)));
      setResult(outcome);
      if (outcome.ok) setSelected(null);
    });
  }

  return (
    <div>
      {panel}
      <div className={styles.steps} role="group" aria-label="可登记的步骤">
        {offered.map((step) => (
          <button
            key={step}
            type="button"
            className={`button ${selected === step ? "primary" : ""}`}
            aria-pressed={selected === step}
            onClick={() => {
              setSelected(step);
              setResult(null);
            }}
          >
            {step === "EXTENSION" && !extension.canApprove ? "申请延期" : CASE_EVENT_BUTTON_LABELS[step]}
          </button>
        ))}
      </div>
      {!selected ? <ActionNotice result={result} /> : null}
      {selected ? (
        <form ref={formRef} className={`form ${styles.stepForm}`} onSubmit={onSubmit} data-testid="step-form" style={{ maxWidth: "none" }} noValidate>
          <h3>{requesting ? "申请延期（由负责人批准）" : CASE_EVENT_LABELS[selected]}</h3>
          <ActionNotice result={result} />
          <FieldErrorsProvider errors={result && !result.ok ? result.fieldErrors : undefined}>
          {requesting ? (
            <ExtensionRequestFields />
          ) : (
          <StepFields
            key={selected}
            type={selected}
            today={today}
            perApplicationAmount={fee.perApplicationAmount}
            monthlyOrdinal={fee.monthlyOrdinal}
            requestContent={requestContent}
            allowedOutcomes={selected === "DECISION_SERVED" ? outcomesFor(projection.clockPhase) : undefined}
            correctionNoticeDueOn={projection.correctionNoticeDueOn}
            openConsultations={projection.consultations.filter((consultation) => consultation.answeredOn === null)}
            details={selected === "EXTENSION" ? { approvedBy: extension.currentUserName } : undefined}
          />
          )}
          </FieldErrorsProvider>
          <div className="row">
            <SubmitButton pending={pending}>{requesting ? "提交申请" : "登记"}</SubmitButton>
            <button type="button" className="button" onClick={() => setSelected(null)}>
              取消
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** The handler's extension request: how many working days and why; the manager's approval records the step. */
function ExtensionRequestFields() {
  return (
    <div className="stack">
      <div className={styles.fieldRow}>
        <div className="field">
          <label htmlFor="workdays">延长工作日数</label>
          <input id="workdays" name="workdays" type="number" min={1} max={20} defaultValue="20" />
          <FieldMessage id="workdays" name="workdays" />
          <span className="hint">最长 20 个工作日，只能延长一次（条例第三十三条）</span>
        </div>
      </div>
      <div className="field">
        <label htmlFor="reason">延期理由</label>
        <CountedText id="reason" name="reason" max={EXTENSION_REASON_MAX} describedBy="reason-error" />
        <FieldMessage id="reason" name="reason" />
      </div>
      <p className="muted" style={{ margin: 0 }}>
        提交后本单位负责人会收到提醒；批准前答复期限不变，批准后自动登记延期步骤（批准人为负责人本人）。
        <Link href="/help#extension-approval">延期审批说明</Link>
      </p>
    </div>
  );
}
