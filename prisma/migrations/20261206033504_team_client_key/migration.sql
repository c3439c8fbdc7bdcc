-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "client_key" TEXT,
ADD COLUMN     "created_by_id" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "teams_created_by_id_client_key_key" ON "teams"("created_by_id", "client_key");

-- AddForeignKey
ALTER TABLE "teams" ADD CONSTRAINT "teams_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
