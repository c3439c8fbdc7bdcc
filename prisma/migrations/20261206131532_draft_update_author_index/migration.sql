-- Deleting a user clears their authorship of draft edits (record_draft_updates.author_id,
-- ON DELETE SET NULL): PostgreSQL runs `UPDATE ONLY record_draft_updates SET author_id = NULL
-- WHERE author_id = $1` once per deleted user, which without an index reads every stored edit
-- of every draft (a sequential scan: 44 ms for 300,000 edits, per user). It runs on every account
-- deletion and for each of a sample decision's three fictional teammates when it is removed.

-- CreateIndex
CREATE INDEX "record_draft_updates_author_id_idx" ON "record_draft_updates"("author_id");
