import type { PrismaClient } from "@tradeoff/db";
import { notFound } from "../../errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { lockedActorRole } from "../member/current-role";
import { teamSelect } from "./select";

/** Renames the team; its address (slug) stays, so links keep working. */
export async function renameTeam(
  db: PrismaClient,
  input: { teamId: string; actorId: string; name: string },
) {
  return db.$transaction(async (tx) => {
    // Under the team's lock, with the caller's role as it stands: renamed from two places at
    // once, the second rename's audit entry starts from the name the first left.
    await lockedActorRole(tx, { teamId: input.teamId, actorId: input.actorId, minRole: "ADMIN" });
    const before = await tx.team.findUnique({
      where: { id: input.teamId },
      select: { name: true },
    });
    if (!before) throw notFound("Team");
    const team = await tx.team.update({
      where: { id: input.teamId },
      data: { name: input.name },
      select: teamSelect,
    });
    if (before.name !== input.name) {
      await recordAuditEvent(tx, {
        teamId: input.teamId,
        actorId: input.actorId,
        action: "team.renamed",
        data: { from: before.name, to: input.name },
      });
    }
    return team;
  });
}
