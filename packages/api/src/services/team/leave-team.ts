import type { PrismaClient } from "@tradeoff/db";
import { notFound } from "../../errors";
import { endMembership } from "../member/end-membership";
import { lockTeam } from "../member/lock-team";

/** The caller leaves the team; its only owner must hand ownership on (or delete it) first. */
export async function leaveTeam(db: PrismaClient, input: { teamId: string; userId: string }) {
  return db.$transaction(async (tx) => {
    await lockTeam(tx, input.teamId);
    const membership = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: input.teamId, userId: input.userId } },
      select: { role: true, team: { select: { name: true } } },
    });
    if (!membership) throw notFound("Team");
    await endMembership(tx, {
      ...input,
      actorId: input.userId,
      role: membership.role,
      action: "member.left",
      lastOwner: `You are the only owner of ${membership.team.name}. Make another member owner first, or delete the team.`,
    });
    return { teamId: input.teamId };
  });
}
