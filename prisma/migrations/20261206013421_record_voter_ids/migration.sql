-- AlterTable
ALTER TABLE "decision_records" ADD COLUMN     "voter_ids" JSONB;
