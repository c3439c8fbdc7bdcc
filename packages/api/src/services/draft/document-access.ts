import type { SessionUser } from "@tradeoff/auth";
import { type PrismaClient, statements } from "@tradeoff/db";
import { hasRole, type Role } from "../../domain/roles";
import { sessionCurrent } from "../../session-current";

export type DraftDocumentAccess = {
  draftId: string;
  projectId: string;
  teamId: string;
  role: Role;
  /** Viewers read (and comment); nobody edits a draft once it is accepted or discarded. */
  readOnly: boolean;
};

/**
 * Who may open a draft's shared document: a member of the draft's team whose session is still
 * current (a signed-out or revoked session, another team's user or an unknown draft all read
 * as null: the caller learns nothing about drafts they cannot see). Members and up edit a
 * proposed draft; viewers, and everyone once it is accepted or discarded, only read. An open
 * editor's access is read again before its next edit is applied (document-server.ts), so a
 * draft accepted or discarded meanwhile turns its connections read-only.
 */
export async function draftDocumentAccess(
  db: PrismaClient,
  input: { draftId: string; user: SessionUser },
): Promise<DraftDocumentAccess | null> {
  const { user, draftId } = input;
  const [draft, [session]] = await Promise.all([
    db.recordDraft.findFirst({
      where: { id: draftId, team: { memberships: { some: { userId: user.id } } } },
      select: {
        id: true,
        projectId: true,
        teamId: true,
        status: true,
        team: { select: { memberships: { where: { userId: user.id }, select: { role: true } } } },
      },
    }),
    statements.sessionVersion(db, { userId: user.id, sessionId: user.sessionId }),
  ]);
  const role = draft?.team.memberships[0]?.role;
  if (!draft || !role || !session || !sessionCurrent(user, session)) return null;
  return {
    draftId: draft.id,
    projectId: draft.projectId,
    teamId: draft.teamId,
    role,
    readOnly: draft.status !== "PROPOSED" || !hasRole(role, "MEMBER"),
  };
}
