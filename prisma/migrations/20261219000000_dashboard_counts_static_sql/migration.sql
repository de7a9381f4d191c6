-- The dashboard's stored counts (ADR 0097) kept by static SQL, one function per event (issue 14, ADR
-- 0087). The function of 20261215000000 spliced the rows' source into its three upserts with
-- EXECUTE format(...): every statement on "Application" planned its three upserts again, and an INSERT
-- read its one row through `UNION ALL` with an empty side. Here each event has its own function whose
-- statements name the transition table directly, so PL/pgSQL keeps their plans (per function and
-- trigger, for the session). The statements, their keys, signs, conditions, HAVING and key order are
-- those of 20261215000000, word for word; only the rows' source is written out per event. The skip
-- check of an update that changes nothing counted is unchanged.

-- An INSERT counts its new rows (+1).
CREATE FUNCTION "gongkai_count_inserted_cases"() RETURNS trigger LANGUAGE plpgsql
AS $fn$
BEGIN
  INSERT INTO "ReceivedCasesByMonth" AS t ("organizationId", "month", "applicantType", "channel", "cases")
  SELECT "organizationId", "gongkai_month_of"("receivedOn"), "applicantType", "channel", count(*)
  FROM new_rows
  WHERE "voidedAt" IS NULL
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "month", "applicantType", "channel") DO UPDATE SET "cases" = t."cases" + EXCLUDED."cases";
  -- Most inserted cases are open: the two closings' upserts only when one of them is closed.
  IF EXISTS (SELECT 1 FROM new_rows WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL) THEN
    INSERT INTO "ClosedCasesByMonth" AS t ("organizationId", "month", "outcome", "handlerId", "cases", "onTime", "late")
    SELECT "organizationId", "gongkai_month_of"("closedOn"), "outcome", "handlerId", count(*),
           count(*) FILTER (WHERE reply_period AND "closedOn" <= "dueOn"),
           count(*) FILTER (WHERE reply_period AND "closedOn" > "dueOn")
    FROM (
      SELECT *, ("dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL)) AS reply_period
      FROM new_rows
      WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL
    ) AS c
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("organizationId", "month", "outcome", "handlerId") DO UPDATE
      SET "cases" = t."cases" + EXCLUDED."cases", "onTime" = t."onTime" + EXCLUDED."onTime", "late" = t."late" + EXCLUDED."late";
    INSERT INTO "ClosedCasesByDates" AS t ("organizationId", "closedOn", "dueOn", "extensionWorkdays", "cases")
    SELECT "organizationId", "closedOn", "dueOn", COALESCE("extensionWorkdays", 0), count(*)
    FROM new_rows
    WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL
      AND "dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL)
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("organizationId", "closedOn", "dueOn", "extensionWorkdays") DO UPDATE SET "cases" = t."cases" + EXCLUDED."cases";
  END IF;
  RETURN NULL;
END
$fn$;

-- A DELETE takes its old rows out (−1).
CREATE FUNCTION "gongkai_count_deleted_cases"() RETURNS trigger LANGUAGE plpgsql
AS $fn$
BEGIN
  INSERT INTO "ReceivedCasesByMonth" AS t ("organizationId", "month", "applicantType", "channel", "cases")
  SELECT "organizationId", "gongkai_month_of"("receivedOn"), "applicantType", "channel", -count(*)
  FROM old_rows
  WHERE "voidedAt" IS NULL
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "month", "applicantType", "channel") DO UPDATE SET "cases" = t."cases" + EXCLUDED."cases";
  INSERT INTO "ClosedCasesByMonth" AS t ("organizationId", "month", "outcome", "handlerId", "cases", "onTime", "late")
  SELECT "organizationId", "gongkai_month_of"("closedOn"), "outcome", "handlerId", -count(*),
         -count(*) FILTER (WHERE reply_period AND "closedOn" <= "dueOn"),
         -count(*) FILTER (WHERE reply_period AND "closedOn" > "dueOn")
  FROM (
    SELECT *, ("dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL)) AS reply_period
    FROM old_rows
    WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL
  ) AS c
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "month", "outcome", "handlerId") DO UPDATE
    SET "cases" = t."cases" + EXCLUDED."cases", "onTime" = t."onTime" + EXCLUDED."onTime", "late" = t."late" + EXCLUDED."late";
  INSERT INTO "ClosedCasesByDates" AS t ("organizationId", "closedOn", "dueOn", "extensionWorkdays", "cases")
  SELECT "organizationId", "closedOn", "dueOn", COALESCE("extensionWorkdays", 0), -count(*)
  FROM old_rows
  WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL
    AND "dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL)
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "closedOn", "dueOn", "extensionWorkdays") DO UPDATE SET "cases" = t."cases" + EXCLUDED."cases";
  RETURN NULL;
