-- CreateEnum
CREATE TYPE "LetterKind" AS ENUM ('RECEIPT', 'CORRECTION_NOTICE', 'EXTENSION_NOTICE', 'THIRD_PARTY_CONSULTATION', 'AGENCY_CONSULTATION', 'FEE_NOTICE', 'DECISION');

-- CreateTable
CREATE TABLE "LetterSettings" (
    "organizationId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "postalCode" TEXT,
    "telephone" TEXT NOT NULL,
    "reviewOrgan" TEXT NOT NULL,
    "court" TEXT NOT NULL,
    "numberPatterns" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LetterSettings_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "LetterTemplate" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "LetterKind" NOT NULL,
    "variant" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "layoutDocx" BYTEA,
    "layoutFileName" TEXT,
    "reason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LetterTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterNumberCounter" (
    "organizationId" TEXT NOT NULL,
    "kind" "LetterKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSequence" INTEGER NOT NULL,

    CONSTRAINT "LetterNumberCounter_pkey" PRIMARY KEY ("organizationId","kind","year")
);

-- CreateTable
CREATE TABLE "Letter" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" "LetterKind" NOT NULL,
    "variant" TEXT NOT NULL,
    "templateVersion" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "caseEventId" TEXT,
    "issuedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMPTZ(3),
    "supersededById" TEXT,
    "supersedeReason" TEXT,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LetterTemplate_organizationId_kind_variant_version_key" ON "LetterTemplate"("organizationId", "kind", "variant", "version");

-- CreateIndex
CREATE INDEX "Letter_applicationId_createdAt_idx" ON "Letter"("applicationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_organizationId_kind_year_sequence_key" ON "Letter"("organizationId", "kind", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_supersededById_key" ON "Attachment"("supersededById");

-- CreateIndex
CREATE INDEX "Attachment_applicationId_createdAt_idx" ON "Attachment"("applicationId", "createdAt");

-- AddForeignKey
ALTER TABLE "LetterSettings" ADD CONSTRAINT "LetterSettings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterSettings" ADD CONSTRAINT "LetterSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterTemplate" ADD CONSTRAINT "LetterTemplate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterTemplate" ADD CONSTRAINT "LetterTemplate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LetterNumberCounter" ADD CONSTRAINT "LetterNumberCounter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: issued letters and the case file are records. A letter is never changed or deleted, an
-- attachment is never deleted and its content never changes (a replacement supersedes it).
-- The migration runner splits scripts at every semicolon, quoted or not: the function body writes its one
-- semicolon as the octal escape \073 of an E'' string.
CREATE FUNCTION "refuse_record_change"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''% 是留存记录，不能删除或修改（%）'', TG_TABLE_NAME, TG_OP USING ERRCODE = ''integrity_constraint_violation''\073 END';

CREATE TRIGGER "Letter_no_update_or_delete" BEFORE UPDATE OR DELETE ON "Letter"
  FOR EACH ROW EXECUTE FUNCTION "refuse_record_change"();

CREATE TRIGGER "Attachment_no_delete" BEFORE DELETE ON "Attachment"
  FOR EACH ROW EXECUTE FUNCTION "refuse_record_change"();

CREATE TRIGGER "Attachment_content_fixed" BEFORE UPDATE OF "applicationId", "organizationId", "fileName", "contentType", "size", "sha256", "storage", "storageKey", "createdAt" ON "Attachment"
  FOR EACH ROW EXECUTE FUNCTION "refuse_record_change"();

CREATE TRIGGER "LetterTemplate_no_update_or_delete" BEFORE UPDATE OR DELETE ON "LetterTemplate"
  FOR EACH ROW EXECUTE FUNCTION "refuse_record_change"();
