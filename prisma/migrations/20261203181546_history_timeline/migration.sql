-- CreateTable
CREATE TABLE "history_timelines" (
    "project_id" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "actors" TEXT[],
    "version" INTEGER NOT NULL,
    "last_event_id" BIGINT NOT NULL,
    "event_count" INTEGER NOT NULL,
    "point_count" INTEGER NOT NULL,
    "first_at" TIMESTAMP(3),
    "last_at" TIMESTAMP(3),
    "state" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "history_timelines_pkey" PRIMARY KEY ("project_id")
);

-- CreateTable
CREATE TABLE "history_timeline_points" (
    "project_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "event_id" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "totals" DOUBLE PRECISION[],
    "winner" TEXT,
    "margin" DOUBLE PRECISION NOT NULL,
    "winner_changed" BOOLEAN NOT NULL,

    CONSTRAINT "history_timeline_points_pkey" PRIMARY KEY ("project_id","position")
);

-- The history chart keeps both sides of each change of winner: found without reading the
-- points in between (a schema cannot declare a partial index, so it is written here).
CREATE INDEX "history_timeline_points_winner_changed_idx" ON "history_timeline_points"("project_id", "position") WHERE "winner_changed";

-- AddForeignKey
ALTER TABLE "history_timelines" ADD CONSTRAINT "history_timelines_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "history_timeline_points" ADD CONSTRAINT "history_timeline_points_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
