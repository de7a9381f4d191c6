-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "caseNumberPattern" TEXT NOT NULL DEFAULT '{前缀}-{年}-{序号:6}';

-- CreateEnum
CREATE TYPE "ApplicantType" AS ENUM ('NATURAL_PERSON', 'COMMERCIAL_ENTERPRISE', 'RESEARCH_INSTITUTION', 'SOCIAL_WELFARE_ORG', 'LEGAL_SERVICE_ORG', 'OTHER_ORG');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('IN_PERSON', 'POST', 'ORDINARY_MAIL', 'ONLINE', 'FAX', 'EMAIL', 'ORAL', 'OTHER');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ClockPhase" AS ENUM ('RUNNING', 'AWAITING_CORRECTION', 'CONSULTING', 'AWAITING_FEE', 'CLOSED');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('GRANTED', 'PARTIALLY_GRANTED', 'WITHHELD_STATE_SECRET', 'WITHHELD_PROHIBITED_BY_LAW', 'WITHHELD_SECURITY_STABILITY', 'WITHHELD_THIRD_PARTY_RIGHTS', 'WITHHELD_INTERNAL_AFFAIRS', 'WITHHELD_PROCESS_INFORMATION', 'WITHHELD_ENFORCEMENT_FILE', 'WITHHELD_ADMINISTRATIVE_QUERY', 'UNAVAILABLE_NOT_HELD', 'UNAVAILABLE_NEEDS_CREATION', 'UNAVAILABLE_UNCLEAR_AFTER_CORRECTION', 'NOT_PROCESSED_COMPLAINT', 'NOT_PROCESSED_REPEAT', 'NOT_PROCESSED_PUBLICATION', 'NOT_PROCESSED_EXCESSIVE', 'NOT_PROCESSED_CONFIRM_OR_REISSUE', 'OTHER_NO_CORRECTION', 'OTHER_FEE_UNPAID', 'OTHER_OTHER');

-- CreateEnum
CREATE TYPE "CaseEventType" AS ENUM ('CORRECTION_REQUESTED', 'CORRECTION_RECEIVED', 'CONSULTATION_SENT', 'CONSULTATION_ANSWERED', 'EXTENSION', 'FEE_NOTICE', 'FEE_PAID', 'DECISION_SERVED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "FeeMethod" AS ENUM ('PER_APPLICATION', 'PER_VOLUME');

-- CreateEnum
CREATE TYPE "ProceedingKind" AS ENUM ('RECONSIDERATION', 'LITIGATION');

-- CreateEnum
CREATE TYPE "LitigationRoute" AS ENUM ('DIRECT', 'AFTER_RECONSIDERATION');

-- CreateEnum
CREATE TYPE "ProceedingResult" AS ENUM ('UPHELD', 'CORRECTED', 'OTHER');

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "caseYear" INTEGER NOT NULL,
    "caseSequence" INTEGER NOT NULL,
    "receivedOn" DATE NOT NULL,
    "channel" "Channel" NOT NULL,
    "applicantType" "ApplicantType" NOT NULL,
    "applicantName" TEXT NOT NULL,
    "applicantIdNumber" TEXT,
    "applicantContact" TEXT,
    "applicantAddress" TEXT,
    "agentName" TEXT,
    "agentContact" TEXT,
    "requestContent" TEXT NOT NULL,
    "deliveryForm" TEXT,
    "deliveryMethod" TEXT,
    "handlerId" TEXT,
    "registeredById" TEXT,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'OPEN',
    "clockPhase" "ClockPhase" NOT NULL DEFAULT 'RUNNING',
    "dueOn" DATE,
    "dueIsProvisional" BOOLEAN NOT NULL DEFAULT false,
    "correctionNoticeDueOn" DATE,
    "correctionRequestedOn" DATE,
    "correctionDeadlineOn" DATE,
    "correctionReceivedOn" DATE,
    "consultationSentOn" DATE,
    "consultationAnsweredOn" DATE,
    "consultationReplyDueOn" DATE,
    "extensionNotifiedOn" DATE,
    "extensionWorkdays" INTEGER,
    "feeMethod" "FeeMethod",
    "feeNoticeOn" DATE,
    "feeAmount" DECIMAL(12,2),
    "feePaymentDueOn" DATE,
    "feePaidOn" DATE,
    "feePaidAmount" DECIMAL(12,2),
    "closedOn" DATE,
    "outcome" "Outcome",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "type" "CaseEventType" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "note" TEXT,
    "recordedById" TEXT,
    "supersededAt" TIMESTAMPTZ(3),
    "supersededById" TEXT,
    "correctionReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proceeding" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" "ProceedingKind" NOT NULL,
    "route" "LitigationRoute",
    "reconsiderationId" TEXT,
    "onlyCoDefendantAsReviewOrgan" BOOLEAN NOT NULL DEFAULT false,
    "filedOn" DATE NOT NULL,
    "result" "ProceedingResult",
    "decidedOn" DATE,
    "resultDetail" TEXT,
    "instances" JSONB NOT NULL DEFAULT '[]',
    "notes" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Proceeding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseNumberCounter" (
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSequence" INTEGER NOT NULL,

    CONSTRAINT "CaseNumberCounter_pkey" PRIMARY KEY ("organizationId","year")
);

