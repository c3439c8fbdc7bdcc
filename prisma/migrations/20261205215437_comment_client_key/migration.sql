-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "client_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "comments_author_id_client_key_key" ON "comments"("author_id", "client_key");
