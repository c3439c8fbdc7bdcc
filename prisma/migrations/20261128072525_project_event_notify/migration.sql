-- Live updates across app instances: every new project event is announced on the
-- "project_events" channel with its ids only (never the row), so listeners read what the
-- caller may see from the table itself. NOTIFY is delivered when the transaction commits.
-- The migration runner splits scripts on semicolons, so the function body writes them as \x3B.
CREATE OR REPLACE FUNCTION notify_project_event() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(
    ''project_events'',
    json_build_object(''id'', NEW.id::text, ''projectId'', NEW.project_id, ''teamId'', NEW.team_id)::text
  )\x3B
  RETURN NEW\x3B
END\x3B
';

CREATE TRIGGER project_events_notify
  AFTER INSERT ON "project_events"
  FOR EACH ROW EXECUTE FUNCTION notify_project_event();
