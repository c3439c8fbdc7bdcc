-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "client_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "projects_team_id_created_by_id_client_key_key" ON "projects"("team_id", "created_by_id", "client_key");
