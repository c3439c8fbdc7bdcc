-- AlterTable
ALTER TABLE "share_links" ADD COLUMN     "client_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "share_links_team_id_created_by_id_client_key_key" ON "share_links"("team_id", "created_by_id", "client_key");
