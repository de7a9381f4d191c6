-- The registration form's similar requests (ADR 0077, 0100): the GiST trigram index with 64-byte
-- signatures instead of pg_trgm's default 12. An inner entry of the index is the signature of every
-- trigram below it; at 12 bytes a few hundred requests' trigrams set nearly every bit, so the nearest-
-- first walk cannot tell branches apart and visits most of them, and more so as cases are added one
-- by one (a freshly built index was 2–20 times faster than the same index after the load test's
-- inserts). Measured at 100,000 cases after 3,000 registrations alike: 2.6 / 20 / 0.1 / 1.7 ms for
-- four requests against 6.6 / 27 / 9 / 31 ms, the index the same 19 MB.
CREATE INDEX "Application_organizationId_requestContent_trgm_gist64_idx" ON "Application" USING GIST ("organizationId", "requestContent" gist_trgm_ops (siglen = 64));

DROP INDEX "Application_organizationId_requestContent_trgm_gist_idx";
