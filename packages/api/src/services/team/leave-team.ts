import type { PrismaClient } from "@tradeoff/db";
import { DomainError, notFound } from "../../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { countOwners, lockTeam } from "../member/lock-team";

/** The caller leaves the team; its only owner must hand ownership on (or delete it) first. */
export async function leaveTeam(db: PrismaClient, input: { teamId: string; userId: string }) {
  return db.$transaction(async (tx) => {
    await lockTeam(tx, input.teamId);
    const membership = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: input.teamId, userId: input.userId } },
      select: { role: true, team: { select: { name: true } } },
    });
    if (!membership) throw notFound("Team");
    if (membership.role === "OWNER" && (await countOwners(tx, input.teamId)) <= 1) {
      throw new DomainError(
        "CONFLICT",
        `You are the only owner of ${membership.team.name}. Make another member owner first, or delete the team.`,
      );
    }
    await tx.membership.delete({
      where: { teamId_userId: { teamId: input.teamId, userId: input.userId } },
    });
    await recordAuditEvent(tx, {
      teamId: input.teamId,
      actorId: input.userId,
      action: "member.left",
      subjectId: input.userId,
      data: { role: membership.role },
    });
    return { teamId: input.teamId };
  });
}
