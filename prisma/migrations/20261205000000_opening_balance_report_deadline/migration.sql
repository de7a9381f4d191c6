-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "reportDeadline" TEXT;

-- CreateTable
CREATE TABLE "OpeningBalance" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "carriedOut" INTEGER[],
    "source" TEXT NOT NULL,
    "enteredById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OpeningBalance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OpeningBalance_organizationId_key" ON "OpeningBalance"("organizationId");

-- AddForeignKey
ALTER TABLE "OpeningBalance" ADD CONSTRAINT "OpeningBalance_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningBalance" ADD CONSTRAINT "OpeningBalance_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: the shapes lib/reports/opening-balance.ts and lib/rollup/deadline.ts check, held by the
-- database too. 四 has the six applicant columns and their sum, 总计.
ALTER TABLE "OpeningBalance" ADD CONSTRAINT "OpeningBalance_carriedOut_shape" CHECK (
  cardinality("carriedOut") = 7
  AND 0 <= ALL ("carriedOut")
  AND "carriedOut"[7] = "carriedOut"[1] + "carriedOut"[2] + "carriedOut"[3] + "carriedOut"[4] + "carriedOut"[5] + "carriedOut"[6]
);
ALTER TABLE "OpeningBalance" ADD CONSTRAINT "OpeningBalance_year_range" CHECK ("year" BETWEEN 2000 AND 2100);
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_reportDeadline_format" CHECK (
  "reportDeadline" IS NULL OR "reportDeadline" ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
);
