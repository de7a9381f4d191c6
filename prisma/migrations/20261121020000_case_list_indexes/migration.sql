-- Case list search (lib/cases/queries.ts): a bigram index beside the trigram index of 20261121010000.
--
-- Why: pg_trgm extracts no trigram from a two-character pattern, so ILIKE '%张伟%' — a given name, a
-- place, a topic: the most common Chinese search — cannot use the trigram index and scans every case
-- of the table (≈ 150–200 ms at 100,000 cases). Chinese has no word boundaries for a full-text parser,
-- and pg_bigm is not available in the embedded PostgreSQL, so the bigrams are made here: the distinct
-- two-character substrings of the lower-cased search text. A case contains the search word only if its
-- bigrams contain the word's bigrams, so the list filters on that (indexed) and keeps the ILIKE as the
-- exact test. The array statistics of the expression also give the planner realistic row estimates.
--
-- IMMUTABLE holds as long as lower() does, i.e. while the database's collation stays the same (the
-- same assumption pg_trgm makes).
CREATE FUNCTION "gongkai_search_bigrams"(search_text text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(search_text), position, 2)), '{}')
    FROM generate_series(1, char_length(search_text) - 1) AS position
  $$;

CREATE INDEX "Application_search_bigram_idx" ON "Application"
  USING GIN ("gongkai_search_bigrams"("caseNumber" || ' ' || "applicantName" || ' ' || "requestContent"));
