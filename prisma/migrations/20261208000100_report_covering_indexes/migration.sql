-- Covering indexes for the annual report (lib/reports/queries.ts) and the manager's dashboard
-- (lib/dashboard/queries.ts), issue 14: both read one year of a large organization's cases, and with
-- every column they need in the index PostgreSQL answers from the index alone (an index-only scan)
-- instead of visiting 100,000 table rows. Partial on "voidedAt" IS NULL, as every report and dashboard
-- statement is (applicationScope): voided cases are not even in them. ADR 0081.

-- Received in the period: table 三 一 (by applicant type, with the ids for a publication) and the
-- dashboard's intake (by applicant type, channel and month).
CREATE INDEX "Application_counted_receivedOn_idx" ON "Application" ("organizationId", "receivedOn")
  INCLUDE ("applicantType", "channel", "id") WHERE "voidedAt" IS NULL;

-- Closed in the period: table 三 三 (by outcome and applicant type) and the dashboard's closings,
-- on-time split and working days to close.
CREATE INDEX "Application_counted_closedOn_idx" ON "Application" ("organizationId", "closedOn")
  INCLUDE ("outcome", "applicantType", "handlerId", "dueOn", "extensionWorkdays", "correctionRequestedOn", "correctionReceivedOn", "id")
  WHERE "voidedAt" IS NULL;

-- Open at the end of a day: table 三 二 and 四 (the range expression of migration 20261121040000),
-- now with the columns the statements read, so that they too stay in the index.
CREATE INDEX "Application_counted_open_range_idx" ON "Application" USING GIST (
  "organizationId",
  daterange("receivedOn", CASE WHEN "closedOn" < "receivedOn" THEN "receivedOn" ELSE "closedOn" END, '[)')
) INCLUDE ("receivedOn", "closedOn", "applicantType", "id") WHERE "voidedAt" IS NULL;
DROP INDEX IF EXISTS "Application_organizationId_open_range_idx";
