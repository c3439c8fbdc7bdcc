import type { PrismaClient } from "@tradeoff/db";
import { notFound } from "../../errors";
import { isBlind, type Visibility } from "./event-view";

/**
 * What `userId` may see of the project's history right now; NOT_FOUND when the project is not
 * in `teamId` or the user is no longer a member of it (a live stream re-checks on every batch).
 */
export async function loadVisibility(
  db: PrismaClient,
  input: { projectId: string; teamId: string; userId: string },
): Promise<Visibility & { status: string; createdAt: Date }> {
  const project = await db.project.findFirst({
    where: {
      id: input.projectId,
      teamId: input.teamId,
      team: { memberships: { some: { userId: input.userId } } },
    },
    select: { status: true, votingMode: true, createdAt: true },
  });
  if (!project) throw notFound("Decision project");
  return {
    viewerId: input.userId,
    blind: isBlind(project),
    status: project.status,
    createdAt: project.createdAt,
  };
}
