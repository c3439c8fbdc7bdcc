-- A project's history entries are numbered in the order their changes commit.
--
-- A live stream resumes after the last entry its client received (ids above it). An entry's id
-- used to be taken from the sequence as the row was written, before the change locked the project
-- row (which every entry does, raising the project's version). A change that took its id and then
-- waited for the project (held by a decision being recorded, say) committed after the holder's
-- later entry: a tab that had seen the later id and reconnected never got the earlier one.
--
-- Now each entry first locks its project's row (FOR NO KEY UPDATE, the lock the version's UPDATE
-- takes anyway, held until the change commits) and only then takes its id. Changes writing
-- entries of one project take turns on that lock, so each one's ids are above those of every
-- change that committed before it, and an id once seen has no lower one still to come. The
-- default's value is replaced (the sequence skips it), so the trigger is all that numbers entries.
--
-- The migration runner splits scripts on semicolons, so the body is an E'' string with each
-- semicolon written as \x3B (as in the other functions).
CREATE FUNCTION number_project_event() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM 1 FROM projects WHERE id = NEW.project_id FOR NO KEY UPDATE\x3B
  NEW.id := nextval(''project_events_id_seq'')\x3B
  RETURN NEW\x3B
END
';

CREATE TRIGGER project_events_number
  BEFORE INSERT ON "project_events"
  FOR EACH ROW EXECUTE FUNCTION number_project_event();
