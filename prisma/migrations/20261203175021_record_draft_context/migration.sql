-- AlterTable
ALTER TABLE "decision_records" ADD COLUMN     "context" TEXT,
ADD COLUMN     "more_information" TEXT;
