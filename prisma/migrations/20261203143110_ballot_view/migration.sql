-- CreateEnum
CREATE TYPE "BallotView" AS ENUM ('LIST', 'MATRIX');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "ballot_view" "BallotView" NOT NULL DEFAULT 'LIST';
