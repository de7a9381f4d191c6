-- A complete, append-only audit: the case each entry concerns (for the case's 操作记录), indexes for
-- the administrators' audit page, and a trigger by which PostgreSQL itself refuses UPDATE, DELETE and
-- TRUNCATE of "AuditEvent" whatever role connects. docs/decisions/0021-append-only-audit.md

-- DropIndex
DROP INDEX "AuditEvent_entityType_entityId_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "applicationId" TEXT,
ADD COLUMN     "operator" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_actorId_createdAt_idx" ON "AuditEvent"("organizationId", "actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_action_createdAt_idx" ON "AuditEvent"("organizationId", "action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_createdAt_idx" ON "AuditEvent"("entityType", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_applicationId_createdAt_idx" ON "AuditEvent"("applicationId", "createdAt");

-- The case of the entries written before the column existed (the last time these rows are changed):
-- a case's own entries, then its proceedings' (named in before/after, or still in the table, or by
-- another entry of the same proceeding).
UPDATE "AuditEvent" SET "applicationId" = "entityId" WHERE "entityType" = 'Application';
UPDATE "AuditEvent" e
SET "applicationId" = COALESCE(
  e."after"->>'applicationId',
  e."before"->>'applicationId',
  (SELECT p."applicationId" FROM "Proceeding" p WHERE p."id" = e."entityId")
)
WHERE e."entityType" = 'Proceeding';
UPDATE "AuditEvent" e
SET "applicationId" = (
  SELECT o."applicationId" FROM "AuditEvent" o
  WHERE o."entityType" = 'Proceeding' AND o."entityId" = e."entityId" AND o."applicationId" IS NOT NULL
  LIMIT 1
)
WHERE e."entityType" = 'Proceeding' AND e."applicationId" IS NULL;

-- From here on the audit only grows (function of migration 20261202120000_report_publication).
CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_refuse_change"('操作记录');
