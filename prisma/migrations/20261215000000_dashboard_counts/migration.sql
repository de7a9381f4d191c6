-- The manager dashboard's figures from stored counts (issue 14, ADR 0097): a year of a large
-- organization's intake and closings is a few hundred rows here instead of 100,000 cases, and its working
-- days to close some 20,000 instead of 100,000. Kept exactly
-- in step with "Application" by statement-level triggers: each INSERT, UPDATE or DELETE of cases adds
-- the new rows' counts and subtracts the old rows' in the same statement (so in the same transaction;
-- a rolled-back change leaves the counts as they were). The app never writes these tables.

-- CreateTable
CREATE TABLE "ReceivedCasesByMonth" (
    "organizationId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "applicantType" "ApplicantType" NOT NULL,
    "channel" "Channel" NOT NULL,
    "cases" INTEGER NOT NULL,

    CONSTRAINT "ReceivedCasesByMonth_pkey" PRIMARY KEY ("organizationId","month","applicantType","channel")
);

-- CreateTable
CREATE TABLE "ClosedCasesByMonth" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "outcome" "Outcome",
    "handlerId" TEXT,
    "cases" INTEGER NOT NULL,
    "onTime" INTEGER NOT NULL,
    "late" INTEGER NOT NULL,

    CONSTRAINT "ClosedCasesByMonth_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClosedCasesByDates" (
    "organizationId" TEXT NOT NULL,
    "closedOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "extensionWorkdays" INTEGER NOT NULL,
    "cases" INTEGER NOT NULL,

    CONSTRAINT "ClosedCasesByDates_pkey" PRIMARY KEY ("organizationId","closedOn","dueOn","extensionWorkdays")
);

