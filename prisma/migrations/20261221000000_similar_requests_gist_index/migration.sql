-- The registration form's similar requests (ADR 0077): the five nearest earlier requests of the
-- organization, similarity above 0.3. Through the GIN trigram index, PostgreSQL found every request
-- above the threshold and compared each: a request worded like many others (the boilerplate
-- "申请公开2020年度…" alone passes 0.3) was 19,076 candidates and 378 ms at 100,000 cases, on each pause
-- of the clerk's typing. A GiST trigram index answers "nearest first" (ORDER BY <->) and stops after
-- the five: 1–3 ms, 21 ms for a request like no other, 48 ms when a thousand are word for word the
-- same (the ties are ordered by date). The organization leads the index (btree_gist, installed by
-- 20261121010000_case_log), so another organization's requests are never visited.
CREATE INDEX "Application_organizationId_requestContent_trgm_gist_idx" ON "Application" USING GIST ("organizationId", "requestContent" gist_trgm_ops);

DROP INDEX "Application_requestContent_trgm_idx";
