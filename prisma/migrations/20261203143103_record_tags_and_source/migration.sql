-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "decision_records" ADD COLUMN     "source" JSONB;