-- CreateIndex
CREATE INDEX "Application_organizationId_status_dueOn_idx" ON "Application"("organizationId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "Application_organizationId_receivedOn_idx" ON "Application"("organizationId", "receivedOn");

-- CreateIndex
CREATE INDEX "Application_organizationId_closedOn_idx" ON "Application"("organizationId", "closedOn");

-- CreateIndex
CREATE INDEX "Application_organizationId_applicantName_idx" ON "Application"("organizationId", "applicantName");

-- CreateIndex
CREATE INDEX "Application_organizationId_handlerId_status_idx" ON "Application"("organizationId", "handlerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Application_organizationId_caseNumber_key" ON "Application"("organizationId", "caseNumber");

-- CreateIndex
CREATE INDEX "CaseEvent_applicationId_occurredOn_idx" ON "CaseEvent"("applicationId", "occurredOn");

-- CreateIndex
CREATE INDEX "CaseEvent_organizationId_type_occurredOn_idx" ON "CaseEvent"("organizationId", "type", "occurredOn");

-- CreateIndex
CREATE INDEX "Proceeding_organizationId_filedOn_idx" ON "Proceeding"("organizationId", "filedOn");

-- CreateIndex
CREATE INDEX "Proceeding_organizationId_decidedOn_idx" ON "Proceeding"("organizationId", "decidedOn");

-- CreateIndex
CREATE INDEX "Proceeding_applicationId_idx" ON "Proceeding"("applicationId");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_handlerId_fkey" FOREIGN KEY ("handlerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proceeding" ADD CONSTRAINT "Proceeding_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proceeding" ADD CONSTRAINT "Proceeding_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proceeding" ADD CONSTRAINT "Proceeding_reconsiderationId_fkey" FOREIGN KEY ("reconsiderationId") REFERENCES "Proceeding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proceeding" ADD CONSTRAINT "Proceeding_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNumberCounter" ADD CONSTRAINT "CaseNumberCounter_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- CreateIndex
CREATE INDEX "Application_organizationId_applicantIdNumber_receivedOn_idx" ON "Application"("organizationId", "applicantIdNumber", "receivedOn");

-- Search over case number, applicant and request text: trigram indexes work for Chinese text, which
-- has no word boundaries for a full-text parser (used with ILIKE '%词%').
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Application_search_trgm_idx" ON "Application"
  USING GIN (("caseNumber" || ' ' || "applicantName" || ' ' || "requestContent") gin_trgm_ops);

-- Similar requests on registration (similarity of the request text alone).
CREATE INDEX "Application_requestContent_trgm_idx" ON "Application" USING GIN ("requestContent" gin_trgm_ops);
