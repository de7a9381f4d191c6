// Reading extension requests: the managers' 待批延期 list (工作台) and a case's requests (case page),
// always within the actor's organization.
import "server-only";
import { Prisma, type ExtensionRequestStatus } from "@prisma/client";
import { columnsOf, db, readRows } from "../db";
import type { Actor } from "../auth/actor";
import { assertCan, can } from "../auth/permissions";
import { isoDateFromDb } from "../calendar/dates";
import type { IsoDate } from "../calendar/workdays";

export interface ExtensionRequestView {
  id: string;
  version: number;
  applicationId: string;
  caseNumber: string;
  applicantName: string;
  /** The case's due date now (unchanged while the request waits). */
  dueOn: IsoDate | null;
  requestedById: string;
  requestedByName: string;
  requestedAt: Date;
  workdays: number;
  reason: string;
  status: ExtensionRequestStatus;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

const viewInclude = {
  application: { select: { caseNumber: true, applicantName: true, dueOn: true } },
  requestedBy: { select: { displayName: true } },
  decidedBy: { select: { displayName: true } },
} as const;

type Row = Awaited<ReturnType<typeof db.extensionRequest.findFirstOrThrow<{ include: typeof viewInclude }>>>;

/** A request as the pages show it (exported for the test that holds the case page's read equal to Prisma's include). */
export function viewOf(row: Row): ExtensionRequestView {
  return {
    id: row.id,
    version: row.version,
    applicationId: row.applicationId,
    caseNumber: row.application.caseNumber,
    applicantName: row.application.applicantName,
    dueOn: row.application.dueOn ? isoDateFromDb(row.application.dueOn) : null,
    requestedById: row.requestedById,
    requestedByName: row.requestedBy.displayName,
    requestedAt: row.createdAt,
    workdays: row.workdays,
    reason: row.reason,
    status: row.status,
    decidedByName: row.decidedBy?.displayName ?? null,
    decidedAt: row.decidedAt,
    decisionNote: row.decisionNote,
  };
}

/** The organization's requests waiting for a decision, oldest first (for those who may decide; null for others). */
export async function findPendingExtensionRequests({ actor, take = 50 }: { actor: Actor; take?: number }): Promise<ExtensionRequestView[] | null> {
  if (!can(actor, "extension:approve")) return null;
  const rows = await db.extensionRequest.findMany({
    // A case closed or voided meanwhile cannot be extended any more: its request is not listed.
    where: { organizationId: actor.organizationId, status: "PENDING", application: { voidedAt: null, status: "OPEN" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
    include: viewInclude,
  });
  return rows.map(viewOf);
}

/** A case's requests, newest first. */
export async function findCaseExtensionRequests({ actor, applicationId }: { actor: Actor; applicationId: string }): Promise<ExtensionRequestView[]> {
  assertCan(actor, "case:work");
  // On every case page: straight to the pool (readRows, ADR 0099), the same columns as viewInclude.
  const rows = await readRows<
    Prisma.ExtensionRequestGetPayload<object> & { caseNumber: string; applicantName: string; dueOn: Date | null; requestedByName: string; decidedByName: string | null }
  >(Prisma.sql`
    SELECT ${columnsOf("e", Prisma.ExtensionRequestScalarFieldEnum)},
           a."caseNumber", a."applicantName", a."dueOn", r."displayName" AS "requestedByName", d."displayName" AS "decidedByName"
    FROM "ExtensionRequest" e
    JOIN "Application" a ON a."id" = e."applicationId"
    JOIN "User" r ON r."id" = e."requestedById"
    LEFT JOIN "User" d ON d."id" = e."decidedById"
    WHERE e."organizationId" = ${actor.organizationId} AND e."applicationId" = ${applicationId}
    ORDER BY e."createdAt" DESC, e."id" DESC
    LIMIT 20`);
  return rows.map(({ caseNumber, applicantName, dueOn, requestedByName, decidedByName, ...request }) =>
    viewOf({
      ...request,
      application: { caseNumber, applicantName, dueOn },
      requestedBy: { displayName: requestedByName },
      decidedBy: request.decidedById === null ? null : { displayName: decidedByName ?? "" },
    }),
  );
}
