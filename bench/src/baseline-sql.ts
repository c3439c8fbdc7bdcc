/**
 * The statements of the two benchmarked operations, as plain SQL. Tradeoff issues the same
 * reads and writes through Prisma; the baseline sends these directly.
 */
export const BASELINE_SQL = {
  /** The caller's role in the project's team and their token version (the access check). */
  access: `
    SELECT p.team_id, m.role::text AS role, u.token_version
    FROM projects p
    JOIN memberships m ON m.team_id = p.team_id AND m.user_id = $2
    JOIN users u ON u.id = m.user_id
    WHERE p.id = $1`,
  /** What the recommendation depends on, as one fingerprint (Tradeoff's decisionStamp). */
  stamp: `
    SELECT p.updated_at::text
      || '|' || coalesce((SELECT max(e.id) FROM project_events e WHERE e.project_id = p.id), 0)::text
      || '|' || (SELECT count(*)::text || ':' || coalesce(sum(hashtext(
                    m.user_id || ':' || m.role::text || ':' || u.updated_at::text)), 0)::text
                 FROM memberships m JOIN users u ON u.id = m.user_id
                 WHERE m.team_id = p.team_id) AS stamp
    FROM projects p WHERE p.id = $1`,
  /** The project with its options and criteria in order. */
  shape: `
    SELECT p.id, p.status::text AS status, p.method::text AS method, p.voting_mode::text AS voting_mode,
      p.quorum, p.round,
      (SELECT json_agg(json_build_object('key', o.key, 'name', o.name) ORDER BY o.position)
         FROM options o WHERE o.project_id = p.id) AS options,
      (SELECT json_agg(json_build_object('key', c.key, 'name', c.name, 'defaultWeight', c.default_weight) ORDER BY c.position)
         FROM criteria c WHERE c.project_id = p.id) AS criteria
    FROM projects p WHERE p.id = $1`,
  /** Everyone who votes: the team's members above viewer. */
  members: `
    SELECT m.user_id, u.name, u.email
    FROM projects p
    JOIN memberships m ON m.team_id = p.team_id AND m.role <> 'VIEWER'
    JOIN users u ON u.id = m.user_id
    WHERE p.id = $1
    ORDER BY m.created_at`,
  /** Every current vote of the project. */
  votes: `
    SELECT v.user_id, c.key, v.weight, v.scores, v.rationale, v.updated_at
    FROM votes v JOIN criteria c ON c.id = v.criterion_id
    WHERE v.project_id = $1`,
  /**
   * Locks the project row as Tradeoff does (every change raises the project's version under that
   * lock, through the history trigger), reads the vote's checks and takes the member's slot lock.
   */
  lockForVote: `
    SELECT p.id, p.team_id AS "teamId", p.status::text AS status,
      (SELECT c.id FROM criteria c WHERE c.project_id = p.id AND c.key = $2) AS "criterionId",
      ARRAY(SELECT o.key FROM options o WHERE o.project_id = p.id ORDER BY o.position) AS "optionKeys",
      pg_advisory_xact_lock(hashtextextended($3, 0))::text AS "slotLocked"
    FROM projects p
    WHERE p.id = $1
    FOR NO KEY UPDATE OF p`,
  /** Reads the vote it replaces and upserts the new one, in one statement. */
  upsertVote: `
    WITH old AS (
      SELECT weight, scores, rationale FROM votes WHERE criterion_id = $3 AND user_id = $4
    ), up AS (
      INSERT INTO votes (id, project_id, criterion_id, user_id, weight, scores, rationale, updated_at)
      VALUES ($1, $2, $3, $4, $5::double precision, $6::jsonb, NULL, now())
      ON CONFLICT (criterion_id, user_id) DO UPDATE SET weight = EXCLUDED.weight,
        scores = EXCLUDED.scores, rationale = EXCLUDED.rationale, updated_at = now()
      RETURNING updated_at
    )
    SELECT (SELECT row_to_json(old) FROM old) AS before,
      up.updated_at AT TIME ZONE 'UTC' AS "savedAt" FROM up`,
  insertEvent: `
    INSERT INTO project_events (project_id, team_id, actor_id, type, criterion_key, data, created_at)
    VALUES ($1, $2, $3, 'vote.cast', $4, $5::jsonb, now())
    RETURNING id`,
} as const;
