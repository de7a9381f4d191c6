-- The annual report's fees (section 六, lib/reports/queries.ts selectFeeGroups) from the index alone,
-- issue 14: the fee indexes of migration 20261121040000 held the amount but not "voidedAt", so every
-- notice and payment of the year was read from the table to leave out the voided cases. Partial on
-- "voidedAt" IS NULL like the report's other covering indexes (ADR 0081), with the id for the cell
-- lists of a publication. They replace the old ones (nothing else reads them). ADR 0085.
CREATE INDEX "Application_counted_feeNoticeOn_idx" ON "Application" ("organizationId", "feeNoticeOn")
  INCLUDE ("feeAmount", "id") WHERE "voidedAt" IS NULL AND "feeNoticeOn" IS NOT NULL;
CREATE INDEX "Application_counted_feePaidOn_idx" ON "Application" ("organizationId", "feePaidOn")
  INCLUDE ("feePaidAmount", "id") WHERE "voidedAt" IS NULL AND "feePaidOn" IS NOT NULL;
DROP INDEX IF EXISTS "Application_organizationId_feeNoticeOn_idx";
DROP INDEX IF EXISTS "Application_organizationId_feePaidOn_idx";
