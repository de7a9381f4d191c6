"use client";

import type { CaseEventType, Outcome } from "@/lib/domain-types";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { recordCaseEventAction } from "@/lib/cases/actions";
import { CASE_EVENT_LABELS, OUTCOMES } from "@/lib/cases/labels";
import type { CaseProjection } from "@/lib/cases/projection";
import type { ActionResult } from "@/lib/errors";
import { callAction } from "@/components/ui/call-action";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { FieldErrorsProvider } from "@/components/ui/field-message";
import { markInvalidFields } from "@/components/ui/mark-invalid-fields";
import { StepFields, stepPayload } from "./step-fields";
import styles from "./case-page.module.css";

const BUTTON_LABELS: Record<CaseEventType, string> = {
  CORRECTION_REQUESTED: "补正告知",
  CORRECTION_RECEIVED: "收到补正",
  CONSULTATION_SENT: "征求意见",
  CONSULTATION_ANSWERED: "收到意见答复",
  EXTENSION: "延期",
  FEE_NOTICE: "收费通知",
  FEE_PAID: "登记缴费",
  DECISION_SERVED: "答复办结",
  WITHDRAWN: "申请人撤回",
};

/** Dispositions that fit the clock's state when closing. */
function outcomesFor(phase: CaseProjection["clockPhase"]): Outcome[] {
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
}: {
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

  if (steps.length === 0) return <p className="muted">案件已办结，没有可登记的后续步骤。如有登记错误，可在办理记录中更正。</p>;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!selected) return;
    const payload = stepPayload(selected, new FormData(event.currentTarget));
    startTransition(async () => {
      const outcome = await callAction(recordCaseEventAction(applicationId, version, payload));
      setResult(outcome);
      if (outcome.ok) setSelected(null);
    });
  }

  return (
    <div>
      <div className={styles.steps} role="group" aria-label="可登记的步骤">
        {steps.map((step) => (
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
            {BUTTON_LABELS[step]}
          </button>
        ))}
      </div>
      {!selected ? <ActionNotice result={result} /> : null}
      {selected ? (
        <form ref={formRef} className={`form ${styles.stepForm}`} onSubmit={onSubmit} data-testid="step-form" style={{ maxWidth: "none" }} noValidate>
          <h3>{CASE_EVENT_LABELS[selected]}</h3>
          <ActionNotice result={result} />
          <FieldErrorsProvider errors={result && !result.ok ? result.fieldErrors : undefined}>
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
          />
          </FieldErrorsProvider>
          <div className="row">
            <SubmitButton pending={pending}>登记</SubmitButton>
            <button type="button" className="button" onClick={() => setSelected(null)}>
              取消
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
