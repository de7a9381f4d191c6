// The shapes of case events in the domain (pure; no database types). Each event's `details` is
// validated by lib/cases/schemas.ts at the boundary and stored as JSON.
import type { CaseEventType, FeeMethod, Outcome } from "@prisma/client";
import type { IsoDate } from "../calendar/workdays";

export interface DecisionItem {
  /** What was asked for (an item of the request). */
  description: string;
  disposition: Outcome;
  /** Marked by the handler as the leading disposition when items differ and none was disclosed. */
  leading?: boolean;
}

export type FeeNoticeUnrecordedField = "method" | "amount";

export interface CaseEventDetailsByType {
  CORRECTION_REQUESTED: {
    /** The period given for the supplement; null where it was not recorded (an imported ledger). */
    deadlineOn: IsoDate | null;
    matters: string;
    /** Why the notice went out after the 7-working-day limit (required then: rules.md §4). */
    lateReason?: string;
  };
  CORRECTION_RECEIVED: Record<string, never>;
  CONSULTATION_SENT: {
    party: "THIRD_PARTY" | "AGENCY";
    partyName: string;
    /** Identifies the consultation for its answer (several may run at once); kept by corrections. */
    key?: string;
    /** The day the consulted party received the request: the 15-working-day window runs from it. */
    partyReceivedOn?: IsoDate;
  };
  CONSULTATION_ANSWERED: {
    windowExpired: boolean;
    summary?: string;
    /** The `key` of the consultation answered; may be left out while only one is under way. */
    consultationKey?: string;
  };
  EXTENSION: { workdays: number; approvedBy: string; approvedOn: IsoDate; reason: string };
  FEE_NOTICE: {
    /** Absent only where `unrecorded` says the ledger the notice was imported from left it empty. */
    method?: FeeMethod;
    /** Yuan with two decimals, as a string ("1230.50"); absent as `method`. */
    amount?: string;
    calculatedAmount?: string;
    adjustmentReason?: string;
    /** The day the applicant received the notice; the payment period runs from the next day. */
    applicantReceivedOn: IsoDate;
    /** What an imported ledger row did not record (interfaces.md §2: 收费方式 and 收费金额 may be empty). */
    unrecorded?: FeeNoticeUnrecordedField[];
  };
  /** `amount` is absent when the notice's amount was not recorded (a payment is taken to be of the notice's amount). */
  FEE_PAID: { amount?: string };
  DECISION_SERVED: { items: DecisionItem[]; serviceMethod: string };
  WITHDRAWN: { reason?: string };
}

export type CaseEvent = {
  [Type in CaseEventType]: { id?: string; type: Type; occurredOn: IsoDate; details: CaseEventDetailsByType[Type] };
}[CaseEventType];

