-- The case search runs in one backend (ADR 0098, "Parallel workers"). The list sends its page and its
-- count at once, and with the search's keys function PARALLEL SAFE each of the two got a parallel
-- bitmap heap scan with two workers: six processes on a 2-core machine for one list. A frequent
-- two-character word alone at 100,000 cases ("朝阳", 8,275 matches; page and count side by side, 20
-- rounds, quiet machine): 43.5 ms p50 / 50.2 ms p95 with the workers, 19.9 / 24.1 ms without them; a
-- rare word was 2.3 ms either way. A serving database answers many clerks at once: a worker only takes
-- a core from another request. PARALLEL RESTRICTED keeps the function (and so a scan whose condition
-- computes it: the index's recheck) in the leader; the function is still IMMUTABLE, so the index stands.
ALTER FUNCTION gongkai_case_search_keys(text, boolean, text, text, text) PARALLEL RESTRICTED;
