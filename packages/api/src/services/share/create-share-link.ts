import type { PrismaClient, Role } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { assertCanManageProject } from "../project/access";
import { hashShareToken, newShareToken, sharePath } from "./share-token";

/** Active (neither revoked nor expired) share links one decision may have at once. */
export const ACTIVE_SHARE_LINK_LIMIT = 100;

/**
 * A read-only public link to the decision record. Admins and the project's creator only; the
 * token is returned once (the path carries it), only its hash is stored.
 */
export async function createShareLink(
  db: PrismaClient,
  actor: { userId: string; teamId: string; role: Role },
  input: { projectId: string; showVotes: boolean; expiresAt: Date | null },
) {
  const project = await db.project.findFirst({
    where: { id: input.projectId, teamId: actor.teamId },
    select: { id: true, createdById: true },
  });
  if (!project) throw new DomainError("NOT_FOUND", "Decision project was not found.");
  assertCanManageProject(actor, project);
  const token = newShareToken();
  const link = await db.$transaction(async (tx) => {
    // One creation per project at a time, so two at once cannot both pass the limit.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`share-links:${project.id}`}))::text`;
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
      },
      select: { id: true, showVotes: true, expiresAt: true, createdAt: true },
    });
  });
  return { ...link, token, path: sharePath(token) };
}
