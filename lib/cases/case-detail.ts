// One case with everything its page shows: intake, the events (with corrected ones), the clock
// replayed for today ("why this date"), the steps that may come next, proceedings and the fee tier, the
// version the page's forms carry (docs/decisions/0010) and the published reports that count the case.
// A voided case is shown too (with how and why it was voided), for restoring.
//
// The case itself, with its organization's clock setting, its handler, registering and voiding users,
// its events (with who recorded each) and its proceedings (with their instances), is read in two or
// three statements straight to the pool (readRows) instead of seven compiled Prisma queries (one per
// relation; ADR 0095). Its rows have the fields and types Prisma's `include` gave: every scalar column
// the schema declares (named from the generated client, so that a column the schema leaves out is never
// read), dates as Prisma reads them, the fee amounts as Prisma.Decimal.
import "server-only";
import { Prisma, type Application, type CaseEvent, type Proceeding, type ProceedingInstance } from "@prisma/client";
import { columnsOf, db, readRows } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/actor";
import { loadWorkCalendar } from "../calendar/queries";
import { isoDateFromDb } from "../calendar/dates";
import type { IsoDate } from "../calendar/workdays";
import { perApplicationFee } from "../fees/calculator";
import { registrationOf, toDomainEvent } from "./persistence";
import { availableSteps, dueStatus, projectCase } from "./projection";
import { findPublishedReportsCounting } from "./published-reports";

const APPLICATION_COLUMNS = columnsOf("a", Prisma.ApplicationScalarFieldEnum);
const EVENT_COLUMNS = columnsOf("e", Prisma.CaseEventScalarFieldEnum);
const PROCEEDING_COLUMNS = columnsOf("p", Prisma.ProceedingScalarFieldEnum);
const INSTANCE_COLUMNS = columnsOf("i", Prisma.ProceedingInstanceScalarFieldEnum);

type Person = { id: string; displayName: string };

type CasePageRecord = Application & {
  organization: { feeStopsClock: boolean };
  events: Array<CaseEvent & { recordedBy: { displayName: string } | null }>;
  proceedings: Array<Proceeding & { instances: ProceedingInstance[] }>;
  handler: Person | null;
  registeredBy: { displayName: string } | null;
  voidedBy: { displayName: string } | null;
};

type ApplicationRow = Omit<Application, "feeAmount" | "feePaidAmount"> & {
  feeAmount: string | null;
  feePaidAmount: string | null;
  organizationFeeStopsClock: boolean;
  handlerDisplayName: string | null;
  registeredByDisplayName: string | null;
  voidedByDisplayName: string | null;
};

const decimalOrNull = (value: string | null) => (value === null ? null : new Prisma.Decimal(value));

/** The case of the organization with everything its page shows, or null. */
async function findCasePageRecord(organizationId: string, applicationId: string): Promise<CasePageRecord | null> {
  const [[row], events, proceedings] = await Promise.all([
    readRows<ApplicationRow>(Prisma.sql`
      SELECT ${APPLICATION_COLUMNS}, o."feeStopsClock" AS "organizationFeeStopsClock",
             h."displayName" AS "handlerDisplayName", r."displayName" AS "registeredByDisplayName", v."displayName" AS "voidedByDisplayName"
      FROM "Application" a
      JOIN "Organization" o ON o."id" = a."organizationId"
      LEFT JOIN "User" h ON h."id" = a."handlerId"
      LEFT JOIN "User" r ON r."id" = a."registeredById"
      LEFT JOIN "User" v ON v."id" = a."voidedById"
      WHERE a."id" = ${applicationId} AND a."organizationId" = ${organizationId}`),
    // The case's own rows, read beside it: empty when the case is not the organization's (it is then not shown).
    // The events in ACTIVE_EVENTS_ORDER (persistence.ts).
    readRows<CaseEvent & { recordedByDisplayName: string | null }>(Prisma.sql`
      SELECT ${EVENT_COLUMNS}, u."displayName" AS "recordedByDisplayName"
      FROM "CaseEvent" e
      JOIN "Application" a ON a."id" = e."applicationId" AND a."organizationId" = ${organizationId}
      LEFT JOIN "User" u ON u."id" = e."recordedById"
      WHERE e."applicationId" = ${applicationId}
      ORDER BY e."occurredOn", e."createdAt", e."id"`),
    readRows<Proceeding>(Prisma.sql`
      SELECT ${PROCEEDING_COLUMNS}
      FROM "Proceeding" p
      JOIN "Application" a ON a."id" = p."applicationId" AND a."organizationId" = ${organizationId}
      WHERE p."applicationId" = ${applicationId}
      ORDER BY p."filedOn", p."createdAt"`),
  ]);
  if (!row) return null;
  const instances =
    proceedings.length === 0
      ? []
      : await readRows<ProceedingInstance>(Prisma.sql`
          SELECT ${INSTANCE_COLUMNS} FROM "ProceedingInstance" i
          WHERE i."proceedingId" IN (${Prisma.join(proceedings.map((proceeding) => proceeding.id))})
          ORDER BY i."position"`);
  const { organizationFeeStopsClock, handlerDisplayName, registeredByDisplayName, voidedByDisplayName, feeAmount, feePaidAmount, ...application } = row;
  return {
    ...application,
    feeAmount: decimalOrNull(feeAmount),
    feePaidAmount: decimalOrNull(feePaidAmount),
    organization: { feeStopsClock: organizationFeeStopsClock },
    events: events.map(({ recordedByDisplayName, ...event }) => ({
      ...event,
      recordedBy: event.recordedById !== null && recordedByDisplayName !== null ? { displayName: recordedByDisplayName } : null,
    })),
    proceedings: proceedings.map((proceeding) => ({ ...proceeding, instances: instances.filter((instance) => instance.proceedingId === proceeding.id) })),
    handler: application.handlerId !== null && handlerDisplayName !== null ? { id: application.handlerId, displayName: handlerDisplayName } : null,
    registeredBy: application.registeredById !== null && registeredByDisplayName !== null ? { displayName: registeredByDisplayName } : null,
    voidedBy: application.voidedById !== null && voidedByDisplayName !== null ? { displayName: voidedByDisplayName } : null,
  };
}

