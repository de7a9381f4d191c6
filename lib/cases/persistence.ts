// Conversions between database rows and the pure case domain, shared by the case queries and mutations.
import type { Application, CaseEvent as CaseEventRow, Prisma } from "@prisma/client";
import { dbDateFromIso, isoDateFromDb } from "../calendar/dates";
import type { CaseEvent } from "./case-events";
import type { CaseProjection } from "./projection";
import { caseEventInputSchema } from "./schemas";

/**
 * Active events (not superseded) in the order they happened; same-day events keep their recorded order.
 * The case page's raw read (case-detail.ts) orders by the same three columns.
 */
export const ACTIVE_EVENTS_ORDER: Prisma.CaseEventOrderByWithRelationInput[] = [{ occurredOn: "asc" }, { createdAt: "asc" }, { id: "asc" }];

export function toDomainEvent(row: Pick<CaseEventRow, "id" | "type" | "occurredOn" | "details">): CaseEvent {
  const parsed = caseEventInputSchema.parse({ type: row.type, occurredOn: isoDateFromDb(row.occurredOn), details: row.details });
  return { ...parsed, id: row.id } as CaseEvent;
}

const date = (value: string | null) => (value ? dbDateFromIso(value) : null);

/** The derived columns of Application for a projection. */
export function projectionColumns(projection: CaseProjection) {
  return {
    status: projection.status,
    clockPhase: projection.clockPhase,
    dueOn: date(projection.dueOn),
    dueIsProvisional: projection.dueIsProvisional,
    correctionNoticeDueOn: date(projection.correctionNoticeDueOn),
    correctionRequestedOn: date(projection.correctionRequestedOn),
    correctionNoticeLate: projection.correctionNoticeLate,
    correctionDeadlineOn: date(projection.correctionDeadlineOn),
    correctionReceivedOn: date(projection.correctionReceivedOn),
    consultationSentOn: date(projection.consultationSentOn),
    consultationAnsweredOn: date(projection.consultationAnsweredOn),
    consultationReplyDueOn: date(projection.consultationReplyDueOn),
    extensionNotifiedOn: date(projection.extensionNotifiedOn),
    extensionWorkdays: projection.extensionWorkdays,
    feeMethod: projection.feeMethod,
    feeNoticeOn: date(projection.feeNoticeOn),
    feeAmount: projection.feeAmount,
    feePaymentDueOn: date(projection.feePaymentDueOn),
    feePaidOn: date(projection.feePaidOn),
    feePaidAmount: projection.feePaidAmount,
    closedOn: date(projection.closedOn),
    outcome: projection.outcome,
  } satisfies Prisma.ApplicationUncheckedUpdateInput;
}

/** The registration fields as stored, in the shape of the edit form (absent text as null). */
export function registrationOf(application: Application) {
  return {
    applicantType: application.applicantType,
    applicantName: application.applicantName,
    applicantIdNumber: application.applicantIdNumber,
    applicantContact: application.applicantContact,
    applicantAddress: application.applicantAddress,
    agentName: application.agentName,
    agentContact: application.agentContact,
    channel: application.channel,
    receivedOn: isoDateFromDb(application.receivedOn),
    requestContent: application.requestContent,
    deliveryForm: application.deliveryForm,
    deliveryMethod: application.deliveryMethod,
  };
}

export type RegistrationFields = ReturnType<typeof registrationOf>;
