import type { PrismaClient } from "@tradeoff/db";
import type { TeamActor } from "../../domain/roles";
import { DomainError } from "../../errors";
import { assertCanManageProject } from "../project/access";

/** Revokes a link at once: the next request with its token answers "not found". */
export async function revokeShareLink(
  db: PrismaClient,
  actor: TeamActor,
  input: { projectId: string; linkId: string },
) {
  const link = await db.shareLink.findFirst({
    where: { id: input.linkId, projectId: input.projectId, teamId: actor.teamId },
    select: { id: true, revokedAt: true, project: { select: { createdById: true } } },
  });
  if (!link) throw new DomainError("NOT_FOUND", "Share link was not found.");
  assertCanManageProject(actor, link.project);
  if (!link.revokedAt)
    await db.shareLink.update({
      where: { id: link.id },
      data: { revokedAt: new Date() },
      select: { id: true },
    });
  return { id: link.id, revoked: true };
}
