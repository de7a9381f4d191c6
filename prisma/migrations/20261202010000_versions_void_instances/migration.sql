-- Issue 8 (the case log): versions for optimistic concurrency, voided cases, late 补正 notices, and
-- lawsuits recorded instance by instance with dispositions chosen by name.

-- CreateEnum
CREATE TYPE "ProceedingDisposition" AS ENUM ('UPHOLD', 'DISMISS_RECONSIDERATION_CLAIMS', 'DISMISS_LITIGATION_CLAIMS', 'REVOKE', 'VARY', 'CONFIRM_ILLEGAL', 'ORDER_PERFORMANCE', 'ORDER_NEW_REPLY', 'TERMINATE', 'WITHDRAW', 'REJECT_RECONSIDERATION_APPLICATION', 'REJECT_SUIT', 'MEDIATION', 'SETTLEMENT', 'AFFIRM_ON_APPEAL', 'REMAND');

-- CreateEnum
CREATE TYPE "ProceedingInstanceLevel" AS ENUM ('FIRST', 'SECOND', 'RETRIAL');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "correctionNoticeLate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "voidReason" TEXT,
ADD COLUMN     "voidedAt" TIMESTAMPTZ(3),
ADD COLUMN     "voidedById" TEXT;

-- AlterTable
ALTER TABLE "Proceeding" ADD COLUMN     "disposition" "ProceedingDisposition",
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ProceedingInstance" (
    "id" TEXT NOT NULL,
    "proceedingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "level" "ProceedingInstanceLevel" NOT NULL,
    "filedOn" DATE NOT NULL,
    "disposition" "ProceedingDisposition",
    "decidedOn" DATE,
    "note" TEXT,

    CONSTRAINT "ProceedingInstance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProceedingInstance_proceedingId_position_key" ON "ProceedingInstance"("proceedingId", "position");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_voidedById_fkey" FOREIGN KEY ("voidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProceedingInstance" ADD CONSTRAINT "ProceedingInstance_proceedingId_fkey" FOREIGN KEY ("proceedingId") REFERENCES "Proceeding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The free notes per instance (a JSON array of {instance, date, note}) become instance rows: the level
-- read from the text (二审, 再审, otherwise 一审), the date as the filing date when it is one, the text
-- kept as the note. They stay undecided, and the proceeding keeps the result it was recorded with
-- until someone edits it (then the result is derived from its instances).
INSERT INTO "ProceedingInstance" ("id", "proceedingId", "position", "level", "filedOn", "note")
SELECT gen_random_uuid()::text, p."id", item.ordinality::int - 1,
       CASE WHEN item.value->>'instance' LIKE '%二审%' THEN 'SECOND'::"ProceedingInstanceLevel"
            WHEN item.value->>'instance' LIKE '%再审%' THEN 'RETRIAL'::"ProceedingInstanceLevel"
            ELSE 'FIRST'::"ProceedingInstanceLevel" END,
       CASE WHEN item.value->>'date' ~ '^\d{4}-\d{2}-\d{2}$' AND (item.value->>'date')::date >= p."filedOn"
            THEN (item.value->>'date')::date ELSE p."filedOn" END,
       NULLIF(concat_ws(' ', item.value->>'instance', item.value->>'date', item.value->>'note'), '')
FROM "Proceeding" p
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(p."instances") = 'array' THEN p."instances" ELSE '[]'::jsonb END)
  WITH ORDINALITY AS item(value, ordinality)
WHERE p."kind" = 'LITIGATION';

-- The JSON has no other reader.
ALTER TABLE "Proceeding" DROP COLUMN "instances";

-- A reconsideration whose result note names a decision gets that decision, where it agrees with the
-- recorded result (otherwise the result stays as recorded, without a named decision).
UPDATE "Proceeding" SET "disposition" = mapped.disposition::"ProceedingDisposition"
FROM (VALUES
  ('维持', 'UPHOLD', 'UPHELD'), ('驳回复议请求', 'DISMISS_RECONSIDERATION_CLAIMS', 'UPHELD'),
  ('撤销', 'REVOKE', 'CORRECTED'), ('变更', 'VARY', 'CORRECTED'), ('确认违法', 'CONFIRM_ILLEGAL', 'CORRECTED'),
  ('责令履行', 'ORDER_PERFORMANCE', 'CORRECTED'), ('重新答复', 'ORDER_NEW_REPLY', 'CORRECTED'),
  ('终止', 'TERMINATE', 'OTHER'), ('撤回', 'WITHDRAW', 'OTHER'), ('驳回复议申请', 'REJECT_RECONSIDERATION_APPLICATION', 'OTHER'),
  ('调解', 'MEDIATION', 'OTHER'), ('和解', 'SETTLEMENT', 'OTHER')
) AS mapped(label, disposition, result)
WHERE "Proceeding"."kind" = 'RECONSIDERATION' AND btrim("Proceeding"."resultDetail") = mapped.label
  AND "Proceeding"."result"::text = mapped.result
  AND "Proceeding"."disposition" IS NULL;

-- Voided cases (已作废 filter of the case list): a handful per organization.
CREATE INDEX "Application_organizationId_voidedAt_idx" ON "Application" ("organizationId", "voidedAt") WHERE "voidedAt" IS NOT NULL;

-- Every UPDATE of a case, a proceeding or an organization bumps its version, whoever writes it (the
-- app, a recomputation, a script): a form that carries an older version is refused as stale
-- (lib/concurrency, docs/decisions/0010). The migration runner splits the file at every semicolon,
-- quotes or not: the function body writes its two as the escape \073 of an E'' string.
CREATE FUNCTION "gongkai_bump_version"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN NEW."version" := OLD."version" + 1\073 RETURN NEW\073 END';

CREATE TRIGGER "Application_bump_version" BEFORE UPDATE ON "Application" FOR EACH ROW EXECUTE FUNCTION "gongkai_bump_version"();
CREATE TRIGGER "Proceeding_bump_version" BEFORE UPDATE ON "Proceeding" FOR EACH ROW EXECUTE FUNCTION "gongkai_bump_version"();
CREATE TRIGGER "Organization_bump_version" BEFORE UPDATE ON "Organization" FOR EACH ROW EXECUTE FUNCTION "gongkai_bump_version"();
