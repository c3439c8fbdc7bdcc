-- AlterTable
ALTER TABLE "project_events" ADD COLUMN     "last_edit_at" TIMESTAMP(3);

-- A member's edits to one criterion within the history's folding window update their vote's
-- history event in place (its `after` and last_edit_at) instead of appending one per click.
-- Such an update changes what the recommendation and the history chart rest on, so it raises
-- the project's version like an insert does (the recommendation and timeline caches are keyed
-- by it), under the same row lock, once per statement.
-- The migration runner splits scripts on semicolons, so the function body writes them as \x3B.
CREATE OR REPLACE FUNCTION raise_project_version_on_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE projects p SET version = p.version + changed.count
    FROM (SELECT project_id, count(*) AS count FROM updated_events GROUP BY project_id) changed
    WHERE p.id = changed.project_id\x3B
  RETURN NULL\x3B
END\x3B
';

CREATE TRIGGER project_events_raise_version_on_update
  AFTER UPDATE ON "project_events"
  REFERENCING NEW TABLE AS updated_events
  FOR EACH STATEMENT EXECUTE FUNCTION raise_project_version_on_update();

-- Live pages learn of a folded vote as of a new event: the same announcement on the
-- "project_events" channel, marked as an update of an event they may already have.
CREATE OR REPLACE FUNCTION notify_project_event_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(
    ''project_events'',
    json_build_object(''id'', NEW.id::text, ''projectId'', NEW.project_id, ''teamId'', NEW.team_id, ''updated'', true)::text
  )\x3B
  RETURN NEW\x3B
END\x3B
';

-- Only a change of what the event says (not, say, its actor's account being deleted).
CREATE TRIGGER project_events_notify_update
  AFTER UPDATE ON "project_events"
  FOR EACH ROW
  WHEN (OLD.data IS DISTINCT FROM NEW.data OR OLD.last_edit_at IS DISTINCT FROM NEW.last_edit_at)
  EXECUTE FUNCTION notify_project_event_update();
