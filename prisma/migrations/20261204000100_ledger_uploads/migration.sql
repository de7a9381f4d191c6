-- CreateTable
CREATE TABLE "LedgerUpload" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "uploadedById" TEXT,
    "fileName" TEXT NOT NULL,
    "caseNumbers" TEXT[],
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LedgerUpload_organizationId_createdAt_idx" ON "LedgerUpload"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "LedgerUpload" ADD CONSTRAINT "LedgerUpload_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerUpload" ADD CONSTRAINT "LedgerUpload_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