END
$fn$;

-- An UPDATE takes the old rows out and counts the new ones, in one upsert per table (sum(sign) per key),
-- unless it changed nothing counted (the check of 20261215000000).
CREATE FUNCTION "gongkai_count_updated_cases"() RETURNS trigger LANGUAGE plpgsql
AS $fn$
BEGIN
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
  INSERT INTO "ReceivedCasesByMonth" AS t ("organizationId", "month", "applicantType", "channel", "cases")
  SELECT "organizationId", "gongkai_month_of"("receivedOn"), "applicantType", "channel", sum(sign)
  FROM (SELECT -1 AS sign, * FROM old_rows UNION ALL SELECT 1, * FROM new_rows) AS r
  WHERE "voidedAt" IS NULL
  GROUP BY 1, 2, 3, 4
  HAVING sum(sign) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "month", "applicantType", "channel") DO UPDATE SET "cases" = t."cases" + EXCLUDED."cases";
  INSERT INTO "ClosedCasesByMonth" AS t ("organizationId", "month", "outcome", "handlerId", "cases", "onTime", "late")
  SELECT "organizationId", "gongkai_month_of"("closedOn"), "outcome", "handlerId", sum(sign),
         COALESCE(sum(sign) FILTER (WHERE reply_period AND "closedOn" <= "dueOn"), 0),
         COALESCE(sum(sign) FILTER (WHERE reply_period AND "closedOn" > "dueOn"), 0)
  FROM (
    SELECT *, ("dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL)) AS reply_period
    FROM (SELECT -1 AS sign, * FROM old_rows UNION ALL SELECT 1, * FROM new_rows) AS r
    WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL
  ) AS c
  GROUP BY 1, 2, 3, 4
  HAVING sum(sign) <> 0
      OR sum(sign) FILTER (WHERE reply_period AND "closedOn" <= "dueOn") <> 0
      OR sum(sign) FILTER (WHERE reply_period AND "closedOn" > "dueOn") <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "month", "outcome", "handlerId") DO UPDATE
    SET "cases" = t."cases" + EXCLUDED."cases", "onTime" = t."onTime" + EXCLUDED."onTime", "late" = t."late" + EXCLUDED."late";
  INSERT INTO "ClosedCasesByDates" AS t ("organizationId", "closedOn", "dueOn", "extensionWorkdays", "cases")
  SELECT "organizationId", "closedOn", "dueOn", COALESCE("extensionWorkdays", 0), sum(sign)
  FROM (SELECT -1 AS sign, * FROM old_rows UNION ALL SELECT 1, * FROM new_rows) AS r
  WHERE "voidedAt" IS NULL AND "closedOn" IS NOT NULL
    AND "dueOn" IS NOT NULL AND NOT ("correctionRequestedOn" IS NOT NULL AND "correctionReceivedOn" IS NULL)
  GROUP BY 1, 2, 3, 4
  HAVING sum(sign) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "closedOn", "dueOn", "extensionWorkdays") DO UPDATE SET "cases" = t."cases" + EXCLUDED."cases";
  RETURN NULL;
END
$fn$;

DROP TRIGGER "Application_count_inserted_by_month" ON "Application";
DROP TRIGGER "Application_count_updated_by_month" ON "Application";
DROP TRIGGER "Application_count_deleted_by_month" ON "Application";
DROP FUNCTION "gongkai_count_cases_by_month"();

CREATE TRIGGER "Application_count_inserted_by_month" AFTER INSERT ON "Application"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_count_inserted_cases"();
CREATE TRIGGER "Application_count_updated_by_month" AFTER UPDATE ON "Application"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_count_updated_cases"();
CREATE TRIGGER "Application_count_deleted_by_month" AFTER DELETE ON "Application"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_count_deleted_cases"();
