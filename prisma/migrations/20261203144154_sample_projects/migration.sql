-- AlterTable
ALTER TABLE "users" ADD COLUMN     "fictional" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "is_sample" BOOLEAN NOT NULL DEFAULT false;
