// One case with everything its page shows: intake, the events (with corrected ones), the clock
// replayed for today ("why this date"), the steps that may come next, proceedings and the fee tier, the
// version the page's forms carry (docs/decisions/0010) and the published reports that count the case.
// A voided case is shown too (with how and why it was voided), for restoring.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/actor";
import { loadWorkCalendar } from "../calendar/queries";
import { isoDateFromDb } from "../calendar/dates";
import type { IsoDate } from "../calendar/workdays";
import { perApplicationFee } from "../fees/calculator";
import { ACTIVE_EVENTS_ORDER, registrationOf, toDomainEvent } from "./persistence";
import { availableSteps, dueStatus, projectCase } from "./projection";
import { findPublishedReportsCounting } from "./published-reports";

export async function getApplication({ actor, applicationId, today }: { actor: Actor; applicationId: string; today: IsoDate }) {
  const record = await db.application.findFirst({
    where: { id: applicationId, organizationId: actor.organizationId },
    include: {
      organization: { select: { feeStopsClock: true } },
      events: { orderBy: ACTIVE_EVENTS_ORDER, include: { recordedBy: { select: { displayName: true } } } },
      proceedings: { orderBy: [{ filedOn: "asc" }, { createdAt: "asc" }], include: { instances: { orderBy: { position: "asc" } } } },
    },
  });
  if (!record) throw new AppError("NOT_FOUND", "未找到该案件");
  // The handler, the registering and the voiding user in one statement (as relations, one statement each).
  const peopleIds = [...new Set([record.handlerId, record.registeredById, record.voidedById].filter((id): id is string => id !== null))];
  const people = new Map(
    peopleIds.length === 0
      ? []
      : (await db.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, displayName: true } })).map((user) => [user.id, user]),
  );
  const personOf = (id: string | null) => (id ? (people.get(id) ?? null) : null);
  const handler = personOf(record.handlerId);
  const registeredBy = personOf(record.registeredById);
  const voidedBy = personOf(record.voidedById);
  const application = {
    ...record,
    handler: handler && { id: handler.id, displayName: handler.displayName },
    registeredBy: registeredBy && { displayName: registeredBy.displayName },
    voidedBy: voidedBy && { displayName: voidedBy.displayName },
  };

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
  const monthlyOrdinal = await db.application.count({
    where: {
      organizationId: actor.organizationId,
      voidedAt: null,
      ...(application.applicantIdNumber ? { applicantIdNumber: application.applicantIdNumber } : { applicantName: application.applicantName }),
      receivedOn: { gte: monthStart, lte: application.receivedOn },
      OR: [{ receivedOn: { lt: application.receivedOn } }, { caseSequence: { lte: application.caseSequence } }],
    },
  });

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
