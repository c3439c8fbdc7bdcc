-- A vote checks its voter's membership once the project is locked (cast_vote, first created in
-- 20261204170000_vote_in_one_statement, which says what it does step by step).
--
-- The access check in front of the request reads the voter's role before the vote waits for the
-- project's lock (behind other votes, a close, an import). A member removed from the team, or
-- made a viewer, while their vote waited had it land anyway. The role is now read again in its
-- own statement after the lock (so it sees what committed during the wait): no row when the
-- voter is no longer in the team (the app answers "not found", as its access check does), and
-- nothing written with "voterRole" VIEWER (the app refuses it as its access check refuses a
-- viewer). Every answer carries "voterRole", the rest is unchanged.
--
-- The answer's columns change, so the function is dropped and created again. The migration
-- runner splits scripts on semicolons, so the body is an E'' string with each semicolon written
-- as \x3B.
DROP FUNCTION cast_vote(text, text, text, text, text, double precision, jsonb, boolean, text, int);

CREATE FUNCTION cast_vote(
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
        last_edit_at = greatest(now(), e.created_at, e.last_edit_at)
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
