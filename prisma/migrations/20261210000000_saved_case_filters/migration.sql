-- Saved filters of the case list, per user (issue 13; docs/decisions/0073).

-- CreateTable
CREATE TABLE "SavedCaseFilter" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedCaseFilter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedCaseFilter_userId_name_key" ON "SavedCaseFilter"("userId", "name");

-- AddForeignKey
ALTER TABLE "SavedCaseFilter" ADD CONSTRAINT "SavedCaseFilter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
