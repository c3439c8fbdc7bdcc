-- Who acted in a project (the history's member filter) and each member's latest vote per
-- criterion at a moment (the time slider) are read along this index, a few steps each, instead
-- of a pass over every event of a long history.
-- CreateIndex
CREATE INDEX "project_events_project_id_actor_id_criterion_key_id_idx" ON "project_events"("project_id", "actor_id", "criterion_key", "id");
