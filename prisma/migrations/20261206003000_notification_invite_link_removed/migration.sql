-- Inbox items of invitations kept the invitation link, token and all, in the clear. The token
-- is now stored sealed with NEXTAUTH_SECRET, and the links already stored are removed (the
-- database cannot seal them). Those items lead to the start page. The invitation email has the link.
UPDATE "notifications" SET "data" = "data" - 'invitePath'
WHERE "kind" = 'team.invited' AND jsonb_exists("data", 'invitePath');
