-- When each browser signed in. A sign-in record's created_at is not that time: a session issued
-- before sign-in records were kept is given a record when it is next refreshed, hours or days
-- after its sign-in. Setting a first password needs a sign-in under 10 minutes old, so it reads
-- this column, and a record without it (every record kept so far, since the two cannot be told
-- apart) asks its browser to sign in again first.

-- AlterTable
ALTER TABLE "sign_in_sessions" ADD COLUMN     "signed_in_at" TIMESTAMP(3);
