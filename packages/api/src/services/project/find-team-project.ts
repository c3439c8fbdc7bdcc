import type { Prisma, PrismaClient } from "@tradeoff/db";
import { notFound } from "../../errors";

/**
 * Reads the fields `select` names of one of the team's projects. Tenancy is in the query: another
 * team's project is not found, exactly as a missing one.
 */
export async function findTeamProject<S extends Prisma.ProjectSelect>(
  db: Pick<PrismaClient, "project">,
  scope: { teamId: string; projectId: string },
  select: S,
) {
  const project = await db.project.findFirst({
    where: { id: scope.projectId, teamId: scope.teamId },
    select,
  });
  if (!project) throw notFound("Decision project");
  return project;
}
