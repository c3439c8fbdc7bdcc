-- AlterEnum
ALTER TYPE "RecordDraftStatus" ADD VALUE 'DISCARDED';

-- AlterTable
ALTER TABLE "record_drafts" ADD COLUMN     "discarded_at" TIMESTAMP(3),
ADD COLUMN     "discarded_by_id" TEXT;
