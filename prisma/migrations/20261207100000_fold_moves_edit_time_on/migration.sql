-- Every edit folded into a history entry moves its last edit time on (cast_vote, first created in
-- 20261204170000_vote_in_one_statement, which says what it does step by step).
--
-- A page that read a folded entry keeps its last edit time, and its live stream sends the entry
-- again only when it was edited after that (docs/ARCHITECTURE.md, "Live updates"). The time is
-- kept to the millisecond and set from the transaction's clock, so two edits of one vote within
-- one millisecond (one member in two tabs) stored the same time, and a page that had read the
-- first never got the second until the next change. A fold now sets the later of the
-- transaction's time and one millisecond after the entry's last edit: each edit is later than
-- the one before, at most a millisecond or so ahead of the clock in a burst. Nothing else
-- changes. The answer's columns are the same, so the function is replaced in place.
--
-- The migration runner splits scripts on semicolons, so the body is an E'' string with each
-- semicolon written as \x3B.
CREATE OR REPLACE FUNCTION cast_vote(
  p_id text, p_project_id text, p_team_id text, p_criterion_key text, p_user_id text,
  p_weight double precision, p_scores jsonb, p_no_opinion boolean, p_rationale text,
  p_fold_seconds int)
RETURNS TABLE (status text, "criterionId" text, "optionKeys" text[], "savedAt" timestamptz,
  recorded boolean, folded boolean, "voterRole" text)
LANGUAGE plpgsql AS E'
DECLARE
  v_status text\x3B
  v_team text\x3B
  v_criterion text\x3B
  v_options text[]\x3B
  v_scores jsonb\x3B
  v_after jsonb\x3B
  v_role text\x3B
BEGIN
  SELECT p.status::text, p.team_id,
    (SELECT c.id FROM criteria c WHERE c.project_id = p.id AND c.key = p_criterion_key),
    ARRAY(SELECT o.key FROM options o WHERE o.project_id = p.id ORDER BY o.position)
  INTO v_status, v_team, v_criterion, v_options
  FROM projects p WHERE p.id = p_project_id
  FOR NO KEY UPDATE OF p\x3B
  IF NOT FOUND OR v_team <> p_team_id THEN
    RETURN\x3B
  END IF\x3B
  SELECT m.role::text INTO v_role FROM memberships m
    WHERE m.team_id = v_team AND m.user_id = p_user_id\x3B
  IF v_role IS NULL THEN
    RETURN\x3B
  END IF\x3B
  IF v_role = ''VIEWER'' THEN
    RETURN QUERY SELECT v_status, v_criterion, v_options, NULL::timestamptz, false, false, v_role\x3B
    RETURN\x3B
  END IF\x3B
  IF v_status <> ''OPEN'' OR v_criterion IS NULL
    OR EXISTS (SELECT 1 FROM jsonb_object_keys(p_scores) k WHERE NOT k = ANY (v_options)) THEN
    RETURN QUERY SELECT v_status, v_criterion, v_options, NULL::timestamptz, false, false, v_role\x3B
    RETURN\x3B
  END IF\x3B
  PERFORM pg_advisory_xact_lock(hashtextextended(
    ''vote:'' || p_project_id || '':'' || p_criterion_key || '':'' || p_user_id, 0))\x3B
  SELECT coalesce(jsonb_object_agg(k, p_scores -> k), ''{}''::jsonb) INTO v_scores
    FROM unnest(v_options) k\x3B
  v_after := jsonb_build_object(''weight'', p_weight, ''scores'', v_scores,
    ''noOpinion'', p_no_opinion, ''rationale'', p_rationale)\x3B
  RETURN QUERY WITH old AS (
      SELECT v.weight, v.scores, v.no_opinion AS "noOpinion", v.rationale FROM votes v
      WHERE v.criterion_id = v_criterion AND v.user_id = p_user_id
    ), up AS (
      INSERT INTO votes (id, project_id, criterion_id, user_id, weight, scores, no_opinion, rationale, updated_at)
      VALUES (p_id, p_project_id, v_criterion, p_user_id, p_weight, v_scores, p_no_opinion, p_rationale, now())
      ON CONFLICT (criterion_id, user_id) DO UPDATE SET weight = EXCLUDED.weight,
        scores = EXCLUDED.scores, no_opinion = EXCLUDED.no_opinion,
        rationale = EXCLUDED.rationale, updated_at = now()
      RETURNING votes.updated_at
    ), changed AS (
      SELECT NOT EXISTS (
        SELECT 1 FROM old
        WHERE old.weight IS NOT DISTINCT FROM p_weight
          AND old.scores = v_scores
          AND old."noOpinion" = p_no_opinion
          AND old.rationale IS NOT DISTINCT FROM p_rationale) AS yes
    ), foldable AS (
      SELECT e.id FROM (
        SELECT pe.id, pe.actor_id, pe.type, pe.criterion_key, pe.created_at FROM project_events pe
        WHERE pe.project_id = p_project_id ORDER BY pe.id DESC LIMIT 1
      ) e
      WHERE p_fold_seconds > 0 AND e.actor_id = p_user_id AND e.type = ''vote.cast''
        AND e.criterion_key = p_criterion_key
        AND e.created_at > clock_timestamp() - make_interval(secs => p_fold_seconds)
        AND (SELECT yes FROM changed)
    ), fold AS (
      UPDATE project_events e
      SET data = jsonb_set(e.data, ''{after}'', v_after),
        last_edit_at = greatest(now(), e.created_at, e.last_edit_at + interval ''1 millisecond'')
      FROM foldable WHERE e.id = foldable.id
      RETURNING e.id
    ), event AS (
      INSERT INTO project_events (project_id, team_id, actor_id, type, criterion_key, data, created_at)
      SELECT p_project_id, p_team_id, p_user_id, ''vote.cast'', p_criterion_key,
        jsonb_build_object(''before'', (SELECT to_jsonb(old) FROM old), ''after'', v_after), now()
      WHERE (SELECT yes FROM changed) AND NOT EXISTS (SELECT 1 FROM foldable)
      RETURNING project_events.id
    )
    SELECT v_status, v_criterion, v_options, up.updated_at AT TIME ZONE ''UTC'',
      EXISTS (SELECT 1 FROM event) OR EXISTS (SELECT 1 FROM fold),
      EXISTS (SELECT 1 FROM fold), v_role
    FROM up\x3B
END
';
