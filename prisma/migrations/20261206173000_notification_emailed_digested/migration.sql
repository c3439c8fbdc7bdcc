-- Notifications emailed on their own before a sent email marked them delivered (digested_at),
-- and those emailed before the column existed, have digested_at null: a daily digest chosen
-- later would list them again. This marks them delivered, at the time they were written (when their
-- email was sent, give or take the queue), by the rule send-email.ts sends by: the member has an
-- email address and their delivery for the kind is EMAIL, their own choice or, with none, the
-- default of the kind. Defaults: a deadline, a nudge and a turned-off webhook have been emailed from
-- the start, a decision opening only since the default changed, shipped before the migration
-- 20261205215437_comment_client_key (earlier ones are left as they are: they may not have been
-- emailed). Invitations are left out: the digest never lists them. What cannot be known stays
-- unmarked: a member who has changed their choice for the kind since.
UPDATE "notifications" AS n
SET "digested_at" = n."created_at"
FROM "users" AS u
WHERE n."digested_at" IS NULL
  AND u."id" = n."user_id"
  AND u."email" IS NOT NULL
  AND n."kind" <> 'team.invited'
  AND coalesce(
    (SELECT p."delivery"::text FROM "notification_preferences" AS p
      WHERE p."user_id" = n."user_id" AND p."kind" = n."kind"),
    CASE
      WHEN n."kind" IN ('deadline.near', 'nudge', 'webhook.disabled') THEN 'EMAIL'
      -- created_at holds UTC without a zone, finished_at has one.
      WHEN n."kind" = 'project.opened' AND n."created_at" >= (
        SELECT m."finished_at" AT TIME ZONE 'UTC' FROM "_prisma_migrations" AS m
        WHERE m."migration_name" = '20261205215437_comment_client_key'
          AND m."rolled_back_at" IS NULL
        ORDER BY m."finished_at" LIMIT 1
      ) THEN 'EMAIL'
      ELSE 'IN_APP'
    END
  ) = 'EMAIL';
