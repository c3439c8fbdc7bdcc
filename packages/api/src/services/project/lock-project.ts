import type { Prisma } from "@tradeoff/db";
import type { TeamActor } from "../../domain/roles";
import { notFound } from "../../errors";
import { currentRole, decisionMember } from "../member/current-role";
import type { ProjectStatus } from "./access";

/**
 * Locks the project row for the rest of the transaction and returns what rules depend on.
 * Votes take a shared lock and status changes an exclusive one, so a vote and a close never
 * interleave: a vote that arrives just after the close sees the closed status. Another team's
 * project is not found, exactly as a missing one. Every change under this lock needs a member,
 * and the actor's role is read again once the lock is held (currentRole): `actor` in the answer
 * is the one to check rules against, so a close sent by an admin demoted (or removed) while it
 * waited behind the votes is refused as their new role is.
 */
export async function lockProject(
  tx: Prisma.TransactionClient,
  actor: { userId: string; teamId: string },
  projectId: string,
  mode: "share" | "update",
): Promise<LockedProject & { actor: TeamActor }> {
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
  const role = await currentRole(tx, decisionMember(actor));
  return { ...project, actor: { userId: actor.userId, teamId: actor.teamId, role } };
}

export type LockedProject = {
  id: string;
  teamId: string;
  status: ProjectStatus;
  round: number;
  createdById: string | null;
};
