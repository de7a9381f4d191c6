-- Indexes for the annual report (lib/reports/queries.ts). Neither kind can be written in
-- schema.prisma (an expression GiST index and partial indexes), like the trigram indexes of
-- 20261121010000_case_log. (No semicolons in these comments: the migration runner splits on them.)

-- 二 and 四 of table 三 count the cases open at the end of a day: received on or before it and not
-- closed by then, i.e. the cases whose [receivedOn, closedOn) range holds the day (closedOn null:
-- open-ended). A b-tree index on either date reads every case received before (or closed after) that
-- day, while a GiST index on the range finds just the open ones. An invalid closedOn < receivedOn
-- gives an empty range instead of an error. btree_gist lets the organization lead the index.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE INDEX "Application_organizationId_open_range_idx" ON "Application" USING GIST (
  "organizationId",
  daterange("receivedOn", CASE WHEN "closedOn" < "receivedOn" THEN "receivedOn" ELSE "closedOn" END, '[)')
);

-- Section 六: the fee notices and the payments dated in the year (a few per cent of the cases).
CREATE INDEX "Application_organizationId_feeNoticeOn_idx" ON "Application" ("organizationId", "feeNoticeOn")
  INCLUDE ("feeAmount") WHERE "feeNoticeOn" IS NOT NULL;
CREATE INDEX "Application_organizationId_feePaidOn_idx" ON "Application" ("organizationId", "feePaidOn")
  INCLUDE ("feePaidAmount") WHERE "feePaidOn" IS NOT NULL;
