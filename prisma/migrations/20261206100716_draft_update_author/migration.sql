-- AlterTable
ALTER TABLE "record_draft_updates" ADD COLUMN     "author_id" TEXT;

-- AddForeignKey
ALTER TABLE "record_draft_updates" ADD CONSTRAINT "record_draft_updates_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
