// Reading extension requests: the managers' 待批延期 list (工作台) and a case's requests (case page),
// always within the actor's organization.
import "server-only";
import { Prisma, type ExtensionRequestStatus } from "@prisma/client";
import { columnsOf, readRows } from "../db";
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

/** A request with what the pages show of its case and its people (the include the readRows joins replaced). */
type Row = Prisma.ExtensionRequestGetPayload<{
  include: {
    application: { select: { caseNumber: true; applicantName: true; dueOn: true } };
    requestedBy: { select: { displayName: true } };
    decidedBy: { select: { displayName: true } };
  };
}>;

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

/** A request with its case's and its people's columns, as readRows reads it (Row's fields, joined). */
type JoinedRow = Prisma.ExtensionRequestGetPayload<object> & {
  caseNumber: string;
  applicantName: string;
  dueOn: Date | null;
  requestedByName: string;
  decidedByName: string | null;
};

/** The columns and joins of a JoinedRow (the request as `e`, its case as `a`). */
const JOINED_ROW = Prisma.sql`
  SELECT ${columnsOf("e", Prisma.ExtensionRequestScalarFieldEnum)},
         a."caseNumber", a."applicantName", a."dueOn", r."displayName" AS "requestedByName", d."displayName" AS "decidedByName"
  FROM "ExtensionRequest" e
  JOIN "Application" a ON a."id" = e."applicationId"
  JOIN "User" r ON r."id" = e."requestedById"
  LEFT JOIN "User" d ON d."id" = e."decidedById"`;

function viewOfJoined({ caseNumber, applicantName, dueOn, requestedByName, decidedByName, ...request }: JoinedRow): ExtensionRequestView {
  return viewOf({
    ...request,
    application: { caseNumber, applicantName, dueOn },
    requestedBy: { displayName: requestedByName },
    decidedBy: request.decidedById === null ? null : { displayName: decidedByName ?? "" },
  });
}

/** The organization's requests waiting for a decision, oldest first (for those who may decide; null for others). */
export async function findPendingExtensionRequests({ actor, take = 50 }: { actor: Actor; take?: number }): Promise<ExtensionRequestView[] | null> {
  if (!can(actor, "extension:approve")) return null;
  // On a manager's every 工作台: straight to the pool (readRows, ADR 0099).
  const rows = await readRows<JoinedRow>(Prisma.sql`
    ${JOINED_ROW}
    -- A case closed or voided meanwhile cannot be extended any more: its request is not listed.
    WHERE e."organizationId" = ${actor.organizationId} AND e."status" = 'PENDING' AND a."voidedAt" IS NULL AND a."status" = 'OPEN'
    ORDER BY e."createdAt" ASC, e."id" ASC
    LIMIT ${take}`);
  return rows.map(viewOfJoined);
}

/** A case's requests, newest first. */
export async function findCaseExtensionRequests({ actor, applicationId }: { actor: Actor; applicationId: string }): Promise<ExtensionRequestView[]> {
  assertCan(actor, "case:work");
  // On every case page: straight to the pool (readRows, ADR 0099), the columns of Row.
  const rows = await readRows<JoinedRow>(Prisma.sql`
    ${JOINED_ROW}
    WHERE e."organizationId" = ${actor.organizationId} AND e."applicationId" = ${applicationId}
    ORDER BY e."createdAt" DESC, e."id" DESC
    LIMIT 20`);
  return rows.map(viewOfJoined);
}
