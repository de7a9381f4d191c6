-- The trigram search in two indexes (ADR 0080): the identifiers (证件号码, phone numbers) are long runs
-- of digits whose trigrams ("000", "001" …) are in nearly every case, so that one index over all the
-- fields made a case-number fragment such as "2024-0001" read most of the index (10 ms → 120 ms at
-- 100,000 cases). The case number, applicant and request text keep their own index (the expression of
-- the original search index); 代理人, 证件号码 and both contacts get a second one; lib/cases/queries.ts
-- searches both (BitmapOr). The two-character bigram index stays over all the fields.
DROP INDEX IF EXISTS "Application_search_trgm_idx";
CREATE INDEX "Application_search_trgm_idx" ON "Application"
  USING GIN (("caseNumber" || ' ' || "applicantName" || ' ' || "requestContent") gin_trgm_ops);
CREATE INDEX "Application_search_parties_trgm_idx" ON "Application" USING GIN ((
  coalesce("agentName", '') || ' ' || coalesce("applicantIdNumber", '') || ' ' ||
  coalesce("applicantContact", '') || ' ' || coalesce("agentContact", '')
) gin_trgm_ops);

-- The list sorted by due date or closing date over all of a large organization's cases (issue 14:
-- 200 ms at 1,000,000 cases): b-trees in the list's exact order (empty dates last both ways, the id
-- breaking ties, lib/cases/queries.ts caseListOrderBy), for the cases every list but 已作废 shows.
CREATE INDEX "Application_list_dueOn_asc_idx" ON "Application" ("organizationId", "dueOn" ASC NULLS LAST, "id" ASC) WHERE "voidedAt" IS NULL;
CREATE INDEX "Application_list_dueOn_desc_idx" ON "Application" ("organizationId", "dueOn" DESC NULLS LAST, "id" DESC) WHERE "voidedAt" IS NULL;
CREATE INDEX "Application_list_closedOn_desc_idx" ON "Application" ("organizationId", "closedOn" DESC NULLS LAST, "id" DESC) WHERE "voidedAt" IS NULL;
