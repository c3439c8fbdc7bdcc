-- CreateEnum
CREATE TYPE "RecordDraftStatus" AS ENUM ('PROPOSED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "ApprovalRule" AS ENUM ('ALL', 'MAJORITY');

-- CreateEnum
CREATE TYPE "ReviewVerdict" AS ENUM ('APPROVED', 'CHANGES_REQUESTED');

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "approval_rule" "ApprovalRule" NOT NULL DEFAULT 'ALL';

-- CreateTable
CREATE TABLE "record_drafts" (
    "id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "status" "RecordDraftStatus" NOT NULL DEFAULT 'PROPOSED',
    "chosen_option_key" TEXT,
    "decision_makers" JSONB NOT NULL DEFAULT '[]',
    "consulted" JSONB NOT NULL DEFAULT '[]',
    "informed" JSONB NOT NULL DEFAULT '[]',
    "review_date" TIMESTAMP(3),
    "links" JSONB NOT NULL DEFAULT '[]',
    "fields_changed_by" JSONB,
    "text" JSONB NOT NULL DEFAULT '{}',
    "text_version" INTEGER NOT NULL DEFAULT 0,
    "shared_before_acceptance" BOOLEAN NOT NULL DEFAULT false,
    "override_reason" TEXT,
    "started_by_id" TEXT,
    "accepted_by_id" TEXT,
    "accepted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "record_drafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_draft_updates" (
    "id" BIGSERIAL NOT NULL,
    "draft_id" TEXT NOT NULL,
    "update" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_draft_updates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_draft_reviews" (
    "id" TEXT NOT NULL,
    "draft_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "verdict" "ReviewVerdict" NOT NULL,
    "comment" TEXT,
    "text_version" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_draft_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_draft_comments" (
    "id" TEXT NOT NULL,
    "draft_id" TEXT NOT NULL,
    "author_id" TEXT,
    "body" TEXT NOT NULL,
    "field" TEXT,
    "quote" TEXT,
    "resolved_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_draft_comments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "record_drafts_project_id_key" ON "record_drafts"("project_id");

-- CreateIndex
CREATE INDEX "record_drafts_team_id_idx" ON "record_drafts"("team_id");

-- CreateIndex
CREATE INDEX "record_draft_updates_draft_id_id_idx" ON "record_draft_updates"("draft_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "record_draft_reviews_draft_id_user_id_key" ON "record_draft_reviews"("draft_id", "user_id");

-- CreateIndex
CREATE INDEX "record_draft_comments_draft_id_created_at_idx" ON "record_draft_comments"("draft_id", "created_at");

-- AddForeignKey
ALTER TABLE "record_drafts" ADD CONSTRAINT "record_drafts_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_drafts" ADD CONSTRAINT "record_drafts_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_drafts" ADD CONSTRAINT "record_drafts_started_by_id_fkey" FOREIGN KEY ("started_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_draft_updates" ADD CONSTRAINT "record_draft_updates_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "record_drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_draft_reviews" ADD CONSTRAINT "record_draft_reviews_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "record_drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_draft_reviews" ADD CONSTRAINT "record_draft_reviews_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_draft_comments" ADD CONSTRAINT "record_draft_comments_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "record_drafts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_draft_comments" ADD CONSTRAINT "record_draft_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
