-- AlterEnum
ALTER TYPE "VerificationPurpose" ADD VALUE 'EMAIL_CHANGE_CANCEL';

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "reauthenticatedAt" TIMESTAMP(3),
ADD COLUMN     "revokedReason" TEXT;
