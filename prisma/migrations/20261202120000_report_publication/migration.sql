-- Report drafts carry their version (a stale save is refused), a published version keeps the
-- organization's name it was published under, and published versions are frozen by PostgreSQL itself.
-- No semicolon in a comment: the driver adapter that applies migrations (@prisma/adapter-pg
-- executeScript) splits a script at every semicolon, in comments and quotes too.
-- docs/decisions/0020-one-consistent-publication.md

-- AlterTable
ALTER TABLE "ReportDraft" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ReportSnapshot" ADD COLUMN     "organizationName" TEXT;

-- Refuses every UPDATE, DELETE and TRUNCATE of the table it guards (statement-level: whatever role
-- connects, even for zero rows). The argument names the table in the message.
-- For that reason the body is an E'' string with \x3B for its semicolons.
CREATE FUNCTION "gongkai_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''%只能追加，不能修改或删除（拒绝 %）'', TG_ARGV[0], TG_OP USING ERRCODE = ''insufficient_privilege''\x3B
END\x3B
';

CREATE TRIGGER "ReportSnapshot_frozen"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "ReportSnapshot"
  FOR EACH STATEMENT EXECUTE FUNCTION "gongkai_refuse_change"('已发布的报告版本');
