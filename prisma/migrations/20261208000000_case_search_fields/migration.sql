-- The case list's search covers what staff search by (issue 13 item 2, issue 14): case number,
-- applicant, 代理人, 证件号码, the applicant's and the agent's contact (phone, e-mail …) and the request
-- text. lib/cases/queries.ts writes the same expression (CASE_SEARCH_EXPRESSION) so that PostgreSQL
-- matches it to these indexes.

-- From three characters on: trigrams (LIKE / ILIKE '%词%').
DROP INDEX IF EXISTS "Application_search_trgm_idx";
CREATE INDEX "Application_search_trgm_idx" ON "Application" USING GIN ((
  "caseNumber" || ' ' || "applicantName" || ' ' || coalesce("agentName", '') || ' ' ||
  coalesce("applicantIdNumber", '') || ' ' || coalesce("applicantContact", '') || ' ' ||
  coalesce("agentContact", '') || ' ' || "requestContent"
) gin_trgm_ops);

-- Two characters, the usual Chinese search word, yield no trigram: a GIN index over the text's
-- distinct (lower-cased) bigrams. "contains the two-character word" is exactly "its bigram is in the
-- array", so the index answers the search without a recheck of the text. The high COST tells the
-- planner that computing the bigrams row by row is expensive, so it reads the index instead of
-- evaluating the function over a scan (ADR 0080).
CREATE FUNCTION gongkai_bigrams(value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000
  AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(value), i, 2)), '{}'::text[])
    FROM generate_series(1, char_length(value) - 1) AS i
  $$;

CREATE INDEX "Application_search_bigram_idx" ON "Application" USING GIN (gongkai_bigrams(
  "caseNumber" || ' ' || "applicantName" || ' ' || coalesce("agentName", '') || ' ' ||
  coalesce("applicantIdNumber", '') || ' ' || coalesce("applicantContact", '') || ' ' ||
  coalesce("agentContact", '') || ' ' || "requestContent"
));
