-- AlterTable
ALTER TABLE "personal_access_tokens" ADD COLUMN     "client_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "personal_access_tokens_user_id_client_key_key" ON "personal_access_tokens"("user_id", "client_key");