export async function getApplication({ actor, applicationId, today }: { actor: Actor; applicationId: string; today: IsoDate }) {
  // The case, its people, events and proceedings: a few statements straight to the pool (ADR 0095).
  const application = await findCasePageRecord(actor.organizationId, applicationId);
  if (!application) throw new AppError("NOT_FOUND", "未找到该案件");

  const calendar = await loadWorkCalendar();
  const activeEvents = application.events.filter((event) => !event.supersededAt);
  const result = projectCase({
    receivedOn: isoDateFromDb(application.receivedOn),
    events: activeEvents.map(toDomainEvent),
    calendar,
    settings: application.organization,
    today,
    // Recorded history is shown as it is; where it breaks a rule the page says so (projection.warnings).
    historicEventCount: Number.POSITIVE_INFINITY,
  });
  if (!result.ok) throw new AppError("INVALID_STATE", result.message);
  const projection = result.projection;

  // 按件 tier: this application's place among the applicant's applications in its receipt month.
  const monthStart = new Date(Date.UTC(application.receivedOn.getUTCFullYear(), application.receivedOn.getUTCMonth(), 1));
  const [ordinal] = await readRows<{ monthlyOrdinal: number }>(Prisma.sql`
    SELECT count(*)::int AS "monthlyOrdinal" FROM "Application"
    WHERE "organizationId" = ${actor.organizationId} AND "voidedAt" IS NULL
      AND ${application.applicantIdNumber ? Prisma.sql`"applicantIdNumber" = ${application.applicantIdNumber}` : Prisma.sql`"applicantName" = ${application.applicantName}`}
      AND "receivedOn" >= ${monthStart} AND "receivedOn" <= ${application.receivedOn}
      AND ("receivedOn" < ${application.receivedOn} OR "caseSequence" <= ${application.caseSequence})`);
  const monthlyOrdinal = ordinal?.monthlyOrdinal ?? 0;

  // A published report that counts the case stays as published when the case changes: the forms say so.
  // Without proceedings (most cases) both questions are the same one: asked once.
  const proceedingIds = application.proceedings.map((proceeding) => proceeding.id);
  const [countedInReports, countedWithProceedingsInReports] =
    proceedingIds.length === 0
      ? await findPublishedReportsCounting(db, actor.organizationId, [application.id]).then((reports) => [reports, reports] as const)
      : await Promise.all([
          findPublishedReportsCounting(db, actor.organizationId, [application.id]),
          findPublishedReportsCounting(db, actor.organizationId, [application.id, ...proceedingIds]),
        ]);

  return {
    application,
    /** The registration as the edit form shows it. */
    registration: registrationOf(application),
    events: application.events.map((event) => ({
      id: event.id,
      type: event.type,
      occurredOn: isoDateFromDb(event.occurredOn),
      details: toDomainEvent(event).details,
      recordedBy: event.recordedBy?.displayName ?? null,
      createdAt: event.createdAt,
      superseded: event.supersededAt !== null,
      withdrawn: event.supersededAt !== null && event.supersededById === null,
      correctionReason: event.correctionReason,
    })),
    projection,
    dueStatus: dueStatus(projection, calendar, today),
    nextSteps: application.voidedAt ? [] : availableSteps(projection),
    proceedings: application.proceedings,
    fee: { monthlyOrdinal, perApplicationAmount: perApplicationFee(Math.max(1, monthlyOrdinal)) },
    /** Published reports whose cells list the case (its registration counts in table 三). */
    countedInReports,
    /** …or one of its proceedings (table 四): what voiding the case takes out of. */
    countedWithProceedingsInReports,
  };
}

export type ApplicationDetail = Awaited<ReturnType<typeof getApplication>>;
