-- AlterTable
ALTER TABLE "votes" ADD COLUMN     "no_opinion" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "decision_records" ADD COLUMN     "coverage" JSONB;
