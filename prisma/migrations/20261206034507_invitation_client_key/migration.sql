-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "client_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "invitations_team_id_created_by_id_client_key_key" ON "invitations"("team_id", "created_by_id", "client_key");
