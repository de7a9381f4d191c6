"use client";

// 当场答复 on the registration form: the closing step's own fields (the 答复办结 step form's components),
// the reply date following the receipt date until the clerk changes it. Mounted only once the option is
// chosen (in the browser), so the draft kept in this browser can give back the items typed before.
import { useEffect, useRef, useState } from "react";
import { FieldErrorsProvider } from "@/components/ui/field-message";
import { readLocalDraft } from "@/components/ui/use-local-draft";
import { StepFields, type StepDetails } from "@/components/cases/detail/step-fields";
import { outcomesFor } from "@/components/cases/detail/step-panel";

function draftDetails(draftKey: string): StepDetails | undefined {
  const draft = readLocalDraft(draftKey);
  const items = draft?.items?.[0];
  if (!items) return undefined;
  try {
    const parsed = JSON.parse(items) as unknown;
    return Array.isArray(parsed) && parsed.length > 0 ? { items: parsed, serviceMethod: draft?.serviceMethod?.[0] ?? "" } : undefined;
  } catch {
    return undefined;
  }
}

export function SameDayReplyFields({
  today,
  receivedOn,
  requestContent,
  draftKey,
  fieldErrors,
}: {
  today: string;
  receivedOn: string;
  /** The request as typed when the option was chosen: the first item's description. */
  requestContent: string;
  draftKey: string;
  fieldErrors: Record<string, string[]> | undefined;
}) {
  // At the counter the reply is handed over: 直接送达 unless the draft says otherwise.
  const [details] = useState(() => draftDetails(draftKey) ?? { serviceMethod: "直接送达" });
  const container = useRef<HTMLDivElement>(null);
  const touched = useRef(false);
  // The reply date is the receipt date unless the clerk sets another.
  useEffect(() => {
    const input = container.current?.querySelector<HTMLInputElement>('input[name="occurredOn"]');
    if (input && !touched.current && receivedOn) input.value = receivedOn;
  }, [receivedOn]);
  return (
    <div
      ref={container}
      data-testid="same-day-reply-fields"
      onInput={(event) => {
        if ((event.target as HTMLInputElement).name === "occurredOn") touched.current = true;
      }}
    >
      <FieldErrorsProvider errors={fieldErrors}>
        <StepFields
          type="DECISION_SERVED"
          today={today}
          occurredOn={receivedOn || today}
          details={details}
          perApplicationAmount={0}
          monthlyOrdinal={0}
          requestContent={requestContent}
          allowedOutcomes={outcomesFor("RUNNING")}
        />
      </FieldErrorsProvider>
    </div>
  );
}
