-- Live updates across app instances: every new project event is announced on the
-- "project_events" channel with its ids only (never the row), so listeners read what the
-- caller may see from the table itself. NOTIFY is delivered when the transaction commits.
CREATE OR REPLACE FUNCTION notify_project_event() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify(
    project_events,
    json_build_object(id, NEW.id::text, projectId, NEW.project_id, teamId, NEW.team_id)::text
  );
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER project_events_notify
  AFTER INSERT ON "project_events"
  FOR EACH ROW EXECUTE FUNCTION notify_project_event();
