-- A search for a single character reads the search index too (ADR 0074). A clerk types a surname
-- ("李") or one character of a place name; without a key of its own the list tested every case of the
-- organization with LIKE for the page and for the count up to 10,001: 55–60 ms at 100,000 cases for
-- "李" (7,098 matches), and a rare character read all the cases of a large organization (at 1,000,000,
-- most of a second). The keys of a case gain its characters: "<organizationId> <O|C> <character>" for
-- every character but white space of the whole searched text (the bigrams' text), lower-cased, so a
-- character is in the text exactly when its key is in the case's keys, as a bigram is for two.
--
-- The word's side no longer calls this function for one or two characters:
-- gongkai_case_search_word_key gives the one key such a word looks up (with the case's function the
-- two-character word's keys would now hold its two characters as well, and the index would intersect
-- their long lists with the bigram's). Three characters and more still call it with the word as the
-- case's text (its trigrams only).
--
-- Replacing the function changes what the index holds: it is rebuilt, then analysed (the planner's
-- estimates for the keys come from the indexed expression's statistics). Writes to "Application" wait
-- meanwhile, and so do reads through the index; the app starts after its migrations (docs/operations.md
-- §5): at 100,000 cases about ten seconds, at 1,000,000 a few minutes (migration 20261216000000's
-- build: 5 min 50 s for 2.3 million cases before the characters were added).
CREATE OR REPLACE FUNCTION gongkai_case_search_keys(organization_id text, open boolean, search_text text, case_text text, parties_text text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL RESTRICTED COST 10000
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
          SELECT regexp_matches(search_lowered, '[^[:space:]]', 'g')
          UNION ALL SELECT regexp_matches(search_lowered, '..', 'g')
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

-- The key a word of one or two characters looks up: the same prefix and lower-casing as above.
CREATE FUNCTION gongkai_case_search_word_key(organization_id text, open boolean, word text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ARRAY[organization_id || CASE WHEN open THEN ' O ' ELSE ' C ' END || lower(word)];

REINDEX INDEX "Application_search_keys_idx";
ANALYZE "Application";
