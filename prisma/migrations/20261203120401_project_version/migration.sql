-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- Projects that already have a history start at its length.
UPDATE "projects" p SET "version" = (SELECT count(*) FROM "project_events" e WHERE e.project_id = p.id);

-- Every history event raises its project's version in the transaction that adds it. The UPDATE
-- takes the project's row lock until that transaction ends, so versions are handed out in commit
-- order: a reader that sees version N sees every change up to N, which event ids (handed out
-- when inserted, not when committed) do not promise. The recommendation cache is keyed by it.
-- Once per statement, so a bulk insert (an import) raises each project once by its count.
-- The migration runner splits scripts on semicolons, so the function body writes them as \x3B.
CREATE OR REPLACE FUNCTION raise_project_version() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE projects p SET version = p.version + added.count
    FROM (SELECT project_id, count(*) AS count FROM inserted_events GROUP BY project_id) added
    WHERE p.id = added.project_id\x3B
  RETURN NULL\x3B
END\x3B
';

CREATE TRIGGER project_events_raise_version
  AFTER INSERT ON "project_events"
  REFERENCING NEW TABLE AS inserted_events
  FOR EACH STATEMENT EXECUTE FUNCTION raise_project_version();
