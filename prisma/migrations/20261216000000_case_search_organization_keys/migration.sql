-- The case list's search index carries the organization and whether the case is open (ADR 0098).
-- The bigram and trigram indexes of migrations 20261208000000 / 20261208000200 held every
-- organization's cases under the same keys: one organization's search read the posting list of the
-- whole installation (a frequent word at 1,000,000 cases: 226,524 entries, 50–135 ms, to keep the
-- 688 open cases of one organization that contain it; a case-number fragment: 115 ms). The keys of
-- the new index are "<organizationId> <O|C> <piece>" (O: open, C: closed), so that the search reads
-- only the pieces of its own organization, and of the open cases alone when the list asks for them.
--
-- One GIN index over three kinds of pieces of a case, lower-cased (lib/cases/queries.ts writes the
-- same expressions, change both together):
-- - the bigrams of the whole searched text (case number, applicant, 代理人, 证件号码, both contacts,
--   request): a two-character word is in the text exactly when its bigram is;
-- - the trigrams of the case's own text (case number, applicant, request) and of the parties' fields
--   (代理人, 证件号码, contacts), the two texts the three-character search looks in (LIKE / ILIKE):
--   a text containing the word contains each of its trigrams, the LIKE beside it keeps the result exact.
--
-- Building it computes the keys of every case: 5 min 50 s for the bench's 2.3 million cases on the
-- 2-core machine (load average 4–8), index and ANALYZE together, so about 2–3 minutes per 1,000,000
-- cases of short texts and more for long requests (a 5,000-character request: ~10 ms). Meanwhile
-- writes to "Application" wait (reads go on): docs/operations.md §5 says so. Not CONCURRENTLY: each
-- migration runs in one transaction (lib/runtime/migrate.ts).

-- One function computes both sides: the keys of a case (the index) and the keys a search asks for
-- (lib/cases/queries.ts calls it with the word as one of the texts and the others empty). It calls no
-- other function of this schema: CREATE INDEX runs it with search_path = pg_catalog. COST 10000:
-- computing a case's keys is expensive, so that a plan walking a sort index tests the cheap LIKE beside
-- the index condition first (ADR 0085).
CREATE FUNCTION gongkai_case_search_keys(organization_id text, open boolean, search_text text, case_text text, parties_text text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000
  AS $$
    DECLARE
      prefix text := organization_id || CASE WHEN open THEN ' O ' ELSE ' C ' END;
      search_lowered text := lower(search_text);
      case_lowered text := lower(case_text);
      parties_lowered text := lower(parties_text);
    BEGIN
      -- Every piece of n characters: the non-overlapping ones from each of the first n offsets (a
      -- regular expression walks the text once; substr(text, i, n) for each i would read the text
      -- from its start every time: 0.3 s instead of 10 ms for a 5,000-character request).
      RETURN ARRAY(
        SELECT prefix || piece[1] FROM (
          SELECT regexp_matches(search_lowered, '..', 'g')
          UNION ALL SELECT regexp_matches(substr(search_lowered, 2), '..', 'g')
          UNION ALL SELECT regexp_matches(case_lowered, '...', 'g')
          UNION ALL SELECT regexp_matches(substr(case_lowered, 2), '...', 'g')
          UNION ALL SELECT regexp_matches(substr(case_lowered, 3), '...', 'g')
          UNION ALL SELECT regexp_matches(parties_lowered, '...', 'g')
          UNION ALL SELECT regexp_matches(substr(parties_lowered, 2), '...', 'g')
          UNION ALL SELECT regexp_matches(substr(parties_lowered, 3), '...', 'g')
        ) AS pieces (piece));
    END
  $$;

CREATE INDEX "Application_search_keys_idx" ON "Application" USING GIN (gongkai_case_search_keys(
  "organizationId",
  "status" = 'OPEN',
  "caseNumber" || ' ' || "applicantName" || ' ' || coalesce("agentName", '') || ' ' ||
    coalesce("applicantIdNumber", '') || ' ' || coalesce("applicantContact", '') || ' ' ||
    coalesce("agentContact", '') || ' ' || "requestContent",
  "caseNumber" || ' ' || "applicantName" || ' ' || "requestContent",
  coalesce("agentName", '') || ' ' || coalesce("applicantIdNumber", '') || ' ' ||
    coalesce("applicantContact", '') || ' ' || coalesce("agentContact", '')
));

-- The indexes it replaces.
DROP INDEX "Application_search_bigram_idx";
DROP INDEX "Application_search_trgm_idx";
DROP INDEX "Application_search_parties_trgm_idx";
DROP FUNCTION gongkai_bigrams(text);

-- The planner's estimates for the keys come from the statistics of the indexed expression (its most
-- common elements). With the default 100, a key missing from that list (most keys: there are as many as
-- organizations × pieces) was estimated at 7,435 of 2.3 million cases, and a three-character search
-- with no match in the organization got a parallel plan (20 ms of worker start-up for 0.3 ms of work).
-- With 1000 the estimate is ~500. ANALYZE then samples 300,000 cases and computes their keys: 36 s for
-- the bench's 2.3 million (a few seconds up to 100,000 cases); autovacuum would gather them only after
-- enough rows change, so it runs here.
ALTER INDEX "Application_search_keys_idx" ALTER COLUMN 1 SET STATISTICS 1000;
ANALYZE "Application";
