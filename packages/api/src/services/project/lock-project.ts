import type { Prisma } from "@tradeoff/db";
import { notFound } from "../../errors";
import type { ProjectStatus } from "./access";

/**
 * Locks the project row for the rest of the transaction and returns what rules depend on.
 * Votes take a shared lock and status changes an exclusive one, so a vote and a close never
 * interleave: a vote that arrives just after the close sees the closed status. Another team's
 * project is not found, exactly as a missing one.
 */
export async function lockProject(
  tx: Prisma.TransactionClient,
  actor: { teamId: string },
  projectId: string,
  mode: "share" | "update",
) {
  const rows =
    mode === "update"
      ? await tx.$queryRaw<LockedProject[]>`
          SELECT id, team_id AS "teamId", status::text AS status, round, created_by_id AS "createdById"
          FROM projects WHERE id = ${projectId} FOR UPDATE`
      : await tx.$queryRaw<LockedProject[]>`
          SELECT id, team_id AS "teamId", status::text AS status, round, created_by_id AS "createdById"
          FROM projects WHERE id = ${projectId} FOR SHARE`;
  const project = rows[0];
  if (!project || project.teamId !== actor.teamId) throw notFound("Decision project");
  return project;
}

export type LockedProject = {
  id: string;
  teamId: string;
  status: ProjectStatus;
  round: number;
  createdById: string | null;
};
