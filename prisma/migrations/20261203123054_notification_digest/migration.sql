-- AlterEnum
ALTER TYPE "NotificationDelivery" ADD VALUE 'DIGEST';

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "digested_at" TIMESTAMP(3);
