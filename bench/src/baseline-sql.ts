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
   * A vote, as Tradeoff casts it: one statement, the `cast_vote` function of its migrations
   * (locks, checks, the upsert and the history entry, folded into the last one within the
   * window as the app's default of 120 s does).
   */
  castVote: `
    SELECT * FROM cast_vote($1, $2, $3, $4, $5, $6::double precision, $7::jsonb, $8::boolean,
      $9::text, $10::int)`,
} as const;
