import type { PrismaClient } from "@tradeoff/db";
import { isUniqueViolation } from "../../database-errors";
import type { TeamActor } from "../../domain/roles";
import { DomainError } from "../../errors";
import { decisionMember, sharedActorRole } from "../member/current-role";
import { assertCanManageProject } from "../project/access";
import { hashShareToken, newShareToken, sharePath } from "./share-token";

/** Active (neither revoked nor expired) share links one decision may have at once. */
export const ACTIVE_SHARE_LINK_LIMIT = 100;

/**
 * The answer to a key already used: the link exists, but its token was shown only in the first
 * answer and only its hash is kept, so it cannot be answered again.
 */
function alreadyCreated(link: { id: string; revokedAt: Date | null }) {
  return new DomainError(
    "CONFLICT",
    link.revokedAt
      ? `This share link (${link.id}) was already created by an earlier attempt and has been revoked since. To share the record, create a new one (a new attempt, with a new key).`
      : `This share link (${link.id}) was already created by an earlier attempt; its address is shown only once and cannot be shown again. Copy it from the first answer, or revoke it and create a new one.`,
  );
}

/** The actor's link created with this key, if any. */
function linkWithKey(tx: Pick<PrismaClient, "shareLink">, actor: TeamActor, key: string) {
  return tx.shareLink.findFirst({
    where: { teamId: actor.teamId, createdById: actor.userId, clientKey: key },
    select: { id: true, revokedAt: true },
  });
}

/**
 * A read-only public link to the decision record. Admins and the project's creator only; the
 * token is returned once (the path carries it), only its hash is stored. With an idempotency
 * key, a second request with the same key (a double click, a retry after a lost answer) creates
 * nothing and is refused with CONFLICT naming the link: the token cannot be answered twice.
 */
export async function createShareLink(
  db: PrismaClient,
  actor: TeamActor,
  input: {
    projectId: string;
    showVotes: boolean;
    expiresAt: Date | null;
    idempotencyKey?: string;
  },
) {
  const key = input.idempotencyKey ?? null;
  try {
    return await insertShareLink(db, actor, input, key);
  } catch (error) {
    // The same key for another project at the same moment: the unique index kept the other.
    const earlier = key && isUniqueViolation(error) ? await linkWithKey(db, actor, key) : null;
    if (earlier) throw alreadyCreated(earlier);
    throw error;
  }
}

async function insertShareLink(
  db: PrismaClient,
  actor: TeamActor,
  input: { projectId: string; showVotes: boolean; expiresAt: Date | null },
  clientKey: string | null,
) {
  const project = await db.project.findFirst({
    where: { id: input.projectId, teamId: actor.teamId },
    select: { id: true, createdById: true },
  });
  if (!project) throw new DomainError("NOT_FOUND", "Decision project was not found.");
  assertCanManageProject(actor, project);
  const token = newShareToken();
  const link = await db.$transaction(async (tx) => {
    // The role as it stands, under a share of the team's row that removals and role changes
    // (which lock it FOR UPDATE and then revoke the links their person may no longer have)
    // wait for: a link is either refused here or there when that change revokes it. The check
    // above read the role before any lock. The link then refers to the decision: a share, not
    // lockTeam's FOR UPDATE (sharedActorRole).
    const role = await sharedActorRole(tx, decisionMember(actor));
    assertCanManageProject({ userId: actor.userId, role }, project);
    // One creation per project at a time, so two at once cannot both pass the limit.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`share-links:${project.id}`}))::text`;
    // Under the lock, so the second of two requests with one key sees the first's link.
    const earlier = clientKey ? await linkWithKey(tx, actor, clientKey) : null;
    if (earlier) throw alreadyCreated(earlier);
    const active = await tx.shareLink.count({
      where: {
        projectId: project.id,
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
      },
    });
    if (active >= ACTIVE_SHARE_LINK_LIMIT) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        `This decision already has ${ACTIVE_SHARE_LINK_LIMIT} active share links, the most it can have. Revoke links you no longer need, then create this one.`,
      );
    }
    return tx.shareLink.create({
      data: {
        projectId: project.id,
        teamId: actor.teamId,
        tokenHash: hashShareToken(token),
        showVotes: input.showVotes,
        expiresAt: input.expiresAt,
        createdById: actor.userId,
        clientKey,
      },
      select: { id: true, showVotes: true, expiresAt: true, createdAt: true },
    });
  });
  return { ...link, token, path: sharePath(token) };
}
