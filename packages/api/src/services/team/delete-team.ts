import type { PrismaClient } from "@tradeoff/db";
import { announceAccessChanged } from "@tradeoff/db/access-changed";
import { DomainError, notFound } from "../../errors";
import { lockTeam } from "../member/lock-team";

/**
 * Deletes the team and everything in it (projects, votes, comments, invitations, audit
 * trail), once the owner has typed the team's exact name.
 */
export async function deleteTeam(
  db: PrismaClient,
  input: { teamId: string; confirmation: string },
) {
  const team = await db.team.findUnique({
    where: { id: input.teamId },
    select: { id: true, name: true },
  });
  if (!team) throw notFound("Team");
  if (input.confirmation.trim() !== team.name) {
    const message = `Type the team's name, ${team.name}, exactly to confirm.`;
    throw new DomainError("BAD_REQUEST", message, { confirmation: [message] });
  }
  await db.$transaction(async (tx) => {
    // Deleted from two tabs at once: the second finds the team gone and says so.
    await lockTeam(tx, team.id);
    const { count } = await tx.team.deleteMany({ where: { id: team.id } });
    if (count === 0) throw notFound("Team");
    // Open draft editors of the team close on every instance.
    await announceAccessChanged(tx, { userId: null, teamId: team.id });
  });
  return { id: team.id };
}