-- CreateIndex (by hand: NULLS NOT DISTINCT, so that the cases without a handler or outcome are one row
-- per month, which ON CONFLICT below relies on; Prisma's schema cannot say so)
CREATE UNIQUE INDEX "ClosedCasesByMonth_organizationId_month_outcome_handlerId_key" ON "ClosedCasesByMonth"("organizationId", "month", "outcome", "handlerId") NULLS NOT DISTINCT;

-- The month of a date column, as a date (through timestamp without time zone: independent of the
-- session's time zone).
CREATE FUNCTION "gongkai_month_of"(day date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CAST(date_trunc('month', CAST(day AS timestamp)) AS date) $$;

-- What the counts hold, per changed row of "Application" with `sign` (+1 counts it, −1 takes it out):
-- cases not voided, by the month of receivedOn, applicant type and channel; those with a closedOn, by
-- its month, outcome and handler, with the on-time split in the SQL of hasReplyPeriod
-- (lib/dashboard/metrics.ts), as countClosings in lib/dashboard/queries.ts wrote it over the cases; and
-- those of them with a reply period by closing date, due date and extension, for the working days to
-- close (computed when read, with the calendar of that moment: no calendar change can make them stale).
-- The transition tables are visible only in the trigger's own function, hence one function with the
-- rows' source spliced in (fixed text chosen by TG_OP, no input). Rows are upserted in key order, so
-- two statements never take the same counters' locks in opposite orders.
CREATE FUNCTION "gongkai_count_cases_by_month"() RETURNS trigger LANGUAGE plpgsql
AS $fn$
DECLARE
  source text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT -1 AS sign, * FROM old_rows UNION ALL SELECT 1, * FROM new_rows' END;
BEGIN
  -- Most updates (a step on an open case, an edit of the applicant) change nothing counted: a cheap
  -- check with a cached plan spares them the three upserts. Skipped only when every new row is an old
  -- one (same id) with the same counted values; a closed case's closing values count, an open one's not.
  IF TG_OP = 'UPDATE' THEN
    IF (SELECT count(*) FROM old_rows o JOIN new_rows n USING ("id")) = (SELECT count(*) FROM new_rows)
       AND NOT EXISTS (
         SELECT 1 FROM old_rows o JOIN new_rows n USING ("id")
         WHERE (o."voidedAt" IS NULL, o."organizationId", o."receivedOn", o."applicantType", o."channel", o."closedOn",
                CASE WHEN o."closedOn" IS NOT NULL THEN ROW(o."outcome", o."handlerId", o."dueOn", o."correctionRequestedOn" IS NOT NULL,
                                                            o."correctionReceivedOn" IS NOT NULL, o."extensionWorkdays") END)
               IS DISTINCT FROM
               (n."voidedAt" IS NULL, n."organizationId", n."receivedOn", n."applicantType", n."channel", n."closedOn",
                CASE WHEN n."closedOn" IS NOT NULL THEN ROW(n."outcome", n."handlerId", n."dueOn", n."correctionRequestedOn" IS NOT NULL,
                                                            n."correctionReceivedOn" IS NOT NULL, n."extensionWorkdays") END)
       ) THEN
      RETURN NULL;
    END IF;
  END IF;
  EXECUTE format($q$
    INSERT INTO "ReceivedCasesByMonth" AS t ("organizationId", "month", "applicantType", "channel", "cases")
    SELECT "organizationId", "gongkai_month_of"("receivedOn"), "applicantType", "channel", sum(sign)
    FROM (%s) AS r
    WHERE "voidedAt" IS NULL
    GROUP BY 1, 2, 3, 4
    HAVING sum(sign) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("organizationId", "month", "applicantType", "channel") DO UPDATE SET "cases" = t."cases" + EXCLUDED."cases"
  $q$, source);
  EXECUTE format($q$
    INSERT INTO "ClosedCasesByMonth" AS t ("organizationId", "month", "outcome", "handlerId", "cases", "onTime", "late")
    SELECT "organizationId", "gongkai_month_of"("closedOn"), "outcome", "handlerId", sum(sign),
           COALESCE(sum(sign) FILTER (WHERE reply_period AND "closedOn" <= "dueOn"), 0),
           COALESCE(sum(sign) FILTER (WHERE reply_period AND "closedOn" > "dueOn"), 0)
    FROM (
      SELECT *, ("dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL)) AS reply_period
      FROM (%s) AS r
      WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL
    ) AS c
    GROUP BY 1, 2, 3, 4
    HAVING sum(sign) <> 0
        OR sum(sign) FILTER (WHERE reply_period AND "closedOn" <= "dueOn") <> 0
        OR sum(sign) FILTER (WHERE reply_period AND "closedOn" > "dueOn") <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("organizationId", "month", "outcome", "handlerId") DO UPDATE
      SET "cases" = t."cases" + EXCLUDED."cases", "onTime" = t."onTime" + EXCLUDED."onTime", "late" = t."late" + EXCLUDED."late"
  $q$, source);
  EXECUTE format($q$
    INSERT INTO "ClosedCasesByDates" AS t ("organizationId", "closedOn", "dueOn", "extensionWorkdays", "cases")
    SELECT "organizationId", "closedOn", "dueOn", COALESCE("extensionWorkdays", 0), sum(sign)
    FROM (%s) AS r
    WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL
      AND "dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL)
    GROUP BY 1, 2, 3, 4
    HAVING sum(sign) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("organizationId", "closedOn", "dueOn", "extensionWorkdays") DO UPDATE SET "cases" = t."cases" + EXCLUDED."cases"
  $q$, source);
  RETURN NULL;
END
$fn$;

-- Transition tables need one trigger per event.
CREATE TRIGGER "Application_count_inserted_by_month" AFTER INSERT ON "Application"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_count_cases_by_month"();
CREATE TRIGGER "Application_count_updated_by_month" AFTER UPDATE ON "Application"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_count_cases_by_month"();
CREATE TRIGGER "Application_count_deleted_by_month" AFTER DELETE ON "Application"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_count_cases_by_month"();

-- TRUNCATE (the owner only; restore truncates with user triggers off and loads both tables as they
-- were backed up) empties the counts with the cases.
CREATE FUNCTION "gongkai_clear_cases_by_month"() RETURNS trigger LANGUAGE plpgsql
AS $fn$
BEGIN
  DELETE FROM "ReceivedCasesByMonth";
  DELETE FROM "ClosedCasesByMonth";
  DELETE FROM "ClosedCasesByDates";
  RETURN NULL;
END
$fn$;
CREATE TRIGGER "Application_clear_counts_by_month" AFTER TRUNCATE ON "Application"
  FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_clear_cases_by_month"();

-- The counts of the cases already there (the same expressions as the trigger's, over the table). In the
-- migration's transaction, which also holds the triggers: no change of a case falls between the two.
-- In key order, so that an organization's year lies in a few adjacent pages (later rows are appended
-- as cases come in, roughly in date order too); then statistics for the planner.
LOCK TABLE "Application" IN SHARE MODE;
INSERT INTO "ReceivedCasesByMonth" ("organizationId", "month", "applicantType", "channel", "cases")
SELECT "organizationId", "gongkai_month_of"("receivedOn"), "applicantType", "channel", count(*)
FROM "Application"
WHERE "voidedAt" IS NULL
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4;
INSERT INTO "ClosedCasesByMonth" ("organizationId", "month", "outcome", "handlerId", "cases", "onTime", "late")
SELECT "organizationId", "gongkai_month_of"("closedOn"), "outcome", "handlerId", count(*),
       count(*) FILTER (WHERE reply_period AND "closedOn" <= "dueOn"),
       count(*) FILTER (WHERE reply_period AND "closedOn" > "dueOn")
FROM (
  SELECT *, ("dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL)) AS reply_period
  FROM "Application"
  WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL
) AS c
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4;
INSERT INTO "ClosedCasesByDates" ("organizationId", "closedOn", "dueOn", "extensionWorkdays", "cases")
SELECT "organizationId", "closedOn", "dueOn", COALESCE("extensionWorkdays", 0), count(*)
FROM "Application"
WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL
  AND "dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL)
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3, 4;
ANALYZE "ReceivedCasesByMonth", "ClosedCasesByMonth", "ClosedCasesByDates";
