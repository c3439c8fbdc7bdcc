-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "emailed_at" TIMESTAMP(3);
