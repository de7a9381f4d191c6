-- AlterTable
ALTER TABLE "User" ADD COLUMN     "email" TEXT,
ADD COLUMN     "emailDigest" BOOLEAN NOT NULL DEFAULT false;

