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
  lockProject: `
    SELECT id, team_id, status::text AS status, round, created_by_id
    FROM projects WHERE id = $1 FOR SHARE`,
  criterion: `
    SELECT c.id, (SELECT array_agg(o.key ORDER BY o.position) FROM options o WHERE o.project_id = $1) AS option_keys
    FROM criteria c WHERE c.project_id = $1 AND c.key = $2`,
  lockSlot: "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))::text",
  existingVote:
    "SELECT weight, scores, rationale FROM votes WHERE criterion_id = $1 AND user_id = $2",
  upsertVote: `
    INSERT INTO votes (id, project_id, criterion_id, user_id, weight, scores, rationale, created_at, updated_at)
    VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5::jsonb, NULL, now(), now())
    ON CONFLICT (criterion_id, user_id) DO UPDATE
      SET weight = EXCLUDED.weight, scores = EXCLUDED.scores, rationale = NULL, updated_at = now()
    RETURNING id, updated_at`,
  insertEvent: `
    INSERT INTO project_events (project_id, team_id, actor_id, type, criterion_key, data, created_at)
    VALUES ($1, $2, $3, 'vote.cast', $4, $5::jsonb, now())
    RETURNING id`,
} as const;
