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

-- CreateIndex
CREATE INDEX "history_timeline_points_project_id_event_id_idx" ON "history_timeline_points"("project_id", "event_id");

-- CreateIndex
CREATE INDEX "history_timeline_points_project_id_winner_changed_position_idx" ON "history_timeline_points"("project_id", "winner_changed", "position");

-- AddForeignKey
ALTER TABLE "history_timelines" ADD CONSTRAINT "history_timelines_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "history_timeline_points" ADD CONSTRAINT "history_timeline_points_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
