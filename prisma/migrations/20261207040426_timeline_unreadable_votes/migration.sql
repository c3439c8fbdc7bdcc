-- AlterTable
ALTER TABLE "history_timelines" ADD COLUMN     "unreadable" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "history_timeline_points" ADD COLUMN     "unreadable_votes" INTEGER NOT NULL DEFAULT 0;

-- Points kept before now count no unreadable votes, and the replay now leaves out scores stored
-- as text that is no JSON: every chart is replayed again on its next view.
DELETE FROM "history_timeline_points";
DELETE FROM "history_timelines";
